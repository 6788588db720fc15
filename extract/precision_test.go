package extract

import (
	"math"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestWrittenPrecision: the precision a figure's digits are written to,
// as a fraction of its value, whichever mark separates the decimals.
func TestWrittenPrecision(t *testing.T) {
	tests := []struct {
		s    string
		v    float64
		want float64
	}{
		{"26", 26, 0.45 / 26},
		{"26.2", 26.2, 0.045 / 26.2},
		{"1,000", 1000, 0.45 / 1000},
		{"48,3", 48.3, 0.045 / 48.3},
		{"40.0", 40, 0.045 / 40},
		{"0.25", 0.25, 0.0045 / 0.25},
		{"0", 0, 0},
	}
	for _, tt := range tests {
		if got := writtenPrecision(tt.s, tt.v); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("writtenPrecision(%q, %v) = %v, want %v", tt.s, tt.v, got, tt.want)
		}
	}
}

// TestWrittenTolerance: a measured or reckoned figure stands for the
// values that round to it, a count given with a scale word too; other
// counts, ages and dates are exact. Each case names two figures and
// whether they can both be true.
func TestWrittenTolerance(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	tests := []struct {
		textA, figA, textB, figB string
		overlap                  bool
	}{
		{"Microsoft will pay $26 billion for LinkedIn.", "$26 billion", "Microsoft will pay $26.2 billion for LinkedIn.", "$26.2 billion", true},
		{"Microsoft will pay $26 billion for LinkedIn.", "$26 billion", "Microsoft will pay $27 billion for LinkedIn.", "$27 billion", false},
		{"Leave won 52% of the vote.", "52%", "Leave won 51.9% of the vote.", "51.9%", true},
		{"Leave won 52% of the vote.", "52%", "Leave won 51.4% of the vote.", "51.4%", false},
		{"Macron won 66.1% of the vote.", "66.1%", "Macron won 66.06% of the vote.", "66.06%", true},
		{"Macron won 66.1% of the vote.", "66.1%", "Macron won 65.82% of the vote.", "65.82%", false},
		{"The flight took 17 hours.", "17 hours", "The flight took 17.3 hours.", "17.3 hours", true},
		{"He signed a contract for 4 years.", "4 years", "He signed a contract for 5 years.", "5 years", false},
		{"Paris recorded 43C on Thursday.", "43C", "Paris recorded 42.6C on Thursday.", "42.6C", true},
		{"Paris recorded 42.7C on Thursday.", "42.7C", "Paris recorded 42.6C on Thursday.", "42.6C", false},
		{"They said 2.5 million people marched.", "2.5 million people", "They said 2.47 million people marched.", "2.47 million people", true},
		{"The fire killed 58 people.", "58 people", "The fire killed 59 people.", "59 people", false},
		{"The fire killed 58 people.", "58 people", "The fire killed 58.4 people.", "58.4 people", false},
	}
	for _, tt := range tests {
		a, b := claimOf(t, x, tt.textA, tt.figA), claimOf(t, x, tt.textB, tt.figB)
		if a == nil || b == nil {
			t.Errorf("%q / %q: no claim (%v, %v)", tt.figA, tt.figB, a, b)
			continue
		}
		if got := claims.Overlaps(a.Value, b.Value); got != tt.overlap {
			t.Errorf("%q (%+v) and %q (%+v): overlap %v, want %v", tt.figA, a.Value, tt.figB, b.Value, got, tt.overlap)
		}
	}
}
