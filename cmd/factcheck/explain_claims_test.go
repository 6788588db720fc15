package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainClaims runs explain-claims end to end: two claims found by
// positions inside their text, both frames, the decision and its
// features, and whether check groups them; and a pair a hard rule keeps
// apart.
func TestExplainClaims(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "The US fired 59 cruise missiles at the base on Friday.\nThe strike lasted two hours.\n",
		"b.txt": "Officials said the US fired 59 cruise missiles at the base.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	// Inside "59 cruise missiles" of each (a.txt col 14, b.txt col 29).
	code, stdout, stderr := runCLI(t, nil, "explain-claims", a+":1:20", b+":1:30", dir)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"claim 1: " + a + `:1:14 "59 cruise missiles"`,
		"claim 2: " + b + `:1:29 "59 cruise missiles"`,
		"kind count, value 59 missiles, slot missile_count",
		"frame does not say:",
		"same fact: probability ",
		"key_equal",
		"bias",
		"compared: check puts both in one group: missile_count",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	// The strike's length and the missiles: a duration and a count.
	code, stdout, stderr = runCLI(t, nil, "explain-claims", a+":2:19", b+":1:29", dir)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{`"two hours"`, "not compared: different dimensions (duration, count)", "not compared: check puts them in different groups"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "bias") {
		t.Errorf("a pair a hard rule keeps apart lists features:\n%s", stdout)
	}
	// A file may be named by the end of its path.
	if code, _, stderr := runCLI(t, nil, "explain-claims", "a.txt:1:14", "b.txt:1:29", dir); code != exitOK {
		t.Errorf("positions by file name: exit %d\n%s", code, stderr)
	}
}
