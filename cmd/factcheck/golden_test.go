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

// TestGolden runs factcheck on the seeds from the module root, so the paths
// in the output read testdata/seeds/…, and compares the output with
// testdata/golden. Rewrite the files with go test ./cmd/factcheck -update,
// never by hand.
func TestGolden(t *testing.T) {
	t.Chdir("../..")
	tests := []struct {
		file string
		args []string
	}{
		{"seeds.table.golden", []string{"check", "--fail-on", "none", "testdata/seeds"}},
		{"seeds.json.golden", []string{"check", "--fail-on", "none", "--format", "json", "testdata/seeds"}},
		{"seeds.extract.json.golden", []string{"extract", "--format", "json", "testdata/seeds"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, got, stderr := runCLI(t, nil, tt.args...)
			if code != exitOK {
				t.Fatalf("factcheck %s: exit %d\n%s", strings.Join(tt.args, " "), code, stderr)
			}
			path := filepath.Join("testdata", "golden", tt.file)
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
					strings.Join(tt.args, " "), path, d)
			}
		})
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
