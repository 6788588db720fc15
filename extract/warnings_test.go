package extract

import (
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func TestExtractionWarnings(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	tests := []struct {
		text   string
		claims int
		warn   []string
	}{
		{"A fire killed three workers on Tuesday.", 2, nil},
		{"The owner paid $100000000000000000000000000000000000000000 and three workers died.", 1,
			[]string{"a.txt:1:17: figure 100000…0000 (42 characters) has more than 15 significant digits, too many to hold exactly: left out"}},
		{"The fire killed 1234567890123456 workers.", 0,
			[]string{"a.txt:1:17: figure 1234567890123456 has more than 15 significant digits, too many to hold exactly: left out", "no claims read from a.txt"}},
		{"The fire killed 123456789012345 workers.", 1, nil},
		{"Le bilan de l'incendie s'élève à 12 morts et 40 blessés, selon les pompiers de la ville qui ont travaillé toute la nuit.", 0,
			[]string{"no claims read from a.txt (is it English?)"}},
		{"Nothing here has a figure at all.", 0, []string{"no claims read from a.txt"}},
	}
	for _, tt := range tests {
		var got []string
		doc := &claims.Document{Source: "a.txt", Raw: []byte(tt.text), Text: tt.text, Published: "2026-03-14"}
		cs := x.Run([]*claims.Document{doc}, Options{Warn: func(w claims.Warning) { got = append(got, w.String()) }})
		if len(cs) != tt.claims || strings.Join(got, "|") != strings.Join(tt.warn, "|") {
			t.Errorf("%q: %d claims, warnings %q; want %d, %q", tt.text, len(cs), got, tt.claims, tt.warn)
		}
	}
}
