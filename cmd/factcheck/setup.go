package main

import (
	"fmt"
	"github.com/factcheck/factcheck/yamlfile"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/factcheck/factcheck"
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/config"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/rules"
	"github.com/spf13/pflag"
)

// loadFlags are the flags that choose the configuration file, the rules,
// the lexicons and the --fail-on level. A command registers the ones it
// uses.
type loadFlags struct {
	config   string
	noConfig bool
	rules    []string
	lexicons []string
	failOn   string // "" when not given
	exclude  []string
}

// addExcludeFlag registers --exclude.
func (l *loadFlags) addExcludeFlag(f *pflag.FlagSet) {
	f.StringArrayVar(&l.exclude, "exclude", nil, "do not read inputs matching `GLOB` (\"*.html\", \"drafts\", \"wires/**/old-*\"); repeatable")
}

// addConfigFlags registers --config and --no-config.
func (l *loadFlags) addConfigFlags(f *pflag.FlagSet) {
	f.StringVar(&l.config, "config", "", "read the configuration `FILE` instead of the "+config.FileName+" found above the first PATH")
	f.BoolVar(&l.noConfig, "no-config", false, "read no configuration file")
}

// addRulesFlag registers --rules.
func (l *loadFlags) addRulesFlag(f *pflag.FlagSet) {
	f.StringArrayVar(&l.rules, "rules", nil, "also run the rules in `PATH` (a rule file or a directory of them); repeatable")
}

// addLexiconFlag registers --lexicon.
func (l *loadFlags) addLexiconFlag(f *pflag.FlagSet) {
	f.StringArrayVar(&l.lexicons, "lexicon", nil, "add or replace slots with the lexicon `FILE` (YAML); repeatable")
}

// addFailOnFlag registers --fail-on.
func (l *loadFlags) addFailOnFlag(f *pflag.FlagSet) {
	f.StringVar(&l.failOn, "fail-on", "", "exit 1 when a finding is at or above `LEVEL`: error, warning, info or none (default error, or the config file's fail-on)")
}

// builtinFrom is the origin of a built-in default.
const builtinFrom = "built-in"

// A sourcedPath is a rule or lexicon path and where it was given: a
// config file's file:line:col or a flag.
type sourcedPath struct {
	path, from string
}

// settings are a command's effective loading settings: the flags over the
// configuration file over the built-in defaults, each with where it came
// from.
type settings struct {
	command string
	// cfg is the configuration file read, or nil; cfgNote says how it
	// was found, or why there is none.
	cfg     *config.Config
	cfgNote string

	failOn     claims.Severity
	failOnFrom string
	rulePaths  []sourcedPath // the config file's, then the flags'
	lexicons   []sourcedPath
	exclude    []sourcedPath // glob patterns: the config file's, then the flags'
}

// loadSettings resolves the flags of command and the configuration file
// that applies to start (the first input; "" for the working directory).
// It reads no rule and no article.
func loadSettings(command string, l *loadFlags, start string) (*settings, error) {
	s := &settings{command: command, failOn: claims.SeverityError, failOnFrom: builtinFrom}
	if l.failOn != "" {
		sev, err := claims.ParseSeverity(l.failOn)
		if err != nil {
			return nil, usagef("%s: --fail-on: %v", command, err)
		}
		s.failOn, s.failOnFrom = sev, "flag --fail-on"
	}
	path := l.config
	switch {
	case l.noConfig && l.config != "":
		return nil, usagef("%s: --config and --no-config contradict each other", command)
	case l.noConfig:
		s.cfgNote = "flag --no-config"
	case l.config != "":
		s.cfgNote = "flag --config"
	default:
		found, err := config.Find(start)
		if err != nil {
			return nil, err
		}
		where := start
		if where == "" || where == "-" {
			where = "the working directory"
		}
		path = found
		s.cfgNote = "found above " + where
		if found == "" {
			s.cfgNote = "no " + config.FileName + " above " + where
		}
	}
	if path != "" {
		cfg, err := config.Load(path)
		if err != nil {
			return nil, err
		}
		s.cfg = cfg
		if cfg.FailOn != nil && l.failOn == "" {
			s.failOn, s.failOnFrom = cfg.FailOn.Severity, cfg.FailOn.Pos.String()
		}
		for _, p := range cfg.Rules {
			s.rulePaths = append(s.rulePaths, sourcedPath{p.Path, p.Pos.String()})
		}
		for _, p := range cfg.Lexicons {
			s.lexicons = append(s.lexicons, sourcedPath{p.Path, p.Pos.String()})
		}
		for _, p := range cfg.Exclude {
			if _, err := extract.NewExclude([]string{p.Glob}); err != nil {
				return nil, &config.Error{Problems: []config.Problem{{Pos: p.Pos, Msg: "exclude: " + err.Error()}}}
			}
			s.exclude = append(s.exclude, sourcedPath{p.Glob, p.Pos.String()})
		}
	}
	for _, p := range l.exclude {
		if _, err := extract.NewExclude([]string{p}); err != nil {
			return nil, usagef("%s: --exclude: %v", command, err)
		}
		s.exclude = append(s.exclude, sourcedPath{p, "flag --exclude"})
	}
	for _, p := range l.rules {
		s.rulePaths = append(s.rulePaths, sourcedPath{p, "flag --rules"})
	}
	for _, p := range l.lexicons {
		s.lexicons = append(s.lexicons, sourcedPath{p, "flag --lexicon"})
	}
	return s, nil
}

// excluder returns the Exclude of the configured and flagged patterns.
func (s *settings) excluder() *extract.Exclude {
	globs := make([]string, len(s.exclude))
	for i, p := range s.exclude {
		globs[i] = p.path
	}
	e, _ := extract.NewExclude(globs) // each was checked by loadSettings
	return e
}

// lexicon loads the built-in lexicon extended by the configured ones.
func (s *settings) lexicon() (*extract.Lexicon, error) {
	paths := make([]string, len(s.lexicons))
	for i, p := range s.lexicons {
		paths[i] = p.path
	}
	return loadLexicon(paths)
}

// ruleSets are the rules a command loads: the built-in pack and the sets
// of the configured rule paths, in order, the later replacing the earlier
// rules with the same id in all. check, rules list, lint, test and explain
// all load rules this way.
type ruleSets struct {
	builtin *rules.Set
	extra   []*rules.Set // one per group of paths: the config file's, the flags'
	all     *rules.Set
	// off holds the rules the configuration turns off, by id, with the
	// configuration's params applied.
	off map[string]*rules.Rule
}

// loadBuiltinRules loads the built-in pack.
func loadBuiltinRules() (*rules.Set, error) {
	set, err := rules.LoadFS(factcheck.BuiltinRules, "rules.d")
	if err != nil {
		return nil, fmt.Errorf("built-in rules: %w", err)
	}
	return set, nil
}

// loadRuleSets loads the built-in pack, then the rules of the config
// file's paths, then those of the flags' paths. With apply, it then
// applies the configuration's per-rule settings: severities, params, and
// rules turned off, which are left out of all.
func (s *settings) loadRuleSets(apply bool) (*ruleSets, error) {
	builtin, err := loadBuiltinRules()
	if err != nil {
		return nil, err
	}
	rs := &ruleSets{builtin: builtin, all: rules.NewSet(builtin.Rules()...), off: map[string]*rules.Rule{}}
	// The config file's paths and the flags' are loaded separately, so that
	// a rule given with --rules replaces a configured one of the same id.
	groups := groupPaths(s.rulePaths)
	for _, paths := range groups {
		more, err := rules.LoadPaths(paths...)
		if err != nil {
			return nil, err
		}
		rs.extra = append(rs.extra, more)
		rs.all.Add(more)
	}
	if apply {
		if err := s.applyRuleSettings(rs); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// groupPaths splits rule paths into the groups loadRuleSets loads as
// separate sets: the configuration file's, then the flags' (or a
// command's arguments).
func groupPaths(ps []sourcedPath) [][]string {
	var groups [][]string
	last := ""
	for _, p := range ps {
		kind := "config"
		if strings.HasPrefix(p.from, "flag ") || p.from == fromArgument {
			kind = "flag"
		}
		if kind != last {
			groups = append(groups, nil)
			last = kind
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], p.path)
	}
	return groups
}

// fromArgument is the origin of a path given as a command's argument.
const fromArgument = "argument"

// applyRuleSettings applies the configuration's per-rule settings to
// rs.all. Every problem is reported with its place in the config file.
func (s *settings) applyRuleSettings(rs *ruleSets) error {
	if s.cfg == nil {
		return nil
	}
	var probs []config.Problem
	var ids []string
	for _, r := range rs.all.Rules() {
		ids = append(ids, r.ID)
	}
	for _, rc := range s.cfg.Rule {
		r := rs.all.Rule(rc.ID)
		if r == nil {
			msg := fmt.Sprintf("rule: no rule %q", rc.ID)
			if near := closest(rc.ID, ids); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			} else {
				msg += " (see factcheck rules list)"
			}
			probs = append(probs, config.Problem{Pos: rc.Pos, Msg: msg})
			continue
		}
		for _, p := range rc.Params {
			if err := rs.all.SetParam(rc.ID, p.Name, p.Value); err != nil {
				probs = append(probs, config.Problem{Pos: p.Pos, Msg: err.Error()})
			}
		}
		if rc.Severity != nil {
			if rc.Severity.Off {
				rs.off[rc.ID] = r
			} else {
				r.Severity = rc.Severity.Severity
			}
		}
	}
	if len(probs) > 0 {
		return &config.Error{Problems: probs}
	}
	for id := range rs.off {
		rs.all.Remove(id)
	}
	return nil
}

// closest returns the word of known nearest to s when it is close: at
// most a third of s's letters differ.
func closest(s string, known []string) string {
	return yamlfile.Suggest(s, known, len(s)/3+1)
}

// rule returns the rule with the given id, on or off.
func (rs *ruleSets) rule(id string) *rules.Rule {
	if r := rs.all.Rule(id); r != nil {
		return r
	}
	return rs.off[id]
}

// ids returns the ids of every rule, on or off, sorted.
func (rs *ruleSets) ids() []string {
	var ids []string
	for _, r := range rs.all.Rules() {
		ids = append(ids, r.ID)
	}
	ids = append(ids, slices.Collect(maps.Keys(rs.off))...)
	slices.Sort(ids)
	return ids
}

// severity returns the severity of rule r as the configuration leaves it:
// its name, or "off".
func (rs *ruleSets) severity(r *rules.Rule) string {
	if rs.off[r.ID] == r {
		return "off"
	}
	return r.Severity.String()
}

// isBuiltin reports whether r is the built-in rule of its id.
func (rs *ruleSets) isBuiltin(r *rules.Rule) bool { return rs.builtin.Rule(r.ID) == r }

// ruleFile names r's file for people: built-in rules say so.
func (rs *ruleSets) ruleFile(r *rules.Rule) string {
	if rs.isBuiltin(r) {
		return r.File + " (built-in)"
	}
	return r.File
}

// ruleSettingsOf returns the configuration's settings of rule id, or nil.
func (s *settings) ruleSettingsOf(id string) *config.RuleSettings {
	if s.cfg == nil {
		return nil
	}
	i := slices.IndexFunc(s.cfg.Rule, func(rc config.RuleSettings) bool { return rc.ID == id })
	if i < 0 {
		return nil
	}
	return &s.cfg.Rule[i]
}

// rules returns the rules check runs: the built-in pack, the configured
// and flagged rules over it, with the configuration's per-rule settings
// applied and the rules it turns off left out.
func (s *settings) rules() (*rules.Set, error) {
	rs, err := s.loadRuleSets(true)
	if err != nil {
		return nil, err
	}
	return rs.all, nil
}

// firstPath returns the first of paths, where the configuration file is
// searched from, or "".
func firstPath(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}

// readSetup is what a command that reads articles without checking them
// (extract, explain-claims) sets up first, in this order: --date, the
// input format, the configuration found from the first path, its
// exclusions and warnings (into warn), and the lexicon it names.
func readSetup(command, date, inputFormat string, stdin io.Reader, l *loadFlags, paths []string, warn *warnings) (extract.LoadOptions, *extract.Lexicon, error) {
	if err := checkDate(command, date); err != nil {
		return extract.LoadOptions{}, nil, err
	}
	loadOpt, err := loadOptions(command, inputFormat, stdin)
	if err != nil {
		return extract.LoadOptions{}, nil, err
	}
	cfg, err := loadSettings(command, l, firstPath(paths))
	if err != nil {
		return extract.LoadOptions{}, nil, err
	}
	loadOpt.Exclude, loadOpt.Warn = cfg.excluder(), warn.add
	lex, err := cfg.lexicon()
	if err != nil {
		return extract.LoadOptions{}, nil, err
	}
	return loadOpt, lex, nil
}
