package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenClusters are the stories the golden tests check, by name: the
// seeds (no conflict) and the Shayrat strike (real conflicts of death
// tolls), relative to the module root.
var goldenClusters = []struct{ name, dir string }{
	{"seeds", "testdata/seeds"},
	{"shayrat", "testdata/clusters/shayrat"},
}

// goldenFormats are the check formats with a golden file each.
var goldenFormats = []string{"table", "line", "json", "sarif", "github", "markdown", "html"}

// TestGolden runs factcheck on the seeds and the other clusters from the
// module root, so the paths in the output read testdata/seeds/…, and
// compares the output with testdata/golden: check in every format, and
// extract. Rewrite the files with go test ./cmd/factcheck -update, never
// by hand.
func TestGolden(t *testing.T) {
	t.Chdir("../..")
	type test struct {
		file string
		args []string
	}
	tests := []test{
		{"seeds.extract.json.golden", []string{"extract", "--format", "json", "testdata/seeds"}},
	}
	for _, c := range goldenClusters {
		for _, format := range goldenFormats {
			tests = append(tests, test{c.name + "." + format + ".golden", []string{"check", "--fail-on", "none", "--format", format, c.dir}})
		}
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, got, stderr := runCLI(t, nil, tt.args...)
			if code != exitOK {
				t.Fatalf("factcheck %s: exit %d\n%s", strings.Join(tt.args, " "), code, stderr)
			}
			checkGolden(t, tt.file, got, tt.args)
		})
	}
}

// checkGolden compares got with testdata/golden/file, or with -update
// writes it there.
func checkGolden(t *testing.T, file, got string, args []string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", file)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/factcheck -update to create it)", err)
	}
	if d := lineDiff(string(want), got); d != "" {
		t.Errorf("factcheck %s differs from %s (-want +got; rewrite with -update if the change is right):\n%s",
			strings.Join(args, " "), path, d)
	}
}

// TestGoldenSeveralOutputs writes three formats in one run, two of them
// to files, and checks each against its golden file.
func TestGoldenSeveralOutputs(t *testing.T) {
	t.Chdir("../..")
	if *update {
		t.Skip("reads the golden files TestGolden writes")
	}
	dir := t.TempDir()
	sarif, html := filepath.Join(dir, "out.sarif"), filepath.Join(dir, "out.html")
	args := []string{"check", "--format", "table", "--format", "sarif=" + sarif, "--format", "html=" + html, "testdata/clusters/shayrat"}
	code, stdout, stderr := runCLI(t, nil, args...)
	if code != exitFindings || stderr != "" {
		t.Fatalf("exit %d, want 1 (the shayrat cluster has conflicts)\n%s", code, stderr)
	}
	checkGolden(t, "shayrat.table.golden", stdout, args)
	for file, golden := range map[string]string{sarif: "shayrat.sarif.golden", html: "shayrat.html.golden"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, golden, string(b), args)
	}
}

// lineDiff returns a readable diff of want and got, or "" when they are
// equal: the lines that differ between their common beginning and end,
// with a few lines of context, up to a limit.
func lineDiff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := lines(want), lines(got)
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	const context, limit = 3, 40
	var b strings.Builder
	fmt.Fprintf(&b, "@@ line %d @@\n", pre+1)
	for _, l := range w[max(0, pre-context):pre] {
		b.WriteString("  " + l)
	}
	write := func(sign string, lines []string) {
		for i, l := range lines {
			if i == limit {
				fmt.Fprintf(&b, "%s… %d more lines\n", sign, len(lines)-limit)
				break
			}
			if !strings.HasSuffix(l, "\n") {
				l += "\n\\ no newline at end\n"
			}
			b.WriteString(sign + " " + l)
		}
	}
	write("-", w[pre:len(w)-suf])
	write("+", g[pre:len(g)-suf])
	for _, l := range w[len(w)-suf : min(len(w), len(w)-suf+context)] {
		b.WriteString("  " + l)
	}
	return b.String()
}

// lines splits s after each newline.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

func TestLineDiff(t *testing.T) {
	if d := lineDiff("a\nb\n", "a\nb\n"); d != "" {
		t.Errorf("equal texts: %q", d)
	}
	want := "@@ line 2 @@\n  a\n- b\n+ B\n+ C\n  c\n"
	if d := lineDiff("a\nb\nc\n", "a\nB\nC\nc\n"); d != want {
		t.Errorf("lineDiff =\n%s\nwant\n%s", d, want)
	}
	want = "@@ line 2 @@\n  a\n- b\n\\ no newline at end\n+ b\n"
	if d := lineDiff("a\nb", "a\nb\n"); d != want {
		t.Errorf("lineDiff =\n%q\nwant\n%q", d, want)
	}
}
