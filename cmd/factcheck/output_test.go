package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// shayrat is a cluster with real conflicts (death tolls of the 2017
// strike), relative to this package's directory.
const shayrat = "../../testdata/clusters/shayrat"

// copyCluster copies the articles of dir into a new temporary directory.
func copyCluster(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// jsonFindings runs check --format json with args and returns the exit
// code and the findings.
func jsonFindings(t *testing.T, args ...string) (int, []map[string]any) {
	t.Helper()
	code, stdout, stderr := runCLI(t, nil, append([]string{"check", "--format", "json"}, args...)...)
	if code == exitError {
		t.Fatalf("factcheck check %s: exit 2: %s", strings.Join(args, " "), stderr)
	}
	var out struct{ Findings []map[string]any }
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	return code, out.Findings
}

func TestOutputErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte("The US fired 59 cruise missiles.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.sarif")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"unknown format", []string{"--format", "xml=out.xml"}, `check: unknown --format "xml" (want table, line, json, sarif, github, markdown or html)`},
		{"two to stdout", []string{"--format", "table", "--format", "json"}, "check: --format table and --format json both write to standard output; give one a file (--format json=FILE)"},
		{"stdout twice with -", []string{"--format", "json=-", "--format", "line"}, "both write to standard output"},
		{"same file twice", []string{"--format", "json=" + out, "--format", "sarif=" + filepath.Join(dir, ".", "out.sarif")}, "write the same file"},
		{"no file after =", []string{"--format", "sarif="}, "check: --format sarif=: no file after ="},
		{"-o with nothing for it", []string{"--format", "sarif=" + out, "-o", filepath.Join(dir, "x")}, "every --format names its own file"},
		{"output is an input", []string{"--format", "table", "--format", "html=" + in}, "--format html=" + in + ": is the input " + in + "; refusing to overwrite it"},
		{"output is a directory", []string{"--format", "sarif=" + dir}, "--format sarif=" + dir + ": is a directory"},
		{"unwritable output", []string{"--format", "table", "--format", "sarif=" + filepath.Join(dir, "no", "such", "dir", "x.sarif")}, "no such file or directory"},
		{"bad min-severity", []string{"--min-severity", "none"}, `check: --min-severity: unknown severity "none" (want error, warning or info)`},
		{"missing baseline", []string{"--baseline", filepath.Join(dir, "nope.json")}, "--baseline " + filepath.Join(dir, "nope.json") + ": no such file or directory"},
		{"baseline not JSON", []string{"--baseline", in}, "--baseline " + in + ": line 1: not a factcheck JSON report"},
		{"missing ignore file", []string{"--ignore", filepath.Join(dir, "nope.yaml")}, "nope.yaml: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"check"}, tt.args...), in)
			code, stdout, stderr := runCLI(t, nil, args...)
			if code != exitError {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not say %q", stderr, tt.stderr)
			}
			oneLineError(t, stderr)
			if stdout != "" {
				t.Errorf("an error wrote to stdout:\n%s", stdout)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the failed runs left %d files in the directory, want only a.txt", len(entries))
	}
}

func TestMinSeverityAndFailOn(t *testing.T) {
	code, stdout, _ := runCLI(t, nil, "check", "--min-severity", "error", "--format", "line", shayrat)
	if code != exitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if !strings.Contains(l, ": error ") {
			t.Errorf("--min-severity error shows %q", l)
		}
	}
	code, stdout, _ = runCLI(t, nil, "check", "--min-severity", "error", shayrat)
	if code != exitFindings || !regexp.MustCompile(`(?m)^3 errors, 0 warnings, 0 info in 8 sources; not shown: \d+ below the minimum severity$`).MatchString(stdout) {
		t.Errorf("exit %d; summary:\n%s", code, stdout)
	}
	// What is shown and what fails are separate: hidden info findings
	// still fail --fail-on info; shown errors do not fail --fail-on none.
	if code, _, _ := runCLI(t, nil, "check", "--min-severity", "error", "--fail-on", "none", shayrat); code != exitOK {
		t.Errorf("--fail-on none: exit %d", code)
	}
	if code, _, _ := runCLI(t, nil, "check", "--min-severity", "error", "--fail-on", "info", seeds); code != exitFindings {
		t.Errorf("--min-severity error --fail-on info on the seeds (an info finding): exit %d, want 1", code)
	}
}

func TestBaseline(t *testing.T) {
	dir := copyCluster(t, shayrat)
	baseline := filepath.Join(t.TempDir(), "baseline.json")
	code, _, stderr := runCLI(t, nil, "check", "--format", "json="+baseline, dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The same articles: nothing new, nothing fails.
	code, findings := jsonFindings(t, "--baseline", baseline, dir)
	if code != exitOK || len(findings) != 0 {
		t.Errorf("against its own baseline: exit %d, %d findings", code, len(findings))
	}
	code, stdout, _ := runCLI(t, nil, "check", "--baseline", baseline, dir)
	if code != exitOK || !regexp.MustCompile(`(?m)^0 errors, 0 warnings, 0 info in 8 sources; not shown: \d+ in the baseline$`).MatchString(stdout) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
	// Edits that move text do not make a finding new.
	edit(t, filepath.Join(dir, "smmsyria.txt"), "A Syrian official said", "Separately, and later on Friday, a Syrian official said")
	if code, findings := jsonFindings(t, "--baseline", baseline, dir); code != exitOK || len(findings) != 0 {
		t.Errorf("after moving text: exit %d, findings %v", code, findings)
	}
	// A new figure in dispute does.
	edit(t, filepath.Join(dir, "americandownfall.txt"), "Nine civilians", "Eleven civilians")
	code, findings = jsonFindings(t, "--baseline", baseline, dir)
	if code != exitFindings || len(findings) != 1 || findings[0]["subject"] != "strike: civilians" {
		t.Errorf("after changing a toll: exit %d, findings %v", code, findings)
	}

	// An extract report or an old report is no baseline.
	old := filepath.Join(t.TempDir(), "old.json")
	os.WriteFile(old, []byte(`{"version": 1, "findings": [{"rule": "conflict"}]}`), 0o644)
	code, _, stderr = runCLI(t, nil, "check", "--baseline", old, dir)
	if code != exitError || !strings.Contains(stderr, "finding 1 has no fingerprint") {
		t.Errorf("old baseline: exit %d, %s", code, stderr)
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not say %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestIgnoreFile(t *testing.T) {
	dir := copyCluster(t, shayrat)
	code, findings := jsonFindings(t, dir)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1", code)
	}
	var ignore strings.Builder
	accepted := map[string]bool{}
	for _, f := range findings {
		if f["severity"] == "error" {
			fp := f["fingerprint"].(string)
			accepted[fp] = true
			ignore.WriteString("- fingerprint: " + fp + "\n  reason: the wires disagree; reviewed by the desk\n")
		}
	}
	if len(accepted) == 0 {
		t.Fatal("no error findings in the shayrat cluster")
	}
	// Found next to the inputs.
	if err := os.WriteFile(filepath.Join(dir, ".factcheck-ignore.yaml"), []byte(ignore.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, findings = jsonFindings(t, dir)
	if code != exitOK {
		t.Errorf("with every error accepted: exit %d, want 0", code)
	}
	n := 0
	for _, f := range findings {
		acc, ok := f["accepted"].(map[string]any)
		if ok != accepted[f["fingerprint"].(string)] {
			t.Errorf("finding %v: accepted %v", f["fingerprint"], acc)
		}
		if ok {
			n++
			if acc["reason"] != "the wires disagree; reviewed by the desk" {
				t.Errorf("reason %v", acc["reason"])
			}
		}
	}
	if n != len(accepted) {
		t.Errorf("%d findings marked accepted, want %d (accepted findings are marked, not dropped)", n, len(accepted))
	}
	// Also next to a file given as a PATH.
	if code, _, _ := runCLI(t, nil, "check", filepath.Join(dir, "americandownfall.txt"), filepath.Join(dir, "smmsyria.txt")); code != exitOK {
		t.Errorf("files in a directory with an ignore file: exit %d, want 0", code)
	}
	// --ignore names another file instead.
	empty := filepath.Join(t.TempDir(), "none.yaml")
	os.WriteFile(empty, []byte("# nothing accepted\n"), 0o644)
	if code, _, _ := runCLI(t, nil, "check", "--ignore", empty, dir); code != exitFindings {
		t.Errorf("--ignore with an empty file: exit %d, want 1", code)
	}
	// An entry without a reason is an error, with its position.
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("- fingerprint: 0123456789abcdef\n"), 0o644)
	code, _, stderr := runCLI(t, nil, "check", "--ignore", bad, dir)
	if code != exitError || !strings.Contains(stderr, "factcheck: "+bad+":1:3: entry for 0123456789abcdef has no reason") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	oneLineError(t, stderr)
}

func TestSeveralOutputsWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	json, sarif := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.sarif")
	code, stdout, stderr := runCLI(t, nil, "check", "--format", "line", "--format", "json="+json, "--format", "sarif="+sarif, "--fail-on", "none", shayrat)
	if code != exitOK || stderr != "" || !strings.Contains(stdout, ": error conflict: ") {
		t.Fatalf("exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
	for _, f := range []string{json, sarif} {
		b, err := os.ReadFile(f)
		if err != nil || !strings.HasPrefix(string(b), "{") || !strings.HasSuffix(string(b), "}\n") {
			t.Errorf("%s: %v, %d bytes", f, err, len(b))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files in the output directory, want 2 (no temporary files left)", len(entries))
	}
	// -o takes the format that has no file of its own.
	out := filepath.Join(dir, "r.md")
	code, stdout, _ = runCLI(t, nil, "check", "--format", "markdown", "--format", "json="+json, "-o", out, "--fail-on", "none", seeds)
	if b, _ := os.ReadFile(out); code != exitOK || stdout != "" || !strings.Contains(string(b), "\n## factcheck: ") {
		t.Errorf("-o with --format markdown: exit %d, stdout %q, file %q", code, stdout, b)
	}
}

func TestNoProgressWhenNotATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := newProgress(f)
	p.say("reading %d articles…", 3)
	p.done()
	if info, _ := f.Stat(); info.Size() != 0 {
		t.Errorf("progress wrote %d bytes to a file", info.Size())
	}
	if code, _, stderr := runCLI(t, nil, "check", seeds); code != exitOK || stderr != "" {
		t.Errorf("check wrote to a non-terminal stderr: %q", stderr)
	}
}
