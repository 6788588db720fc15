package main

import (
	"errors"
	"io"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/gate"
	"github.com/factcheck/factcheck/report"
	"github.com/factcheck/factcheck/rules"
	"github.com/spf13/cobra"
)

// checkOptions are the check command's flags, arguments and IO.
type checkOptions struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	formats     []string // FORMAT or FORMAT=FILE; see parseOutputs
	load        loadFlags
	minSeverity string
	baseline    string
	ignore      string
	date        string
	output      string
	drafts      []string
	inputFormat string
	paths       []string
}

func newCheckCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	o := &checkOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Report where the sources' claims disagree",
		Long: `check extracts the claims of every article in PATH (files, directories of
.txt, .md, .markdown, .html and .htm files, or - for standard input), groups
the claims that state the same thing about the same subject, and runs the
built-in rules and those given with --rules over the groups.

It exits 1 when a finding is at or above --fail-on, 2 on any error.`,
		Args: pathArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.formats, "format", []string{"table"}, "output `FORMAT`, or FORMAT=FILE to write it to FILE: "+report.FormatList()+"; repeatable")
	o.load.addRulesFlag(f)
	o.load.addLexiconFlag(f)
	o.load.addFailOnFlag(f)
	o.load.addConfigFlags(f)
	o.load.addExcludeFlag(f)
	f.StringVar(&o.minSeverity, "min-severity", "info", "show only findings at or above `LEVEL`: error, warning or info")
	f.StringVar(&o.baseline, "baseline", "", "show only findings whose fingerprint is not in `FILE`, an earlier check --format json report")
	f.StringVar(&o.ignore, "ignore", "", "accept the findings listed in `FILE` (default: "+report.IgnoreFile+" next to the inputs)")
	f.StringVar(&o.date, "date", "", "resolve relative dates against `YYYY-MM-DD` when an article gives no date")
	f.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` (whole or not at all) instead of standard output")
	f.StringArrayVar(&o.drafts, "draft", nil, "check the figures of the draft `FILE` against the PATH sources; only the draft's problems set the exit code; repeatable")
	f.StringVar(&o.inputFormat, "input-format", extract.FormatAuto, inputFormatUsage)
	return cmd
}

func (o *checkOptions) run() error {
	outs, err := parseOutputs(o.formats, o.output)
	if err != nil {
		return err
	}
	// The flags over the configuration file over the built-in defaults.
	cfg, err := loadSettings("check", &o.load, firstPath(o.paths))
	if err != nil {
		return err
	}
	failOn := cfg.failOn
	minSeverity, err := claims.ParseSeverity(o.minSeverity)
	if err != nil || minSeverity == claims.SeverityNone {
		return usagef("check: --min-severity: unknown severity %q (want error, warning or info)", o.minSeverity)
	}
	if err := checkDate("check", o.date); err != nil {
		return err
	}
	loadOpt, err := loadOptions("check", o.inputFormat, o.stdin)
	if err != nil {
		return err
	}
	var warn warnings
	defer warn.flush(o.stderr)
	loadOpt.Exclude, loadOpt.Warn = cfg.excluder(), warn.add
	// Rules and lexicons first, so that a bad rule fails before any
	// article is read.
	set, err := cfg.rules()
	if err != nil {
		return err
	}
	for _, w := range set.Warnings() {
		warn.add(w)
	}
	lex, err := cfg.lexicon()
	if err != nil {
		return err
	}
	baseline, err := loadBaseline(o.baseline)
	if err != nil {
		return err
	}
	accepted, err := loadIgnore(o.ignore, o.paths)
	if err != nil {
		return err
	}
	prog := newProgress(o.stderr)
	defer prog.done()
	prog.say("reading articles…")
	inputs, err := extract.Files(o.paths, loadOpt)
	if err != nil {
		return err
	}
	if err := checkOutputs(outs, append(inputs, o.drafts...)); err != nil {
		return err
	}
	docs, err := extract.Load(o.paths, loadOpt)
	if err != nil {
		return err
	}
	drafts, err := loadDrafts(o.drafts, docs, o.stdin)
	if err != nil {
		return err
	}
	all := append(append([]*claims.Document{}, drafts...), docs...)
	prog.say("extracting claims from %d articles…", len(all))
	// The articles' text is dropped as soon as their claims are read,
	// unless a draft is assessed against it or a format shows it.
	release := len(drafts) == 0
	for _, out := range outs {
		release = release && !report.NeedsText(out.format)
	}
	cs := extract.New(lex).Run(all, extract.Options{Date: o.date, Release: release, Warn: warn.add})
	draftClaims, sourceClaims := splitDraft(cs, drafts)
	// The gate groups the claims that state the same fact; a finding at
	// warning or error needs a group it is sure enough of.
	model, err := gate.Default()
	if err != nil {
		return err
	}
	groups := model.Group(sourceClaims)
	prog.say("checking %d groups of claims…", len(groups))
	// A rule that fails on a group (an *rules.EvalError) does not stop
	// the others: the report of everything that ran is written, then the
	// failures are reported and the exit code is 2.
	findings, evalErr := set.Evaluate(groups, rules.MinAlarmConfidence(model.Alarm))
	if ee := (*rules.EvalError)(nil); evalErr != nil && !errors.As(evalErr, &ee) {
		return evalErr
	}
	prog.done()
	r := &report.Result{Docs: all, Claims: cs, Groups: groups, Findings: findings, Rules: ruleInfos(set), Accepted: accepted, ToolVersion: toolVersion()}
	// With a draft, the sources' own disagreements are context: only the
	// draft's findings set the exit code.
	gate := findings
	if len(drafts) > 0 {
		d := assessDraft(drafts, docs, draftClaims, sourceClaims)
		for _, w := range d.warnings {
			warn.add(w)
		}
		r.Findings = append(r.Findings, d.findings...)
		r.Draft, r.Copies = d.verdicts, d.copies
		r.Rules = append(r.Rules, draftRuleInfos()...)
		if r.Accepted == nil {
			r.Accepted = map[string]string{}
		}
		for fp, reason := range d.accepted {
			if _, ok := r.Accepted[fp]; !ok {
				r.Accepted[fp] = reason
			}
		}
		accepted, gate = r.Accepted, d.findings
	}
	r.Select(minSeverity, baseline)
	if err := writeOutputs(outs, o.stdout, r); err != nil {
		return err
	}
	if evalErr != nil {
		return evalErr
	}
	if failing(gate, failOn, baseline, accepted) {
		return errFindings
	}
	return nil
}

// loadDrafts reads the --draft files. A draft may not also be a source,
// and their HTML comments (the inline silences) are not read as text.
func loadDrafts(paths []string, sources []*claims.Document, stdin io.Reader) ([]*claims.Document, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	drafts, err := extract.Load(paths, extract.LoadOptions{Stdin: stdin})
	if err != nil {
		return nil, err
	}
	for _, d := range drafts {
		for _, s := range sources {
			if d.Source == s.Source {
				return nil, usagef("check: %s is both the draft and a source", d.Source)
			}
		}
		extract.BlankComments(d)
	}
	return drafts, nil
}
