package rules

import (
	"os"
	"testing"
)

// TestBuiltinPack loads the built-in pack and runs its test files.
func TestBuiltinPack(t *testing.T) {
	fsys := os.DirFS("..")
	s, err := LoadFS(fsys, "rules.d")
	if err != nil {
		t.Fatalf("load built-in rules:\n%v", err)
	}
	if len(s.Rules()) == 0 {
		t.Fatal("no built-in rules")
	}
	for _, r := range s.Rules() {
		if r.Title == "" || r.Description == "" || r.Since == "" {
			t.Errorf("%s: built-in rules need a title, a description and since", r.File)
		}
	}
	results, err := RunTests(s, fsys, "rules.d")
	if err != nil {
		t.Fatalf("rule tests:\n%v", err)
	}
	for _, r := range results {
		switch r.Status {
		case TestFail:
			t.Error(r)
		case TestSkip:
			t.Log(r)
		}
	}
}
