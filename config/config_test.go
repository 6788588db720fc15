package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func TestParse(t *testing.T) {
	src := `# the newsroom's settings
version: 1
rules: [rules/, /abs/more.yaml]
lexicons: slots.yaml
fail-on: warning
exclude: ["*.html", drafts]
rule:
  precision:
    severity: off
    reason: our desk rounds on purpose
  conflict:
    severity: warning
  death-toll-spread:
    params: {tolerance: 0.1, min: 2, strict: true, label: toll}
`
	c, err := Parse(filepath.Join("desk", FileName), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("desk", FileName)
	want := &Config{
		File: file,
		Rules: []Path{
			{Path: filepath.Join("desk", "rules"), As: "rules/", Pos: Pos{file, 3, 9}},
			{Path: filepath.FromSlash("/abs/more.yaml"), As: "/abs/more.yaml", Pos: Pos{file, 3, 17}},
		},
		Lexicons: []Path{{Path: filepath.Join("desk", "slots.yaml"), As: "slots.yaml", Pos: Pos{file, 4, 11}}},
		FailOn:   &FailOn{Severity: claims.SeverityWarning, Pos: Pos{file, 5, 10}},
		Exclude:  []Pattern{{Glob: "*.html", Pos: Pos{file, 6, 11}}, {Glob: "drafts", Pos: Pos{file, 6, 21}}},
		Rule: []RuleSettings{
			{ID: "precision", Pos: Pos{file, 8, 3}, Severity: &SeveritySetting{Off: true, Pos: Pos{file, 9, 15}},
				Reason: "our desk rounds on purpose"},
			{ID: "conflict", Pos: Pos{file, 11, 3}, Severity: &SeveritySetting{Severity: claims.SeverityWarning, Pos: Pos{file, 12, 15}}},
			{ID: "death-toll-spread", Pos: Pos{file, 13, 3}, Params: []Param{
				{Name: "tolerance", Value: 0.1, Pos: Pos{file, 14, 14}},
				{Name: "min", Value: 2, Pos: Pos{file, 14, 30}},
				{Name: "strict", Value: true, Pos: Pos{file, 14, 38}},
				{Name: "label", Value: "toll", Pos: Pos{file, 14, 52}},
			}},
		},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse =\n%#v\nwant\n%#v", c, want)
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // the problems, "line:col: message"
	}{
		{"unknown key", "version: 1\nfail_on: error\n", []string{`2:1: unknown key "fail_on" (did you mean "fail-on"?)`}},
		{"unknown far key", "version: 1\nformat: json\n", []string{`2:1: unknown key "format" (want one of version, rules, lexicons, fail-on, exclude, rule)`}},
		{"missing version", "rules: [x]\n", []string{`1:1: missing key "version" (add version: 1)`}},
		{"exclude not a list", "version: 1\nexclude: {a: b}\n", []string{"2:10: exclude must be a list of glob patterns"}},
		{"exclude of a null", "version: 1\nexclude: [a, ~]\n", []string{"2:14: exclude must be a list of glob patterns"}},
		{"future version", "version: 2\n", []string{"1:10: unsupported version 2 (this factcheck reads version 1)"}},
		{"version text", "version: one\n", []string{"1:10: version must be a whole number (this factcheck reads version 1)"}},
		{"bad fail-on", "version: 1\nfail-on: fatal\n", []string{`2:10: fail-on: unknown severity "fatal" (want error, warning, info or none)`}},
		{"bad severity", "version: 1\nrule:\n  conflict: {severity: none}\n", []string{`3:24: unknown severity "none" (want error, warning, info or off)`}},
		{"unknown rule key", "version: 1\nrule:\n  conflict:\n    severty: info\n", []string{`4:5: unknown key "severty" (did you mean "severity"?)`}},
		{"param list", "version: 1\nrule:\n  conflict:\n    params: {tolerance: [1]}\n", []string{"4:25: param tolerance: want a number, string or bool"}},
		{"rules not paths", "version: 1\nrules: {a: b}\n", []string{"2:8: rules must be a list of paths"}},
		{"duplicate", "version: 1\nversion: 1\n", []string{`2:1: duplicate key "version" (first on line 1)`}},
		{"syntax", "version: 1\nrules: [a\n", []string{"1:1: YAML syntax error: did not find expected ',' or ']'"}},
		{"empty", "", []string{"1:1: empty config file (want at least version: 1)"}},
		{"not a mapping", "- version\n", []string{"1:1: a config file is a mapping of keys (version, rules, lexicons, fail-on, exclude, rule)"}},
		{"all problems", "verison: 1\nfail-on: x\n", []string{
			`1:1: unknown key "verison" (did you mean "version"?)`,
			`1:1: missing key "version" (add version: 1)`,
			`2:10: fail-on: unknown severity "x" (want error, warning, info or none)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(tt.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse: %v, want an *Error", err)
			}
			var got []string
			for _, p := range e.Problems {
				got = append(got, strings.TrimPrefix(p.String(), "c.yaml:"))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	article := filepath.Join(deep, "story.txt")
	if err := os.WriteFile(article, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || p != "" {
		t.Fatalf("Find with no config = %q, %v", p, err)
	}
	top := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(top, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{deep, article, filepath.Join(deep, "missing.txt"), filepath.Join(root, "a")} {
		if p, err := Find(start); err != nil || p != top {
			t.Errorf("Find(%s) = %q, %v; want %s", start, p, err, top)
		}
	}
	// The nearest wins.
	near := filepath.Join(deep, FileName)
	if err := os.WriteFile(near, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, _ := Find(article); p != near {
		t.Errorf("Find = %q, want the nearer %s", p, near)
	}
	// A relative start gives a relative path.
	t.Chdir(filepath.Join(root, "a", "b"))
	if p, _ := Find("c/story.txt"); p != filepath.Join("c", FileName) {
		t.Errorf("Find(c/story.txt) = %q", p)
	}
	if p, _ := Find("-"); p != filepath.Join("..", FileName) {
		t.Errorf("Find(-) = %q", p)
	}
	// A directory of that name is not a config file.
	if err := os.Remove(near); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(near, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, _ := Find(deep); p != top {
		t.Errorf("Find past a directory named %s = %q", FileName, p)
	}
}

func TestLoad(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil || !strings.Contains(err.Error(), "nope.yaml: read config: ") {
		t.Errorf("Load of a missing file: %v", err)
	}
}

// TestDocumentedExamples parses every configuration the README and
// docs/rules.md show (the yaml blocks starting "version: 1").
func TestDocumentedExamples(t *testing.T) {
	n := 0
	for _, doc := range []string{"../README.md", "../docs/rules.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, block := range strings.Split(string(b), "```yaml\n")[1:] {
			block, _, _ = strings.Cut(block, "```")
			if !strings.HasPrefix(block, "version: 1") {
				continue
			}
			n++
			if _, err := Parse(FileName, []byte(block)); err != nil {
				t.Errorf("%s: a documented configuration does not parse:\n%s\n%v", doc, block, err)
			}
		}
	}
	if n < 3 {
		t.Errorf("found %d documented configurations, want at least 3", n)
	}
}
