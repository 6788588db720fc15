package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
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

// TestUserLexiconChangesWords: a user's lexicon changes the words the
// stages read, class by class, and names its mistakes with their place.
func TestUserLexiconChangesWords(t *testing.T) {
	base, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	write := func(src string) string {
		f := filepath.Join(t.TempDir(), "lex.yaml")
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return f
	}
	attribution := func(lex *Lexicon) string {
		text := "More than 80 people died, the coroner reckoned.\n"
		doc := &claims.Document{Source: "a.txt", Raw: []byte(text), Text: text}
		for _, c := range New(lex).Run([]*claims.Document{doc}, Options{}) {
			return c.Attribution
		}
		return "(no claim)"
	}
	if got := attribution(base); got != "" {
		t.Fatalf("built-in lexicon: attribution %q, want none", got)
	}
	ext, err := LoadLexicon(base, write("version: 1\nwords:\n  say_verbs: [said, reckoned]\n  speaker_nouns: [coroner]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := attribution(ext); got != "coroner" {
		t.Errorf("with the user's say verb: attribution %q, want coroner", got)
	}
	if got := attribution(base); got != "" {
		t.Errorf("the base lexicon changed: attribution %q", got)
	}
	for src, want := range map[string]string{
		"version: 1\nwords:\n  say_verb: [said]\n": `lex.yaml:3:3: words: unknown class "say_verb"`,
		"version: 1\nmonths: [[jan]]\n":            "lex.yaml:2:9: months: want 12 lists of names, January first; have 1",
		"version: 1\nweekdays: [[mon], [tue]]\n":   "lex.yaml:2:11: weekdays: want 7 lists of names, Sunday first; have 2",
		"version: 1\nwords: [said]\n":              "lex.yaml:2:8: words: want a mapping of class names to lists of words",
	} {
		_, err := LoadLexicon(base, write(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}
