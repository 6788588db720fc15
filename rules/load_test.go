package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// writeRules writes files into a new temporary directory and returns it.
func writeRules(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadProblems loads dir and returns its problems, failing unless the error
// is a *LoadError.
func loadProblems(t *testing.T, dir string) []Problem {
	t.Helper()
	s, err := LoadPaths(dir)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("LoadPaths = %v, %v; want a *LoadError", s, err)
	}
	return le.Problems
}

const okHead = "title: t\nseverity: error\nmessage: m\n"

func TestLoadProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		// line is the line the problem must be reported on, and at the
		// text its column must point at (the first occurrence on the line;
		// "" for column 1).
		line int
		at   string
		msg  string // the message, or its start
	}{
		{"yaml syntax", "title: x\nseverity: error\n  bad: 1\n", 3, "bad", "YAML syntax error: mapping values are not allowed in this context"},
		{"unknown key", "title: x\nseverty: error\ncondition: true\nmessage: m\n", 2, "", `unknown key "severty" (did you mean "severity"?)`},
		{"bad severity", "title: x\nseverity: fatal\ncondition: true\nmessage: m\n", 2, "fatal", `bad severity "fatal": want error, warning or info`},
		{"cel syntax", okHead + "condition: has_conflict(claims) && )\n", 4, ")\n", "condition: Syntax error: "},
		{"cel syntax at end", okHead + "condition: has_conflict(claims) &&\n", 4, "\n", "condition: Syntax error: mismatched input '<EOF>'"},
		{"condition not bool", okHead + "condition: spread(claims)\n", 4, "spread", "condition must be bool, not double"},
		{"misspelt claim field", okHead + "condition: claims.exists(c, c.sorce == \"a\")\n", 4, ".sorce", "condition: undefined field 'sorce'"},
		{"misspelt group field", okHead + "condition: group.slto == \"x\"\n", 4, ".slto", "condition: undefined field 'slto'"},
		{"wrong argument type", okHead + "condition: overlaps(claims, claims)\n", 4, "(claims", "condition: found no matching overload for 'overlaps'"},
		{"literal block", okHead + "condition: |\n  has_conflict(claims) &&\n    claims.exists(c, c.lox > 1.0)\n", 6, ".lox", "condition: undefined field 'lox'"},
		{"literal block keep", okHead + "condition: |+\n  true &&\n\n  claims.exists(c, c.lox > 1.0)\n\n", 7, ".lox", "condition: undefined field 'lox'"},
		{"folded block", okHead + "condition: >-\n  has_conflict(claims) &&\n  claims.exists(c, c.lox > 1.0)\n", 6, ".lox", "condition: undefined field 'lox'"},
		{"folded block with blank line", okHead + "condition: >\n  has_conflict(claims) &&\n\n  claims.exists(c, c.lox > 1.0)\n", 7, ".lox", "condition: undefined field 'lox'"},
		{"folded more indented", okHead + "condition: >\n  has_conflict(claims) &&\n    true &&\n  claims.exists(c, c.lox > 1.0)\n", 7, ".lox", "condition: undefined field 'lox'"},
		{"double quoted with escapes", okHead + "condition: \"claims.exists(c, c.source == \\\"\\u00e9\\\" && c.lox > 1.0)\"\n", 4, ".lox", "condition: undefined field 'lox'"},
		{"double quoted over lines", okHead + "condition: \"true &&\n  claims.exists(c, c.lox > 1.0)\"\n", 5, ".lox", "condition: undefined field 'lox'"},
		{"double quoted escaped break", okHead + "condition: \"true && claims.exists(c, c.so\\\n  urce == 'a' && c.lox > 1.0)\"\n", 5, ".lox", "condition: undefined field 'lox'"},
		{"single quoted", okHead + "condition: 'claims.exists(c, c.source == ''a'' && c.lox > 1.0)'\n", 4, ".lox", "condition: undefined field 'lox'"},
		{"plain multi-line", okHead + "condition: claims.exists(c,\n  c.lox > 1.0)\n", 5, ".lox", "condition: undefined field 'lox'"},
		{"flow mapping", "{title: t, severity: error, message: m, condition: group.slto == 'x'}\n", 1, ".slto", "condition: undefined field 'slto'"},
		{"non-ascii before the error", okHead + "condition: claims.exists(c, c.subject == \"Sheikhoun – Idlib\" && c.lox > 1.0)\n", 4, ".lox", "condition: undefined field 'lox'"},
		{"undeclared param", okHead + "params:\n  tolerance: 0.1\ncondition: spread(claims) > params.tol\n", 6, ".tol", "condition: undeclared reference to 'params.tol' (did you mean 'params.tolerance'?)"},
		{"evidence not a list of claims", okHead + "condition: true\nevidence: claims.map(c, c.id)\n", 5, "claims", "evidence must be list(factcheck.Claim), not list(string)"},
		{"message expression not a string", okHead + "condition: true\nmessageExpression: size(claims)\n", 5, "size", "messageExpression must be string, not int"},
		{"missing condition", okHead, 1, "", `missing key "condition"`},
		{"empty condition", okHead + "condition: ''\n", 4, "''", "condition is empty"},
		{"bad kind", okHead + "condition: true\nwhen:\n  kinds: [count, cont]\n", 6, "cont]", `unknown kind "cont"`},
		{"unknown when key", okHead + "condition: true\nwhen:\n  slot: [x]\n", 6, "slot", `unknown key "slot" (did you mean "slots"?)`},
		{"min_sources not a number", okHead + "condition: true\nwhen:\n  min_sources: two\n", 6, "two", "min_sources must be a whole number of sources, 0 or more"},
		{"min_sources below zero", okHead + "condition: true\nwhen:\n  min_sources: -1\n", 6, "-1", "min_sources must be a whole number of sources, 0 or more"},
		{"min_sources a list", okHead + "condition: true\nwhen:\n  min_sources: [2]\n", 6, "[2]", "min_sources must be a whole number of sources, 0 or more"},
		{"bad param value", okHead + "condition: true\nparams:\n  x: [1, 2]\n", 6, "[", "param x: the default must be a number, string or bool"},
		{"bad param name", okHead + "condition: true\nparams:\n  in: 1\n", 6, "in", `bad param name "in"`},
		{"tab in the line", okHead + "condition: |\n  true &&\n  \"\t\" == group.foo\n", 6, ".foo", "condition: undefined field 'foo'"},
		{"not a mapping", "- a\n- b\n", 1, "", "a rule file is a mapping of keys"},
		{"two documents", okHead + "condition: true\n---\n" + okHead, 5, "---", "more than one YAML document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeRules(t, map[string]string{"r.yaml": tc.src})
			ps := loadProblems(t, dir)
			file := filepath.Join(dir, "r.yaml")
			lines := strings.Split(tc.src, "\n")
			source := lines[tc.line-1]
			col := 1
			if tc.at != "" {
				i := strings.Index(source+"\n", tc.at)
				if i < 0 {
					t.Fatalf("bad test: %q is not on line %d", tc.at, tc.line)
				}
				col = utf8.RuneCountInString(source[:i]) + 1
			}
			var p *Problem
			for i := range ps {
				if strings.HasPrefix(ps[i].Msg, tc.msg) {
					p = &ps[i]
					break
				}
			}
			if p == nil {
				t.Fatalf("no problem %q among\n%v", tc.msg, &LoadError{ps})
			}
			if p.File != file || p.Line != tc.line || p.Col != col {
				t.Errorf("problem at %s:%d:%d, want %s:%d:%d\n%s", p.File, p.Line, p.Col, file, tc.line, col, p)
			}
			want := fmt.Sprintf("%s:%d:%d: %s", file, tc.line, col, p.Msg)
			caret := caretLine(source, col)
			if p.String() != want+"\n    "+source+"\n    "+caret {
				t.Errorf("problem:\n%s\nwant the source line and a caret under column %d", p, col)
			}
			if !strings.HasSuffix(caret, "^") || len([]rune(caret)) != col {
				t.Errorf("caret line %q does not end at column %d", caret, col)
			}
		})
	}
}

func TestLoadCollectsAllProblems(t *testing.T) {
	dir := writeRules(t, map[string]string{
		"a.yaml":      "title: x\nseverity: fatal\ncondition: true\nmessage: m\n",
		"b.yaml":      okHead + "condition: claims.foo\nevidence: claims.bar\n",
		"c.yaml":      "title: [\n",
		"good.yaml":   okHead + "condition: true\n",
		"Bad Id.yaml": okHead + "condition: true\n",
		"d.yml":       okHead + "condition: true\n",
		"e.test.yaml": "not: a rule\n", // test files are not rules
		"README.md":   "ignored\n",
	})
	ps := loadProblems(t, dir)
	var got []string
	for _, p := range ps {
		rel, _ := filepath.Rel(dir, p.File)
		got = append(got, fmt.Sprintf("%s:%d", rel, p.Line))
	}
	want := []string{"Bad Id.yaml:0", "a.yaml:2", "b.yaml:4", "b.yaml:5", "c.yaml:1", "d.yml:0"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("problems at %v, want %v; all:\n%v", got, want, &LoadError{ps})
	}
}

func TestLoadError(t *testing.T) {
	e := &LoadError{Problems: []Problem{
		{File: "x.yaml", Line: 2, Col: 3, Msg: "first", Source: "a: bc"},
		{File: "y.yaml", Msg: "no place"},
	}}
	want := "x.yaml:2:3: first\n    a: bc\n      ^\ny.yaml: no place"
	if e.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", e.Error(), want)
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"rules/x.yaml":      {Data: []byte(okHead + "condition: true\n")},
		"rules/x.test.yaml": {Data: []byte("cases: []\n")},
		"rules/sub/y.yaml":  {Data: []byte("not read\n")},
	}
	s, err := LoadFS(fsys, "rules")
	if err != nil {
		t.Fatal(err)
	}
	if rs := s.Rules(); len(rs) != 1 || rs[0].ID != "x" || rs[0].File != "rules/x.yaml" {
		t.Fatalf("rules = %v", rs)
	}
	_, err = LoadFS(fsys, "missing")
	var le *LoadError
	if !errors.As(err, &le) || le.Problems[0].File != "missing" {
		t.Fatalf("LoadFS(missing) error = %v", err)
	}
}

func TestLoadPathsDuplicateAndFiles(t *testing.T) {
	a := writeRules(t, map[string]string{"x.yaml": okHead + "condition: true\n"})
	b := writeRules(t, map[string]string{"x.yaml": okHead + "condition: false\n", "x.test.yaml": "cases: []\n"})
	if _, err := LoadPaths(a, b); err == nil || !strings.Contains(err.Error(), "rule x is also defined by") {
		t.Errorf("duplicate id across paths: err = %v", err)
	}
	// A test file named explicitly is passed over; a rule file is loaded.
	s, err := LoadPaths(filepath.Join(b, "x.yaml"), filepath.Join(b, "x.test.yaml"))
	if err != nil || len(s.Rules()) != 1 {
		t.Fatalf("LoadPaths(files) = %v, %v", s, err)
	}
	if _, err := LoadPaths(filepath.Join(a, "nope.yaml")); err == nil {
		t.Error("missing file: no error")
	}
	// A path that gives no rule is a warning: a test file alone, a
	// directory of none.
	empty := writeRules(t, map[string]string{"notes.txt": "no rules here\n"})
	s, err = LoadPaths(filepath.Join(b, "x.test.yaml"), empty, a)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings() {
		got = append(got, w.String())
	}
	want := []string{
		filepath.Join(b, "x.test.yaml") + ": no rule loaded: a rule test file; give its rule, x.yaml, or the directory",
		empty + ": no rule loaded: no rule file (*.yaml) in the directory",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

func TestAddReplaces(t *testing.T) {
	a := writeRules(t, map[string]string{"x.yaml": okHead + "condition: true\n", "y.yaml": okHead + "condition: true\n"})
	b := writeRules(t, map[string]string{"x.yaml": "title: mine\nseverity: info\nmessage: m\ncondition: false\n"})
	base, err := LoadPaths(a)
	if err != nil {
		t.Fatal(err)
	}
	user, err := LoadPaths(b)
	if err != nil {
		t.Fatal(err)
	}
	replaced := base.Add(user)
	if len(replaced) != 1 || replaced[0] != "x" {
		t.Errorf("replaced = %v", replaced)
	}
	if r := base.Rule("x"); r.Title != "mine" || len(base.Rules()) != 2 {
		t.Errorf("after Add: x = %+v, %d rules", r, len(base.Rules()))
	}
	if !base.Remove("y") || base.Remove("y") || len(base.Rules()) != 1 {
		t.Error("Remove")
	}
}

func TestSetParam(t *testing.T) {
	dir := writeRules(t, map[string]string{"p.yaml": okHead + "params:\n  tol: 0.05\n  n: 2\n  who: a\n  on: true\ncondition: params.on && size(claims) >= params.n && spread(claims) > params.tol && params.who != ''\n"})
	s, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		v    any
		ok   bool
	}{
		{"tol", 1, true}, {"tol", 0.5, true}, {"tol", "x", false},
		{"n", 3, true}, {"n", 3.0, true}, {"n", 3.5, false},
		{"who", "b", true}, {"who", 1, false},
		{"on", false, true}, {"on", "yes", false},
		{"nope", 1, false},
	} {
		err := s.SetParam("p", tc.name, tc.v)
		if (err == nil) != tc.ok {
			t.Errorf("SetParam(p, %s, %v) = %v", tc.name, tc.v, err)
		}
	}
	if err := s.SetParam("zz", "tol", 1); err == nil {
		t.Error("SetParam on a missing rule: no error")
	}
	got := s.Rule("p").Params()
	if got["tol"] != 0.5 || got["n"] != int64(3) || got["who"] != "b" || got["on"] != false {
		t.Errorf("Params() = %v", got)
	}
}
