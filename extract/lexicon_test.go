package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// LoadLexicon extends a copy: the base lexicon is not changed.
func TestLoadLexiconLeavesBase(t *testing.T) {
	base, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "lex.yaml")
	src := "version: 1\nidentifiers: [Platoon]\nnouns:\n  drone:\n    \"\": [quadcopters]\nslots:\n  drone_count:\n    kind: count\n    counts: [drone]\n    subject: []\n"
	if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ext, err := LoadLexicon(base, f)
	if err != nil {
		t.Fatal(err)
	}
	if !ext.identifier["platoon"] || ext.slotDefs["drone_count"] == nil || ext.nouns["quadcopters"].class != "drone" {
		t.Fatalf("extended lexicon lacks the file's entries")
	}
	if base.identifier["platoon"] || base.slotDefs["drone_count"] != nil || base.classes["drone"] != nil {
		t.Errorf("LoadLexicon changed its base")
	}
}
