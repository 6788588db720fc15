// Package config reads factcheck's configuration file, .factcheck.yaml.
//
// The file is optional: without one, factcheck runs the built-in rules
// with their own severities and params and fails on errors. A file is
// found by searching upward from the first input (Find), or named with
// --config. It is YAML with a required version:
//
//	version: 1                  # required; this factcheck reads version 1
//	rules: [rules/]             # more rule files or directories, relative to this file
//	lexicons: [slots.yaml]      # more lexicon files, relative to this file
//	fail-on: warning            # the default of --fail-on: error, warning, info or none
//	exclude: ["*.html", drafts] # inputs not to read: glob patterns, as --exclude takes them
//	rule:                       # per-rule settings, by rule id
//	  precision:
//	    severity: off           # error, warning, info, or off to drop the rule
//	    reason: our desk rounds figures on purpose
//	  death-toll-spread:
//	    params: {tolerance: 0.1}
//
// Unknown keys, a missing or unknown version and values of the wrong sort
// are errors with file:line:col (Parse collects them all). Whether a
// rule id or a param exists is checked by the command that loads the
// rules, at the position the config records (Pos).
//
// The package knows nothing of CEL or of how rules are loaded; it only
// reads the file.
package config

import (
	"errors"
	"fmt"
	"github.com/factcheck/factcheck/yamlfile"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/factcheck/factcheck/claims"
)

// FileName is the name Find looks for.
const FileName = ".factcheck.yaml"

// Version is the configuration version this package reads.
const Version = 1

// A Pos is a place in a configuration file: 1-based line and column.
type Pos struct {
	File      string
	Line, Col int
}

// String renders p as "file:line:col".
func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Config is a decoded configuration file.
type Config struct {
	// File is the file's path as found or given.
	File string
	// Rules and Lexicons are the extra rule paths and lexicon files, in
	// file order, resolved against the file's directory.
	Rules, Lexicons []Path
	// FailOn is the default of --fail-on, or nil when the file does not
	// set one.
	FailOn *FailOn
	// Rule holds the per-rule settings in file order.
	Rule []RuleSettings
	// Exclude holds the glob patterns of inputs not to read, in file
	// order, as written.
	Exclude []Pattern
}

// A Pattern is a glob pattern the file gives, at Pos.
type Pattern struct {
	Glob string
	Pos  Pos
}

// A Path is a path the file names: Path resolved against the file's
// directory, As as written.
type Path struct {
	Path, As string
	Pos      Pos
}

// FailOn is the file's fail-on setting.
type FailOn struct {
	Severity claims.Severity
	Pos      Pos
}

// RuleSettings are the settings of one rule.
type RuleSettings struct {
	// ID is the rule id, at Pos.
	ID  string
	Pos Pos
	// Severity is the severity override, or nil.
	Severity *SeveritySetting
	// Params are the param overrides in file order.
	Params []Param
	// Reason says why, as the file gives it.
	Reason string
}

// SeveritySetting is a rule's severity override: Off drops the rule.
type SeveritySetting struct {
	Off      bool
	Severity claims.Severity
	Pos      Pos
}

// String returns "off" or the severity's name.
func (s SeveritySetting) String() string {
	if s.Off {
		return "off"
	}
	return s.Severity.String()
}

// A Param is a param override: Value is an int, float64, bool or string;
// Pos is the place of its name.
type Param struct {
	Name  string
	Value any
	Pos   Pos
}

// A Problem is one mistake in a configuration file.
type Problem struct {
	Pos Pos
	Msg string
}

func (p Problem) String() string { return p.Pos.String() + ": " + p.Msg }

// An Error lists the problems of a configuration file, in file order.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Find returns the configuration file that applies to start, a file or
// directory: FileName in start's directory (start itself when it is a
// directory) or the nearest directory above it, or "" when there is none.
// start "" or "-" (standard input) searches from the working directory.
// The path returned is relative to the working directory when start is
// relative, absolute otherwise.
func Find(start string) (string, error) {
	if start == "" || start == "-" {
		start = "."
	}
	dir := start
	if info, err := os.Stat(start); err != nil || !info.IsDir() {
		dir = filepath.Dir(start)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find %s: %w", FileName, err)
	}
	for d := abs; ; {
		p := filepath.Join(d, FileName)
		info, err := os.Stat(p)
		switch {
		case err == nil && !info.IsDir():
			if filepath.IsAbs(start) {
				return p, nil
			}
			if wd, err := os.Getwd(); err == nil {
				if rel, err := filepath.Rel(wd, p); err == nil {
					return rel, nil
				}
			}
			return p, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
			return "", fmt.Errorf("find %s: %w", FileName, err)
		}
		up := filepath.Dir(d)
		if up == d {
			return "", nil
		}
		d = up
	}
}

// Load reads and decodes the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: read config: %w", path, err)
	}
	return Parse(path, data)
}

var topKeys = []string{"version", "rules", "lexicons", "fail-on", "exclude", "rule"}

// Parse decodes configuration data read from the file name. Relative
// paths in it are resolved against name's directory. The error, if any,
// is an *Error.
func Parse(name string, data []byte) (*Config, error) {
	d := &decoder{file: name}
	c := &Config{File: name}
	root := d.parse(data)
	if root == nil {
		return nil, d.err()
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "a config file is a mapping of keys (%s)", strings.Join(topKeys, ", "))
		return nil, d.err()
	}
	var version *yaml.Node
	d.fields(root, topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "version":
			version = v
		case "rules":
			c.Rules = d.paths(v, key)
		case "lexicons":
			c.Lexicons = d.paths(v, key)
		case "fail-on":
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				d.errorf(v, "fail-on must be error, warning, info or none")
				return
			}
			sev, err := claims.ParseSeverity(v.Value)
			if err != nil {
				d.errorf(v, "fail-on: %v", err)
				return
			}
			c.FailOn = &FailOn{Severity: sev, Pos: d.pos(v)}
		case "rule":
			c.Rule = d.ruleSettings(v)
		case "exclude":
			c.Exclude = d.patterns(v)
		}
	})
	switch {
	case version == nil:
		d.errorf(root, "missing key \"version\" (add version: %d)", Version)
	case version.Kind != yaml.ScalarNode || version.Tag != "!!int":
		d.errorf(version, "version must be a whole number (this factcheck reads version %d)", Version)
	case version.Value != fmt.Sprint(Version):
		d.errorf(version, "unsupported version %s (this factcheck reads version %d)", version.Value, Version)
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// decoder decodes one file, collecting problems.
type decoder struct {
	file  string
	probs []Problem
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.probs = append(d.probs, Problem{Pos: d.pos(n), Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) err() error {
	if len(d.probs) == 0 {
		return nil
	}
	slices.SortStableFunc(d.probs, func(a, b Problem) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	return &Error{Problems: d.probs}
}

// parse decodes the file's single YAML document.
func (d *decoder) parse(data []byte) *yaml.Node {
	root, err := yamlfile.Decode(data)
	var syntax *yamlfile.SyntaxError
	var extra *yamlfile.ExtraDocError
	switch {
	case errors.Is(err, yamlfile.ErrEmpty):
		d.probs = append(d.probs, Problem{Pos: Pos{d.file, 1, 1}, Msg: fmt.Sprintf("empty config file (want at least version: %d)", Version)})
	case errors.As(err, &extra):
		d.errorf(extra.Node, "more than one YAML document")
	case errors.As(err, &syntax):
		d.syntaxError(syntax)
	}
	return root
}

// syntaxError records a yaml.v3 error, which gives a line but no column.
func (d *decoder) syntaxError(e *yamlfile.SyntaxError) {
	d.probs = append(d.probs, Problem{Pos: Pos{d.file, max(e.Line, 1), 1}, Msg: "YAML syntax error: " + e.Msg})
}

// fields walks the keys of mapping m, reporting unknown and duplicate
// keys, and calls fn for the others.
func (d *decoder) fields(m *yaml.Node, known []string, fn func(key string, k, v *yaml.Node)) {
	yamlfile.Fields(m, known, d.errorf, fn)
}

// paths decodes a path or a list of paths.
func (d *decoder) paths(n *yaml.Node, key string) []Path {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		d.errorf(n, "%s must be a list of paths", key)
		return nil
	}
	var out []Path
	for _, e := range nodes {
		e = yamlfile.Resolve(e)
		if e.Kind != yaml.ScalarNode || e.Tag == "!!null" || e.Value == "" {
			d.errorf(e, "%s must be a list of paths", key)
			continue
		}
		p := filepath.FromSlash(e.Value)
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(d.file), p)
		}
		out = append(out, Path{Path: p, As: e.Value, Pos: d.pos(e)})
	}
	return out
}

// patterns decodes a glob pattern or a list of them. Whether a pattern is
// well formed is checked by the command that uses them, at Pos.
func (d *decoder) patterns(n *yaml.Node) []Pattern {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil
		}
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		nodes = n.Content
	default:
		d.errorf(n, "exclude must be a list of glob patterns")
		return nil
	}
	var out []Pattern
	for _, e := range nodes {
		e = yamlfile.Resolve(e)
		if e.Kind != yaml.ScalarNode || e.Tag == "!!null" || e.Value == "" {
			d.errorf(e, "exclude must be a list of glob patterns")
			continue
		}
		out = append(out, Pattern{Glob: e.Value, Pos: d.pos(e)})
	}
	return out
}

var ruleKeys = []string{"severity", "params", "reason"}

// ruleSettings decodes the rule: mapping.
func (d *decoder) ruleSettings(n *yaml.Node) []RuleSettings {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "rule must be a mapping of rule ids to settings (%s)", strings.Join(ruleKeys, ", "))
		return nil
	}
	var out []RuleSettings
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlfile.Resolve(n.Content[i+1])
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "duplicate rule %q (first on line %d)", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		rs := RuleSettings{ID: k.Value, Pos: d.pos(k)}
		if v.Kind != yaml.MappingNode {
			d.errorf(v, "rule %s: settings must be a mapping (%s)", k.Value, strings.Join(ruleKeys, ", "))
			continue
		}
		d.fields(v, ruleKeys, func(key string, k, v *yaml.Node) {
			switch key {
			case "severity":
				if v.Kind != yaml.ScalarNode {
					d.errorf(v, "severity must be error, warning, info or off")
					return
				}
				// YAML 1.1 readers take a bare off for false; yaml.v3 keeps
				// it a string, but accept false too.
				switch v.Value {
				case "off", "false":
					rs.Severity = &SeveritySetting{Off: true, Pos: d.pos(v)}
				case "error", "warning", "info":
					sev, _ := claims.ParseSeverity(v.Value)
					rs.Severity = &SeveritySetting{Severity: sev, Pos: d.pos(v)}
				default:
					d.errorf(v, "unknown severity %q (want error, warning, info or off)", v.Value)
				}
			case "params":
				rs.Params = d.params(v)
			case "reason":
				if v.Kind != yaml.ScalarNode {
					d.errorf(v, "reason must be text")
					return
				}
				rs.Reason = v.Value
			}
		})
		out = append(out, rs)
	}
	return out
}

// params decodes a rule's params: mapping.
func (d *decoder) params(n *yaml.Node) []Param {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "params must be a mapping of names to values")
		return nil
	}
	var out []Param
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlfile.Resolve(n.Content[i+1])
		if seen[k.Value] {
			d.errorf(k, "duplicate param %q", k.Value)
			continue
		}
		seen[k.Value] = true
		var x any
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || v.Decode(&x) != nil {
			d.errorf(v, "param %s: want a number, string or bool", k.Value)
			continue
		}
		switch x.(type) {
		case int, float64, bool, string:
		default:
			d.errorf(v, "param %s: want a number, string or bool", k.Value)
			continue
		}
		out = append(out, Param{Name: k.Value, Value: x, Pos: d.pos(k)})
	}
	return out
}
