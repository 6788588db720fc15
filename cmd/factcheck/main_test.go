package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// seeds is the seed story, relative to this package's directory.
const seeds = "../../testdata/seeds"

// runCLI runs the command in-process and returns its exit code and
// output.
func runCLI(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errb bytes.Buffer
	code = run(context.Background(), args, stdin, &out, &errb)
	return code, out.String(), errb.String()
}

// oneLineError checks that stderr is a single "factcheck: " line.
func oneLineError(t *testing.T, stderr string) {
	t.Helper()
	if !strings.HasPrefix(stderr, "factcheck: ") || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr is not one line starting \"factcheck: \":\n%s", stderr)
	}
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
		t.Errorf("stderr has a stack trace:\n%s", stderr)
	}
}

func TestSeedsCheckExitsZero(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "check", seeds)
	if code != exitOK {
		t.Fatalf("check seeds: exit %d, want 0\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, " in 5 sources\n") {
		t.Errorf("check seeds: no summary line for 5 sources:\n%s", stdout)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a substring of stderr; "" for none at all
	}{
		{"missing path", []string{"check", "testdata/nope.txt"}, exitError, "factcheck: testdata/nope.txt: no such file or directory"},
		{"missing path among good", []string{"check", seeds, "nope.txt"}, exitError, "factcheck: nope.txt: no such file or directory"},
		{"empty file", []string{"check", empty}, exitError, "empty.txt: empty file"},
		{"unknown flag", []string{"check", "--bogus", seeds}, exitError, "factcheck: check: unknown flag: --bogus"},
		{"unknown shorthand", []string{"extract", "-x", seeds}, exitError, "unknown shorthand flag: 'x'"},
		{"unknown format", []string{"check", "--format", "xml", seeds}, exitError, `factcheck: check: unknown --format "xml" (want table, line, json, sarif, github, markdown or html)`},
		{"jsonl is extract only", []string{"check", "--format", "jsonl", seeds}, exitError, `unknown --format "jsonl"`},
		{"unknown extract format", []string{"extract", "--format", "sarif", seeds}, exitError, `factcheck: extract: unknown --format "sarif" (want table, json or jsonl)`},
		{"bad fail-on", []string{"check", "--fail-on", "fatal", seeds}, exitError, `factcheck: check: --fail-on: unknown severity "fatal"`},
		{"bad date", []string{"check", "--date", "12/04/2017", seeds}, exitError, `factcheck: check: --date "12/04/2017": want a date as YYYY-MM-DD`},
		{"no path", []string{"check"}, exitError, "factcheck: check: no PATH given"},
		{"no path extract", []string{"extract", "--all"}, exitError, "factcheck: extract: no PATH given"},
		{"unknown root flag", []string{"--bogus"}, exitError, "factcheck: unknown flag: --bogus (see 'factcheck --help')"},
		{"unknown command", []string{"verify", seeds}, exitError, `factcheck: unknown command "verify"`},
		{"missing lexicon", []string{"check", "--lexicon", filepath.Join(dir, "nope.yaml"), seeds}, exitError, "nope.yaml"},
		{"fail-on none", []string{"check", "--fail-on", "none", seeds}, exitOK, ""},
		{"version", []string{"version"}, exitOK, ""},
		{"help", []string{"check", "--help"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, nil, tt.args...)
			if code != tt.code {
				t.Errorf("factcheck %s: exit %d, want %d\nstderr: %s", strings.Join(tt.args, " "), code, tt.code, stderr)
			}
			if tt.stderr == "" {
				if stderr != "" {
					t.Errorf("unexpected stderr: %s", stderr)
				}
				return
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
}

func TestNoCommand(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil)
	if code != exitError || stdout != "" || !strings.HasSuffix(stderr, "factcheck: no command given (want check, extract, rules, explain, explain-claims, config, completion or version)\n") {
		t.Errorf("factcheck with no command: exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
}

func TestVersion(t *testing.T) {
	_, stdout, _ := runCLI(t, nil, "version")
	if !regexp.MustCompile(`^factcheck \S+ \(JSON output version 1, go\S+\)\n$`).MatchString(stdout) {
		t.Errorf("version printed %q", stdout)
	}
}

// TestBrokenRuleFailsFirst checks that a rule that does not compile exits 2
// with file:line:col, before any article is read (the article named here
// does not exist).
func TestBrokenRuleFailsFirst(t *testing.T) {
	dir := t.TempDir()
	rule := "title: Broken\n" +
		"description: a condition that does not parse\n" +
		"severity: error\n" +
		"condition: size(claims) >\n" +
		"message: never\n"
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, nil, "check", "--rules", dir, "no-such-article.txt")
	if code != exitError {
		t.Errorf("exit %d, want 2", code)
	}
	if !regexp.MustCompile(`(?m)^factcheck: .*broken\.yaml:4:\d+: `).MatchString(stderr) {
		t.Errorf("stderr does not name broken.yaml:line:col:\n%s", stderr)
	}
	if strings.Contains(stderr, "no-such-article") {
		t.Errorf("articles were read before the rules were loaded:\n%s", stderr)
	}
	if stdout != "" {
		t.Errorf("stdout: %s", stdout)
	}
}

// TestRuleRunTimeError checks that a rule that fails while running exits 2
// and names its file, after the report of the rules that did run.
func TestRuleRunTimeError(t *testing.T) {
	dir := t.TempDir()
	rule := "title: Fails\n" +
		"description: indexes past the end of the claims\n" +
		"severity: info\n" +
		"condition: claims[1000].source == \"\"\n" +
		"message: never\n"
	if err := os.WriteFile(filepath.Join(dir, "fails.yaml"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, nil, "check", "--rules", dir, seeds)
	if code != exitError || !strings.HasPrefix(stderr, "factcheck: "+filepath.Join(dir, "fails.yaml")+": ") || !strings.Contains(stdout, " in 5 sources\n") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
}

func TestOutputIsInputRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	text := "The US fired 59 cruise missiles.\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", "-o", in, in},
		{"check", "-o", filepath.Join(dir, ".", "a.txt"), dir},
		{"extract", "--output", in, dir},
	} {
		code, _, stderr := runCLI(t, nil, args...)
		if code != exitError || !strings.Contains(stderr, "refusing to overwrite") {
			t.Errorf("factcheck %s: exit %d, stderr %q; want 2 and a refusal", strings.Join(args, " "), code, stderr)
		}
		oneLineError(t, stderr)
		if b, _ := os.ReadFile(in); string(b) != text {
			t.Fatalf("factcheck %s overwrote its input: %q", strings.Join(args, " "), b)
		}
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, nil, "check", "--format", "json", "--fail-on", "none", "-o", out, seeds)
	if code != exitOK || stdout != "" || stderr != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Version int }
	if err := json.Unmarshal(b, &v); err != nil || v.Version != 1 {
		t.Errorf("-o wrote %d bytes that are not version 1 JSON: %v", len(b), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("-o left %d files in its directory, want 1", len(entries))
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("-o changed the file's mode to %v", info.Mode().Perm())
	}
}

func TestOutputToDirectory(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, nil, "check", "-o", dir, seeds)
	if code != exitError || !strings.Contains(stderr, "is a directory") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestCheckFlagsChangedMissileCount needs the real extractor and rules: it
// changes one source's "59 cruise missiles" to 95 so that it contradicts
// the other source, and check must exit 1.
func TestCheckFlagsChangedMissileCount(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Fatal(err)
	}
	const mutated = "004_a83c10c80409f3a7.txt"
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(seeds, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == mutated {
			if !bytes.Contains(b, []byte("59 cruise missiles")) {
				t.Fatalf("%s no longer says 59 cruise missiles", mutated)
			}
			b = bytes.ReplaceAll(b, []byte("59 cruise missiles"), []byte("95 cruise missiles"))
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI(t, nil, "check", dir)
	if code != exitFindings {
		t.Errorf("check with 95 missiles in %s: exit %d, want 1\nstdout:\n%s\nstderr:\n%s", mutated, code, stdout, stderr)
	}
	if !strings.Contains(stdout, mutated) {
		t.Errorf("the report does not cite %s:\n%s", mutated, stdout)
	}
	if code, _, _ := runCLI(t, nil, "check", "--fail-on", "none", dir); code != exitOK {
		t.Errorf("--fail-on none: exit %d, want 0", code)
	}
}

func TestExtractFormats(t *testing.T) {
	code, stdout, stderr := runCLI(t, nil, "extract", "--format", "jsonl", "--all", seeds)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for i, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if line == "" {
			continue
		}
		var c map[string]any
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
		}
		for _, k := range []string{"id", "source", "kind", "slot", "subject", "text", "span", "value", "unit", "sentence"} {
			if _, ok := c[k]; !ok {
				t.Errorf("line %d has no %q: %s", i+1, k, line)
			}
		}
	}
	code, stdout, _ = runCLI(t, nil, "extract", seeds)
	if code != exitOK || !strings.HasSuffix(stdout, " in 5 sources\n") {
		t.Errorf("extract table: exit %d, output ends %q", code, stdout[max(0, len(stdout)-40):])
	}
}

func TestStdin(t *testing.T) {
	code, stdout, stderr := runCLI(t, strings.NewReader("The US fired 59 cruise missiles at the base.\n"), "extract", "--format", "json", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Sources []struct{ Path string }
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || len(out.Sources) != 1 || out.Sources[0].Path != "-" {
		t.Errorf("sources %+v (%v), want one with path -", out.Sources, err)
	}
}

// panicReader panics when read, to stand for a bug anywhere below run.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }

func TestPanicIsInternalError(t *testing.T) {
	code, _, stderr := runCLI(t, panicReader{}, "extract", "-")
	if code != exitError || stderr != "factcheck: internal error: boom (please report this bug)\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestMain runs the tests without a COLUMNS of the environment: the
// tables of golden files are as wide as their cells.
func TestMain(m *testing.M) {
	os.Unsetenv("COLUMNS")
	os.Exit(m.Run())
}
