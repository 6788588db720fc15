package extract

import (
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestAsOf checks the day a text gives a running figure for.
func TestAsOf(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	tests := []struct {
		text, figure, asOf string
	}{
		{"The death toll rose to six on Thursday.", "six", "2018-10-11"},
		{"The death toll rose on Thursday to 16.", "16", "2018-10-11"},
		{"The toll had climbed to 4,544 by Tuesday afternoon.", "4,544", "2018-10-09"},
		{"The storm killed six people on Thursday.", "six people", ""},
		{"Six people died in the storm.", "Six people", ""},
	}
	for _, tt := range tests {
		text := "Published: 2018-10-12\n\n" + tt.text + "\n"
		doc := &claims.Document{Source: "a.txt", Raw: []byte(text), Text: text, Published: "2018-10-12"}
		found := false
		for _, c := range x.Run([]*claims.Document{doc}, Options{}) {
			if c.Text != tt.figure {
				continue
			}
			found = true
			if c.AsOf != tt.asOf {
				t.Errorf("%q: %q as of %q, want %q", tt.text, c.Text, c.AsOf, tt.asOf)
			}
		}
		if !found {
			t.Errorf("%q: no claim %q", tt.text, tt.figure)
		}
	}
}
