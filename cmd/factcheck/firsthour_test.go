package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The tests of this file are the defects a new user met in the first
// hour with factcheck (issue 16), each end to end.

// writeArticles writes name → text into a new directory and returns it.
func writeArticles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDatelineWithYearIsNotTheEventDate: "RIVERSIDE, March 14, 2026 - A
// fire tore through … on Tuesday night" dates the report, not the fire;
// the fire's Tuesday (March 10) agrees with the other reports.
func TestDatelineWithYearIsNotTheEventDate(t *testing.T) {
	for _, dateline := range []string{
		"RIVERSIDE, March 14, 2026 - ",
		"RIVERSIDE, March 14, 2026 -- ",
		"RIVERSIDE, March 14, 2026 — ",
		"RIVERSIDE, March 14, 2026 (Reuters) - ",
		"Saturday, March 14, 2026 - ",
	} {
		dir := writeArticles(t, map[string]string{
			"a.txt": dateline + "A fire tore through a warehouse on Tuesday night, killing three workers, officials said.\n",
			"b.txt": "RIVERSIDE, March 11 (Reuters) - A fire tore through a warehouse on Tuesday night, killing three workers.\n",
			"c.txt": "Three workers died when a fire tore through a Riverside warehouse on Tuesday, March 10, 2026.\n",
		})
		code, stdout, stderr := runCLI(t, nil, "check", "--format", "line", dir)
		if code != exitOK || strings.Contains(stdout, "event_date") {
			t.Errorf("dateline %q: exit %d, want 0 and no event_date finding\n%s%s", dateline, code, stdout, stderr)
		}
	}
}

// TestOwnReportsAreNotArticles: the reports check and extract write, in
// every format, saved beside the articles, are not read back as articles
// the next time; each is named in a warning.
func TestOwnReportsAreNotArticles(t *testing.T) {
	dir := copyCluster(t, shayrat)
	code, before, stderr := runCLI(t, nil, "check", "--format", "line", dir)
	if code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var args []string
	names := map[string]string{"html": "report.html", "markdown": "report.md"}
	for _, f := range []string{"table", "line", "json", "sarif", "github", "markdown", "html"} {
		name := names[f]
		if name == "" {
			name = "report-" + f + ".txt"
		}
		args = append(args, "--format", f+"="+filepath.Join(dir, name))
	}
	if code, _, stderr := runCLI(t, nil, append(append([]string{"check"}, args...), dir)...); code != exitFindings {
		t.Fatalf("writing the reports: exit %d: %s", code, stderr)
	}
	// extract's table and JSON too.
	for _, f := range []string{"table", "json"} {
		if code, _, stderr := runCLI(t, nil, "extract", "--format", f, "-o", filepath.Join(dir, "claims-"+f+".txt"), dir); code != exitOK {
			t.Fatalf("extract --format %s: exit %d: %s", f, code, stderr)
		}
	}
	code, after, stderr := runCLI(t, nil, "check", "--format", "line", dir)
	if code != exitFindings || after != before {
		t.Errorf("with the reports beside the articles: exit %d\n%s\nwant\n%s", code, after, before)
	}
	for _, name := range []string{"report.html", "report.md", "report-table.txt", "report-line.txt", "report-json.txt", "report-sarif.txt", "report-github.txt", "claims-table.txt", "claims-json.txt"} {
		if !strings.Contains(stderr, "warning: "+filepath.Join(dir, name)+": left out: a report written by factcheck") {
			t.Errorf("no warning for %s:\n%s", name, stderr)
		}
	}
}

// TestCheckIntoTheInputDirectory: "check . > report.txt" in the folder of
// the articles works: the shell makes report.txt before check runs, and
// an empty file found in a directory is left out with a warning.
func TestCheckIntoTheInputDirectory(t *testing.T) {
	dir := copyCluster(t, shayrat)
	if err := os.WriteFile(filepath.Join(dir, "report.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, nil, "check", dir)
	if code != exitFindings || !strings.Contains(stderr, "report.txt: left out: empty file") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	// Named on the command line, an empty file is still an error.
	code, _, stderr = runCLI(t, nil, "check", filepath.Join(dir, "report.txt"))
	if code != exitError || !strings.Contains(stderr, "report.txt: empty file") {
		t.Errorf("named empty file: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestExclude: --exclude GLOB (repeatable) and exclude: in the
// configuration file leave inputs out; a bad pattern is an error with its
// place.
func TestExclude(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"wires/a.txt":       "A fire killed three workers on Tuesday, officials said.\n",
		"wires/b.txt":       "A fire killed three workers on Tuesday.\n",
		"wires/old/c.txt":   "A fire killed five workers on Tuesday.\n",
		"notes/draft-1.txt": "A fire killed nine workers on Tuesday.\n",
	})
	sources := func(args ...string) (int, []string, string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, nil, append([]string{"extract", "--format", "json"}, args...)...)
		var out struct {
			Sources []struct{ Path string } `json:"sources"`
		}
		json.Unmarshal([]byte(stdout), &out)
		var names []string
		for _, s := range out.Sources {
			rel, _ := filepath.Rel(dir, s.Path)
			names = append(names, filepath.ToSlash(rel))
		}
		return code, names, stderr
	}
	tests := []struct {
		args []string
		want string
	}{
		{nil, "notes/draft-1.txt wires/a.txt wires/b.txt wires/old/c.txt"},
		{[]string{"--exclude", "old"}, "notes/draft-1.txt wires/a.txt wires/b.txt"},
		{[]string{"--exclude", "draft-*", "--exclude", "wires/old/*"}, "wires/a.txt wires/b.txt"},
		{[]string{"--exclude", "**/c.txt"}, "notes/draft-1.txt wires/a.txt wires/b.txt"},
		{[]string{"--exclude", "{notes,old}"}, "wires/a.txt wires/b.txt"},
	}
	for _, tt := range tests {
		code, got, stderr := sources(append(append([]string{"--no-config"}, tt.args...), dir)...)
		if code != exitOK || strings.Join(got, " ") != tt.want {
			t.Errorf("%v: exit %d, read %v, want %s\n%s", tt.args, code, got, tt.want, stderr)
		}
	}
	// A file named on the command line is excluded too.
	code, got, _ := sources("--no-config", "--exclude", "b.txt", filepath.Join(dir, "wires/a.txt"), filepath.Join(dir, "wires/b.txt"))
	if code != exitOK || strings.Join(got, " ") != "wires/a.txt" {
		t.Errorf("named files: exit %d, read %v", code, got)
	}
	// Everything excluded is an error, not an empty report.
	code, _, stderr := runCLI(t, nil, "check", "--no-config", "--exclude", "*.txt", dir)
	if code != exitError || !strings.Contains(stderr, "no articles in directory") || !strings.Contains(stderr, "excluded") {
		t.Errorf("all excluded: exit %d, %s", code, stderr)
	}
	// The configuration file's exclude: list, shown by config print.
	cfg := filepath.Join(dir, ".factcheck.yaml")
	if err := os.WriteFile(cfg, []byte("version: 1\nexclude:\n  - notes\n  - old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, got, stderr := sources(dir); code != exitOK || strings.Join(got, " ") != "wires/a.txt wires/b.txt" {
		t.Errorf("exclude: in the config: exit %d, read %v\n%s", code, got, stderr)
	}
	code, stdout, _ := runCLI(t, nil, "config", "print", dir)
	if code != exitOK || !regexp.MustCompile(`(?m)^exclude +notes +\S*\.factcheck\.yaml:3:5$`).MatchString(stdout) {
		t.Errorf("config print: exit %d\n%s", code, stdout)
	}
	// Bad patterns.
	code, _, stderr = runCLI(t, nil, "check", "--no-config", "--exclude", "[a-", dir)
	if code != exitError || !strings.Contains(stderr, `factcheck: check: --exclude: bad exclude pattern "[a-"`) {
		t.Errorf("bad --exclude: exit %d, %s", code, stderr)
	}
	oneLineError(t, stderr)
	if err := os.WriteFile(cfg, []byte("version: 1\nexclude: [notes, \"[a-\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, nil, "check", dir)
	if code != exitError || !strings.Contains(stderr, `.factcheck.yaml:2:18: exclude: bad exclude pattern "[a-"`) {
		t.Errorf("bad exclude: exit %d, %s", code, stderr)
	}
	oneLineError(t, stderr)
}

// TestInputIsNotDroppedWithoutAWord: what factcheck cannot read is named
// on standard error with its place, and the summary says how many
// articles gave claims.
func TestInputIsNotDroppedWithoutAWord(t *testing.T) {
	dir := writeArticles(t, map[string]string{
		"a.txt":          "A fire killed three workers on Tuesday, officials said.\n",
		"b.txt":          "The fire killed three workers. The owner was fined $100000000000000000000000000000000000000000.\n",
		"c.txt":          "Le bilan de l'incendie s'élève à trois morts et douze blessés, selon les pompiers de la ville qui ont travaillé toute la nuit pour éteindre les flammes.\n",
		"d.txt":          "The fire killed " + strings.Repeat("9", 300) + " workers.\n",
		"draft/story.md": "A fire killed three workers.\n\n<!-- factcheck-disable-next-line conflcit: checked -->\nThe fire killed three workers on Tuesday.\n",
	})
	code, stdout, stderr := runCLI(t, nil, "check", "--exclude", "draft",
		"--rules", filepath.Join("..", "..", "rules.d", "conflict.test.yaml"),
		"--draft", filepath.Join(dir, "draft", "story.md"), dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"factcheck: warning: no claims read from " + filepath.Join(dir, "c.txt") + " (is it English?)\n",
		"factcheck: warning: " + filepath.Join(dir, "b.txt") + ":1:53: figure 100000…0000 (42 characters) has more than 15 significant digits, too many to hold exactly: left out\n",
		"factcheck: warning: " + filepath.Join(dir, "d.txt") + ":1:17: figure 999999…9999 (300 characters) has more than 15 significant digits",
		"factcheck: warning: no claims read from " + filepath.Join(dir, "d.txt") + "\n",
		"factcheck: warning: " + filepath.Join("..", "..", "rules.d", "conflict.test.yaml") + ": no rule loaded: a rule test file; give its rule, conflict.yaml, or the directory\n",
		"factcheck: warning: " + filepath.Join(dir, "draft", "story.md") + ":3:34: factcheck-disable-next-line: unknown rule \"conflcit\" silences nothing",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, " in 5 sources (claims read from 3)\n") {
		t.Errorf("the summary does not say how many sources gave claims:\n%s", stdout)
	}
	if strings.Contains(stdout, "100,000") {
		t.Errorf("the too-large figure is shown:\n%s", stdout)
	}
}

// TestTablesFitTheTerminal: with COLUMNS set, the table output of check
// (with a draft) and extract fits it; without it and not on a terminal,
// lines are as long as their cells.
func TestTablesFitTheTerminal(t *testing.T) {
	widest := func(s string) int {
		w := 0
		for _, line := range strings.Split(s, "\n") {
			w = max(w, utf8.RuneCountInString(line))
		}
		return w
	}
	runs := [][]string{
		{"check", "--draft", "../../testdata/drafts/wrong.md", seeds},
		{"check", shayrat},
		{"extract", shayrat},
	}
	for _, args := range runs {
		t.Setenv("COLUMNS", "")
		_, wide, _ := runCLI(t, nil, args...)
		if widest(wide) <= 100 {
			t.Errorf("%v: no line over 100 columns without COLUMNS; the test needs a wide table", args)
		}
		for _, cols := range []string{"80", "64"} {
			t.Setenv("COLUMNS", cols)
			_, out, stderr := runCLI(t, nil, args...)
			if n, _ := strconv.Atoi(cols); widest(out) > n {
				t.Errorf("%v with COLUMNS=%s: a line of %d columns\n%s%s", args, cols, widest(out), out, stderr)
			}
		}
	}
}

// TestFingerprintInTextOutput: the table and line formats show each
// finding's fingerprint, and an ignore file naming the one the table
// shows accepts that finding.
func TestFingerprintInTextOutput(t *testing.T) {
	dir := copyCluster(t, shayrat)
	_, table, _ := runCLI(t, nil, "check", dir)
	fps := regexp.MustCompile(`(?m)^ERROR conflict: the death toll of the strike: .* \[([0-9a-f]{16})\]$`).FindStringSubmatch(table)
	if fps == nil {
		t.Fatalf("no fingerprint in the table heading:\n%s", table)
	}
	_, line, _ := runCLI(t, nil, "check", "--format", "line", dir)
	if !strings.Contains(line, "["+fps[1]+"]\n") {
		t.Errorf("the line format lacks %s:\n%s", fps[1], line)
	}
	ignore := filepath.Join(dir, ".factcheck-ignore.yaml")
	if err := os.WriteFile(ignore, []byte("- fingerprint: "+fps[1]+"\n  reason: checked with the desk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, table, _ = runCLI(t, nil, "check", dir)
	if !strings.Contains(table, "accepted ("+fps[1]+"): checked with the desk") {
		t.Errorf("the finding is not accepted:\n%s", table)
	}
}

// TestConventions: what users of other command-line tools look for.
func TestConventions(t *testing.T) {
	// --version says what version does.
	_, v1, _ := runCLI(t, nil, "version")
	code, v2, _ := runCLI(t, nil, "--version")
	if code != exitOK || v1 != v2 || !strings.HasPrefix(v2, "factcheck ") {
		t.Errorf("--version: exit %d, %q; version: %q", code, v2, v1)
	}
	// completion prints each shell's script.
	for shell, mark := range map[string]string{"bash": "complete -o default -F __start_factcheck factcheck", "zsh": "#compdef factcheck",
		"fish": "complete -c factcheck", "powershell": "Register-ArgumentCompleter"} {
		code, out, stderr := runCLI(t, nil, "completion", shell)
		if code != exitOK || !strings.Contains(out, mark) {
			t.Errorf("completion %s: exit %d, no %q\n%s", shell, code, mark, stderr)
		}
	}
	if code, _, stderr := runCLI(t, nil, "completion", "tcsh"); code != exitError || !strings.Contains(stderr, "unknown shell \"tcsh\"") {
		t.Errorf("completion tcsh: exit %d, %s", code, stderr)
	}
	// A misspelt command gets a suggestion; a bad flag the command's own help.
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"chekc", seeds}, "factcheck: unknown command \"chekc\" (did you mean \"check\"?)\n"},
		{[]string{"extarct"}, "factcheck: unknown command \"extarct\" (did you mean \"extract\"?)\n"},
		{[]string{"rules", "lint", "--bogus"}, "factcheck: rules lint: unknown flag: --bogus (see 'factcheck rules lint --help')\n"},
		{[]string{"config", "print", "--bogus"}, "factcheck: config print: unknown flag: --bogus (see 'factcheck config print --help')\n"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, nil, tt.args...)
		if code != exitError || stderr != tt.stderr {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, stderr, tt.stderr)
		}
	}
	// rules list and explain take rule paths as lint and test do.
	dir := writeArticles(t, map[string]string{
		"mine/toll-gap.yaml": "title: Tolls far apart\nseverity: warning\nmessage: tolls far apart\ncondition: spread(claims) > 0.5\n",
	})
	mine := filepath.Join(dir, "mine")
	code, out, stderr := runCLI(t, nil, "rules", "list", "--no-config", mine)
	if code != exitOK || !regexp.MustCompile(`(?m)^toll-gap +warning +Tolls far apart +\S+toll-gap\.yaml$`).MatchString(out) || !strings.Contains(out, "\nconflict ") {
		t.Errorf("rules list PATH: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = runCLI(t, nil, "explain", "--no-config", "toll-gap", mine)
	if code != exitOK || !strings.HasPrefix(out, "toll-gap: Tolls far apart\n") {
		t.Errorf("explain ID PATH: exit %d\n%s%s", code, out, stderr)
	}
	// Flag values are named the same way everywhere.
	for _, cmd := range [][]string{{"check"}, {"extract"}, {"config", "print"}} {
		_, help, _ := runCLI(t, nil, append(cmd, "--help")...)
		for _, bad := range []string{"--fail-on string", "--min-severity string", "--format string"} {
			if strings.Contains(help, bad) {
				t.Errorf("%v --help says %q:\n%s", cmd, bad, help)
			}
		}
	}
	_, help, _ := runCLI(t, nil, "check", "--help")
	for _, want := range []string{"--fail-on LEVEL", "--min-severity LEVEL", "--format FORMAT", "--exclude GLOB"} {
		if !strings.Contains(help, want) {
			t.Errorf("check --help lacks %q", want)
		}
	}
	// SARIF names the tool's version and where to read about it.
	_, sarif, _ := runCLI(t, nil, "check", "--format", "sarif", seeds)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version, InformationURI string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(sarif), &log); err != nil || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Version == "" || log.Runs[0].Tool.Driver.InformationURI == "" {
		t.Errorf("SARIF tool.driver: %+v, %v", log, err)
	}
}
