package extract

import (
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func TestAttribution(t *testing.T) {
	tests := []struct{ text, figure, want string }{
		{"The governor of Homs province, Talal Barazi, told AP three soldiers were killed.", "three soldiers", "Talal Barazi"},
		{"The strike killed ten servicemen, a Syrian army officer at the airfield stated on Friday.", "ten servicemen", "Syrian army officer at the airfield"},
		{"Officials said at least 31 people were killed in the flood.", "at least 31 people", "Officials"},
		{"At least 31 people were killed in the flood, according to the interior ministry.", "At least 31 people", "interior ministry"},
		{"At least 31 people were killed in the flood.", "At least 31 people", ""},
		// Each figure keeps its own speaker.
		{"While organisers said more than a million people had attended, the police said about 110,000 took part.", "more than a million people", "organisers"},
		{"While organisers said more than a million people had attended, the police said about 110,000 took part.", "about 110,000", "police"},
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		doc := &claims.Document{Source: "t", Raw: []byte(tt.text), Text: tt.text}
		found := false
		for _, c := range New(lex).Run([]*claims.Document{doc}, Options{}) {
			if c.Text != tt.figure {
				continue
			}
			found = true
			if c.Attribution != tt.want {
				t.Errorf("%q: attribution %q, want %q", tt.text, c.Attribution, tt.want)
			}
		}
		if !found {
			t.Errorf("%q: no claim %q", tt.text, tt.figure)
		}
	}
}
