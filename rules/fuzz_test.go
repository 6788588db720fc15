package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzLoad loads arbitrary rule and test files. Invariants: no panic; the
// error is a *LoadError whose problems lie inside the file and carry its
// line; a rule that loads can be evaluated and tested without panicking.
func FuzzLoad(f *testing.F) {
	for _, dir := range []string{"../rules.d", "testdata/custom"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, name := range names {
			if strings.HasSuffix(name, testExt) {
				continue
			}
			rule, _ := os.ReadFile(name)
			test, _ := os.ReadFile(strings.TrimSuffix(name, ruleExt) + testExt)
			f.Add(string(rule), string(test))
		}
	}
	f.Add(okHead+"condition: |\n  true &&\n  claims.exists(c, c.lox > 1.0)\n", "cases: [{name: x, fire: true, claims: [{source: a, value: '~1'}]}]\n")
	f.Add(okHead+"condition: \"a\\\n  b\"\n", "")
	f.Add(okHead+"condition: >\n  a\n\n   b\n  c\n", "")
	f.Fuzz(func(t *testing.T, rule, test string) {
		fsys := fstest.MapFS{"r/x.yaml": {Data: []byte(rule)}, "r/x.test.yaml": {Data: []byte(test)}}
		s, err := LoadFS(fsys, "r")
		if err != nil {
			checkProblems(t, err, rule)
			return
		}
		if _, err := RunTests(s, fsys, "r"); err != nil {
			checkProblems(t, err, test)
		}
	})
}

func checkProblems(t *testing.T, err error, src string) {
	t.Helper()
	var le *LoadError
	if !errors.As(err, &le) || len(le.Problems) == 0 {
		t.Fatalf("error %v (%T), want a *LoadError", err, err)
	}
	// Lines as YAML counts them: a lone "\r" breaks a line too.
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n"), "\n")
	for _, p := range le.Problems {
		if p.Line == 0 {
			continue
		}
		// yaml.v3 places an empty document ("---" and nothing after it)
		// at the start of the line after the last.
		if p.Line == len(lines)+1 && p.Col == 1 {
			_ = p.String()
			continue
		}
		if p.Line < 1 || p.Line > len(lines) {
			t.Fatalf("problem %q on line %d of %d", p.Msg, p.Line, len(lines))
		}
		if p.Col < 1 || p.Col > utf8.RuneCountInString(lines[p.Line-1])+1 {
			t.Fatalf("problem %q at column %d of line %q", p.Msg, p.Col, lines[p.Line-1])
		}
		_ = p.String()
	}
}

// FuzzParseValue checks that ParseValue does not panic and that what it
// accepts is a non-empty interval.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"59", "~60", ">80", ">=87", "<3", "<=10", "20..25", "(20..25]", "~1_000..2,000", "any"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseValue(s)
		if err == nil && (v.Lo > v.Hi || v.Lo != v.Lo || v.Hi != v.Hi) {
			t.Fatalf("ParseValue(%q) = %+v", s, v)
		}
	})
}
