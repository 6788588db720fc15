package rules

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunTests(t *testing.T) {
	rule := "title: t\nseverity: error\nmessage: m\ncondition: has_conflict(claims)\n"
	dir := writeRules(t, map[string]string{
		"a.yaml": rule,
		"a.test.yaml": `cases:
  - name: fires
    fire: true
    claims:
      - {source: x, value: "1"}
      - {source: y, value: "2"}
  - name: wrong expectation
    fire: false
    claims:
      - {source: x, value: "1"}
      - {source: y, value: "2"}
  - name: later
    todo: not yet
`,
		"b.yaml": rule,
		"b.test.yaml": `cases:
  - name: fires
    fire: true
    message: other
    claims: [{source: x, value: "1"}, {source: y, value: "2"}]
`,
		"c.yaml": rule, // no test file
	})
	s, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	results, err := RunTestPaths(s, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results {
		rel, _ := filepath.Rel(dir, r.File)
		r.File = rel
		got = append(got, r.String())
	}
	want := []string{
		"a.test.yaml:2: PASS a: fires",
		"a.test.yaml:7: FAIL a: wrong expectation: want no finding, got \"m\"",
		"a.test.yaml:12: SKIP a: later: todo: not yet",
		"b.test.yaml:2: FAIL b: fires: want message \"other\", got \"m\"",
		"b.test.yaml:1: FAIL b: no case that must not fire (fire: false)",
		"c.yaml: FAIL c: no test file (want c.test.yaml beside it)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The same through an fs.FS.
	fsResults, err := RunTests(s, os.DirFS(dir), ".")
	if err != nil || len(fsResults) != len(results) {
		t.Errorf("RunTests = %d results, %v", len(fsResults), err)
	}
}

func TestRunTestsProblems(t *testing.T) {
	dir := writeRules(t, map[string]string{
		"a.yaml": "title: t\nseverity: error\nmessage: m\ncondition: true\nparams:\n  n: 1\n",
		"a.test.yaml": `cases:
  - name: bad claim
    fire: true
    claims:
      - {source: x, valeu: "1"}
      - {source: y, value: "1..?"}
      - {value: "1"}
      - {source: z, value: "1", lo: 2}
  - fire: maybe
    claims: []
  - name: bad param
    fire: true
    params: {n: x, m: 1}
    claims: []
`,
		"zz.test.yaml": "cases: []\n",
	})
	s, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = RunTestPaths(s, dir)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a *LoadError", err)
	}
	var got []string
	for _, p := range le.Problems {
		rel, _ := filepath.Rel(dir, p.File)
		p.File = rel
		got = append(got, strings.SplitN(p.String(), "\n", 2)[0])
	}
	want := []string{
		`a.test.yaml:5:9: a claim needs exactly one of value, lo/hi, date or text`,
		`a.test.yaml:5:21: unknown key "valeu" (did you mean "value"?)`,
		`a.test.yaml:6:28: bad value "1..?" (want a number, ~N, >N, >=N, <N, <=N, A..B, (A..B] or any)`,
		`a.test.yaml:7:9: a claim needs a source`,
		`a.test.yaml:8:9: a claim needs exactly one of value, lo/hi, date or text`,
		`a.test.yaml:9:5: a case needs a name`,
		`a.test.yaml:9:11: fire must be true or false`,
		`a.test.yaml:13:17: param n: want an integer, got x (string)`,
		`a.test.yaml:13:20: rule a has no param "m"`,
		`zz.test.yaml: test file for rule "zz", which is not loaded`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
