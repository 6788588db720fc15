package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
