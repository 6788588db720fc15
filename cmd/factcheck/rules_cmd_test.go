package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// customRules is the worked example of docs/rules.md, death tolls must
// agree within 5%, relative to this package's directory.
const customRules = "../../rules/testdata/custom"

// writeFiles writes files (name → contents) under dir, making directories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// copyDir copies the files of directory from into to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	writeFiles(t, to, files)
}

var closingLine = regexp.MustCompile(`(?m)^(\d+) passed, (\d+) failed, (\d+) skipped\n\z`)

// TestRulesTestBuiltin runs every built-in rule's tests through the
// command.
func TestRulesTestBuiltin(t *testing.T) {
	t.Chdir(t.TempDir()) // no configuration file
	code, stdout, stderr := runCLI(t, nil, "rules", "test")
	if code != exitOK || stderr != "" {
		t.Fatalf("rules test: exit %d\n%s%s", code, stdout, stderr)
	}
	m := closingLine.FindStringSubmatch(stdout)
	if m == nil || m[2] != "0" || m[1] == "0" {
		t.Fatalf("rules test output does not end in N passed, 0 failed, N skipped:\n%s", stdout)
	}
	for _, id := range []string{"conflict", "precision", "superseded", "text-conflict", "single-source"} {
		if !regexp.MustCompile(`(?m)^rules\.d/` + id + `\.test\.yaml:\d+: PASS ` + id + `: `).MatchString(stdout) {
			t.Errorf("no passing case of %s:\n%s", id, stdout)
		}
	}
}

func TestRulesTestCustom(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	rule := "title: More than one source\n" +
		"severity: info\n" +
		"condition: sources(claims) > 1\n" +
		"message: several sources\n"
	writeFiles(t, dir, map[string]string{
		"good/several.yaml": rule,
		"good/several.test.yaml": "cases:\n" +
			"  - {name: two sources, fire: true, claims: [{source: a, value: '1'}, {source: b, value: '1'}]}\n" +
			"  - {name: one source, fire: false, claims: [{source: a, value: '1'}]}\n" +
			"  - {name: later, todo: not yet}\n",
		"failing/several.yaml": rule,
		"failing/several.test.yaml": "cases:\n" +
			"  - {name: two sources, fire: true, claims: [{source: a, value: '1'}, {source: b, value: '1'}]}\n" +
			"  - {name: wrong, fire: false, claims: [{source: a, value: '1'}, {source: b, value: '2'}]}\n",
		"untested/several.yaml": rule,
		"badtest/several.yaml":  rule,
		"badtest/several.test.yaml": "cases:\n" +
			"  - {name: x, fire: true, claims: [{source: a, vale: '1'}]}\n",
	})
	tests := []struct {
		args    []string
		code    int
		closing string   // the summary line; "" when the run stops before it
		stdout  []string // lines stdout must have
		stderr  string   // how stderr starts; "" for nothing
	}{
		{[]string{"good"}, exitOK, "2 passed, 0 failed, 1 skipped",
			[]string{"good/several.test.yaml:2: PASS several: two sources", "good/several.test.yaml:4: SKIP several: later: todo: not yet"}, ""},
		{[]string{"good/several.yaml"}, exitOK, "2 passed, 0 failed, 1 skipped", nil, ""},
		{[]string{"good/several.test.yaml"}, exitOK, "2 passed, 0 failed, 1 skipped", nil, ""},
		{[]string{"failing"}, exitFindings, "1 passed, 1 failed, 0 skipped",
			[]string{`failing/several.test.yaml:3: FAIL several: wrong: want no finding, got "several sources"`}, ""},
		{[]string{"untested"}, exitFindings, "0 passed, 1 failed, 0 skipped",
			[]string{"untested/several.yaml: FAIL several: no test file (want several.test.yaml beside it)"}, ""},
		{[]string{"untested/several.yaml"}, exitFindings, "0 passed, 1 failed, 0 skipped", nil, ""},
		// A test file that does not load: its error only, no count of cases.
		{[]string{"badtest"}, exitError, "", nil,
			"factcheck: badtest/several.test.yaml:2:36: a claim needs exactly one of value, lo/hi, date or text\n"},
		{[]string{"missing"}, exitError, "", nil, "factcheck: missing: read rules: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, append([]string{"rules", "test"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, stdout, stderr)
			}
			if tt.closing != "" && !strings.HasSuffix(stdout, "\n"+tt.closing+"\n") && stdout != tt.closing+"\n" {
				t.Errorf("stdout does not end %q:\n%s", tt.closing, stdout)
			}
			if tt.closing == "" && stdout != "" {
				t.Errorf("stdout is not empty:\n%s", stdout)
			}
			for _, l := range tt.stdout {
				if !strings.Contains(stdout, l+"\n") {
					t.Errorf("stdout has no line %q:\n%s", l, stdout)
				}
			}
			if !strings.HasPrefix(stderr, tt.stderr) || (tt.stderr == "") != (stderr == "") {
				t.Errorf("stderr %q, want it to start %q", stderr, tt.stderr)
			}
		})
	}
}

// TestRuleTypo checks that a rule whose CEL has a typo gives a positioned
// error with a caret and exit 2, from lint, test and check alike.
func TestRuleTypo(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"typo.yaml": "title: Typo\n" +
			"severity: warning\n" +
			"condition: |\n" +
			"  claims.exists(c, c.lox > 1.0)\n" +
			"message: never\n",
		"typo.test.yaml": "cases: []\n",
	})
	file := filepath.Join(dir, "typo.yaml")
	want := "factcheck: " + file + ":4:21: condition: undefined field 'lox'\n" +
		"      claims.exists(c, c.lox > 1.0)\n" +
		"                        ^\n"
	for _, args := range [][]string{
		{"rules", "lint", dir},
		{"rules", "lint", file},
		{"rules", "test", dir},
		{"check", "--no-config", "--rules", dir, seeds},
		{"rules", "list", "--no-config", "--rules", dir},
	} {
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != exitError || stderr != want || stdout != "" {
			t.Errorf("factcheck %s: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and\n%s", strings.Join(args, " "), code, stdout, stderr, want)
		}
	}
}

func TestRulesLint(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI(t, nil, "rules", "lint")
	if code != exitOK || stderr != "" || !strings.HasSuffix(stdout, "\n5 rules, no problems\n") ||
		!strings.Contains(stdout, "rules.d/superseded.yaml: ok (rule superseded)\n") {
		t.Errorf("rules lint: exit %d\n%s%s", code, stdout, stderr)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"conflict.yaml": "title: Mine\nseverity: warning\ncondition: has_conflict(claims)\nmessage: differ\n",
	})
	code, stdout, _ = runCLI(t, nil, "rules", "lint", dir)
	if want := filepath.Join(dir, "conflict.yaml") + ": ok (rule conflict, replaces the built-in rule)\n1 rule, no problems\n"; code != exitOK || stdout != want {
		t.Errorf("rules lint %s: exit %d\n%s\nwant\n%s", dir, code, stdout, want)
	}
}

func TestRulesList(t *testing.T) {
	custom := filepath.Join(wd(t), customRules)
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI(t, nil, "rules", "list", "--rules", custom)
	if code != exitOK || stderr != "" {
		t.Fatalf("rules list: exit %d\n%s%s", code, stdout, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	want := []string{
		`ID +SEVERITY +TITLE +FILE`,
		`conflict +error +Sources give values that cannot both be true +rules\.d/conflict\.yaml \(built-in\)`,
		`death-toll-spread +warning +Death tolls must agree within 5% +.*rules/testdata/custom/death-toll-spread\.yaml`,
		`precision +info +Sources agree, but give the figure with different precision +rules\.d/precision\.yaml \(built-in\)`,
		`single-source +info +Only one source gives this toll +rules\.d/single-source\.yaml \(built-in\)`,
		`superseded +warning +A source gives a figure that has since been updated +rules\.d/superseded\.yaml \(built-in\)`,
		`text-conflict +error +Sources give different names or categories for the same fact +rules\.d/text-conflict\.yaml \(built-in\)`,
	}
	if len(lines) != len(want) {
		t.Fatalf("rules list printed %d lines, want %d:\n%s", len(lines), len(want), stdout)
	}
	for i, re := range want {
		if !regexp.MustCompile("^" + re + "$").MatchString(lines[i]) {
			t.Errorf("line %d = %q, want /%s/", i+1, lines[i], re)
		}
	}
}

// wd returns the working directory.
func wd(t *testing.T) string {
	t.Helper()
	d, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestExplain(t *testing.T) {
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCLI(t, nil, "explain", "conflict")
	if code != exitOK || stderr != "" {
		t.Fatalf("explain conflict: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"conflict: Sources give values that cannot both be true\n",
		"severity  error\n",
		"since     v0.1.0\n",
		"file      rules.d/conflict.yaml (built-in)\n",
		"looks at  kinds count, money, duration, date, time, percent, measure, ordinal\n",
		"  Two sources state figures for the same slot and subject",
		"Examples (rules.d/conflict.test.yaml):\n",
		"  fires: exact figures that differ conflict\n    a.txt  59\n    b.txt  95\n" +
			"    → error: the death toll of the chemical attack: 59 (a.txt) vs 95 (b.txt)\n",
		"  does not fire: about 60 agrees with 59\n    a.txt  59\n    b.txt  about 60\n    → no finding\n",
		"  does not fire: nearly 60 and an exact count just under it agree\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("explain conflict does not say %q:\n%s", want, stdout)
		}
	}
	// A todo case of a rule given as a path.
	writeFiles(t, ".", map[string]string{
		"mine/gap.yaml":      "title: Gap\nseverity: info\nsince: v1\ndescription: d\nmessage: m\ncondition: sources(claims) >= 2\n",
		"mine/gap.test.yaml": "cases:\n  - name: later\n    todo: not yet\n",
	})
	code, stdout, stderr = runCLI(t, nil, "explain", "gap", "mine")
	if code != exitOK || !strings.Contains(stdout, "\n  todo: later (not yet)\n") {
		t.Errorf("explain gap mine: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = runCLI(t, nil, "explain", "single-source")
	if code != exitOK || !strings.Contains(stdout, "params    min_sources = 2\n") ||
		!strings.Contains(stdout, "looks at  slots death_toll, injured_count") {
		t.Errorf("explain single-source: exit %d\n%s", code, stdout)
	}
	code, _, stderr = runCLI(t, nil, "explain", "conflcit")
	if code != exitError || stderr != "factcheck: explain: no rule \"conflcit\" (did you mean \"conflict\"?)\n" {
		t.Errorf("explain conflcit: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := runCLI(t, nil, "explain"); code != exitError {
		t.Errorf("explain with no ID: exit %d", code)
	}
	if code, _, stderr := runCLI(t, nil, "rules", "frobnicate"); code != exitError || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("rules frobnicate: exit %d, stderr %q", code, stderr)
	}
}

// findingRules runs check --format json and returns its exit code and the
// rule ids of its findings.
func findingRules(t *testing.T, args ...string) (int, []string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, nil, append([]string{"check", "--format", "json"}, args...)...)
	if code == exitError {
		t.Fatalf("factcheck check %s: exit 2\n%s", strings.Join(args, " "), stderr)
	}
	var out struct {
		Findings []struct{ Rule, Severity string }
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("check %s: not JSON: %v\n%s", strings.Join(args, " "), err, stdout)
	}
	var ids []string
	for _, f := range out.Findings {
		ids = append(ids, f.Rule+":"+f.Severity)
	}
	slices.Sort(ids)
	return code, ids
}

// TestCustomRuleChangesCheck puts the worked example of docs/rules.md,
// "death tolls must agree within 5%", in a temporary directory and shows
// that it changes the outcome of check on the seeds: "dozens", "more than
// 80" and "at least 87" overlap, so no built-in error, but their figures
// are 8% apart, a warning, so --fail-on warning exits 1.
func TestCustomRuleChangesCheck(t *testing.T) {
	dir := t.TempDir()
	rulesDir := filepath.Join(dir, "desk")
	copyDir(t, customRules, rulesDir)

	code, ids := findingRules(t, "--no-config", "--fail-on", "warning", seeds)
	if code != exitOK || slices.Contains(ids, "death-toll-spread:warning") {
		t.Fatalf("without the rule: exit %d, findings %v; want 0 and no death-toll-spread", code, ids)
	}
	code, ids = findingRules(t, "--no-config", "--fail-on", "warning", "--rules", rulesDir, seeds)
	if code != exitFindings || !slices.Contains(ids, "death-toll-spread:warning") {
		t.Errorf("with the rule: exit %d, findings %v; want 1 and a death-toll-spread warning", code, ids)
	}
	// A looser tolerance, as a param, lets the seeds pass.
	looser := filepath.Join(dir, "looser.yaml")
	writeFiles(t, dir, map[string]string{"looser.yaml": "version: 1\nrule:\n  death-toll-spread:\n    params: {tolerance: 0.1}\n"})
	code, ids = findingRules(t, "--config", looser, "--fail-on", "warning", "--rules", rulesDir, seeds)
	if code != exitOK || slices.Contains(ids, "death-toll-spread:warning") {
		t.Errorf("with tolerance 0.1: exit %d, findings %v", code, ids)
	}
}

// TestSupersededEndToEnd checks that a later report's higher death toll is
// a superseded warning and not a conflict, and that reports of the same
// day conflict.
func TestSupersededEndToEnd(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "Gas attack\n\nPublished: 2017-04-04\n\nThe gas attack killed 20 people, officials said.\n",
		"b.txt": "Gas attack\n\nPublished: 2017-04-06\n\nThe gas attack killed 87 people, officials said.\n",
	})
	code, ids := findingRules(t, "--no-config", dir)
	if code != exitOK || !slices.Equal(ids, []string{"superseded:warning"}) {
		t.Errorf("reports two days apart: exit %d, findings %v; want 0 and one superseded warning", code, ids)
	}
	writeFiles(t, dir, map[string]string{
		"b.txt": "Gas attack\n\nPublished: 2017-04-04\n\nThe gas attack killed 87 people, officials said.\n",
	})
	code, ids = findingRules(t, "--no-config", dir)
	if code != exitFindings || !slices.Equal(ids, []string{"conflict:error"}) {
		t.Errorf("reports of one day: exit %d, findings %v; want 1 and one conflict", code, ids)
	}
}
