package extract

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestQuantityForms runs the quantity stage over the annotated lines of
// testdata/quantities: one input per line, each quantity it reads listed
// after `// want` as "SPAN = VALUE UNIT DIMENSION [as UNIT-AS-WRITTEN]
// [per PERIOD] [BASIS]". A missing and an unexpected quantity both fail;
// a line without a want reads none. VALUE is the exact interval: "59",
// "[20, 30]", "(20, 35]", "[30, inf)", "~60" (hedged), "[24, 144)?"
// (vague).
func TestQuantityForms(t *testing.T) {
	files, err := filepath.Glob("../testdata/quantities/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no quantity tables: %v", err)
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, wants := stripWants(t, string(raw))
			lines := strings.SplitAfter(text, "\n")
			for n, line := range lines {
				input := strings.TrimRight(line, " \n")
				if input == "" || strings.HasPrefix(input, "#") {
					continue
				}
				got := readQuantities(x, input)
				want := wants[n+1]
				for _, w := range want {
					if !slices.Contains(got, w) {
						t.Errorf("%s:%d: %q: missing %q (got %q)", filepath.Base(f), n+1, input, w, got)
					}
				}
				for _, g := range got {
					if !slices.Contains(want, g) {
						t.Errorf("%s:%d: %q: unexpected %q", filepath.Base(f), n+1, input, g)
					}
				}
			}
		})
	}
}

// readQuantities reads the quantities of one line as the extractor's loop
// does: a date or a time where one starts, else a quantity, each read
// from the token after the last.
func readQuantities(x *Extractor, text string) []string {
	doc := &claims.Document{Source: "t", Raw: []byte(text), Text: text}
	c := x.prepare(doc)
	defer c.free()
	var out []string
	for i := 0; i < len(c.toks); i++ {
		if dm, ok := c.x.vocab.parseDate(c.toks, i, c.anchor, 0, false); ok {
			i = dm.to - 1
			continue
		}
		t := c.toks[i]
		if t.kind != tNum && t.kind != tWord {
			continue
		}
		m, ok := c.quantity(i)
		if !ok {
			continue
		}
		c.markAge(m)
		out = append(out, describeMention(c, m))
		i = m.to - 1
		if m.supersede {
			i = m.numTo - 1
		}
	}
	return out
}

// describeMention renders a mention as "SPAN = VALUE UNIT DIMENSION …".
func describeMention(c *docCtx, m *mention) string {
	span := c.text[c.toks[m.from].start:c.toks[m.to-1].end]
	f := m.frame()
	parts := []string{span, "=", intervalString(m.val)}
	if m.unit != "" {
		parts = append(parts, m.unit)
	}
	parts = append(parts, f.Dimension)
	if f.Unit != "" {
		parts = append(parts, "as", f.Unit)
	}
	if f.Per != "" {
		parts = append(parts, "per", f.Per)
	}
	if f.Basis != "" {
		parts = append(parts, f.Basis)
	}
	return strings.Join(parts, " ")
}

// intervalString writes a value as an exact interval.
func intervalString(v claims.Value) string {
	num := func(f float64) string {
		switch {
		case math.IsInf(f, 1):
			return "inf"
		case math.IsInf(f, -1):
			return "-inf"
		}
		return strconv.FormatFloat(f, 'g', 12, 64)
	}
	var s string
	if v.Lo == v.Hi && !v.LoOpen && !v.HiOpen {
		s = num(v.Lo)
	} else {
		l, r := "[", "]"
		if v.LoOpen || math.IsInf(v.Lo, -1) {
			l = "("
		}
		if v.HiOpen || math.IsInf(v.Hi, 1) {
			r = ")"
		}
		s = l + num(v.Lo) + ", " + num(v.Hi) + r
	}
	if v.Approx {
		s = "~" + s
	}
	if v.Vague {
		s += "?"
	}
	return s
}

// TestMentionFrame checks what the quantity stage puts in a claim's frame.
func TestMentionFrame(t *testing.T) {
	tests := []struct {
		text string
		want claims.Frame
	}{
		{"he earns £230,000 per week", claims.Frame{Dimension: "money", Currency: "GBP", Per: "week"}},
		{"a salary of $5m a year before tax", claims.Frame{Dimension: "money", Currency: "USD", Per: "year", Basis: "gross"}},
		{"It was 70 degrees Fahrenheit", claims.Frame{Dimension: "temperature", Unit: "degF"}},
		{"a 25-mile stretch", claims.Frame{Dimension: "length", Unit: "mi"}},
		{"47 months in prison", claims.Frame{Dimension: "duration", Unit: "month"}},
		{"the 18-month-old boy", claims.Frame{Dimension: "age", Unit: "month"}},
		{"the third warmest year", claims.Frame{Dimension: "rank"}},
		{"one in three voters", claims.Frame{Dimension: "percent"}},
		{"killed 59 people", claims.Frame{Dimension: "count"}},
	}
	for _, tt := range tests {
		m := firstMention(t, tt.text)
		if m == nil {
			t.Errorf("%q: no quantity", tt.text)
			continue
		}
		if got := m.frame(); got != tt.want {
			t.Errorf("%q: frame %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// TestQuantTables checks that the built-in tables load and that a broken
// table is refused with its file, line and column.
func TestQuantTables(t *testing.T) {
	if _, err := loadQuantTables("numbers.yaml", builtinNumbers, "units.yaml", builtinUnits); err != nil {
		t.Fatalf("built-in tables: %v", err)
	}
	bad := []struct {
		name, numbers, units, want string
	}{
		{"unknown key", "version: 1\nnumerals: {}\n", "version: 1\n", `n.yaml:2:1: unknown key "numerals"`},
		{"version", "version: 2\n", "version: 1\n", "n.yaml:1:10: unsupported version 2 (want 1)"},
		{"dimension", "version: 1\n", "version: 1\nunits:\n  mi: {dimension: lenght, factor: 1, words: [mile]}\n",
			`u.yaml:3:7: unit mi: unknown dimension "lenght"`},
		{"factor", "version: 1\n", "version: 1\ndimensions:\n  length: {kind: measure, unit: m}\nunits:\n  mi: {dimension: length, factor: x/2, words: [mile]}\n",
			`u.yaml:5:7: unit mi: factor "x/2" is not a number or a fraction`},
		{"kind", "version: 1\n", "version: 1\ndimensions:\n  length: {kind: metre, unit: m}\n",
			`u.yaml:3:11: dimension length: unknown kind "metre"`},
		{"qualifier kind", "version: 1\nqualifiers:\n  more: [more than]\n", "version: 1\n", `n.yaml:3:3: unknown key "more"`},
		{"syntax", "version: 1\ncardinals: {one: 1\n", "version: 1\n", "n.yaml:1:1: did not find expected"},
		{"missing", "version: 1\n", "version: 1\ndimensions:\n  length: {kind: measure, unit: m}\n", `u.yaml:3:3: dimension "ratio" is missing`},
	}
	for _, tt := range bad {
		_, err := loadQuantTables("n.yaml", []byte(tt.numbers), "u.yaml", []byte(tt.units))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestConversionsExact checks the table's conversions against figures
// worked out by hand.
func TestConversionsExact(t *testing.T) {
	tests := []struct {
		unit  string
		v, si float64
	}{
		{"degF", 212, 100},
		{"degF", -40, -40},
		{"degF", 32, 0},
		{"K", 273.15, 0},
		{"mi", 1, 1609.344},
		{"acre", 1, 4046.8564224},
		{"km/h", 36, 10},
		{"kn", 3600, 1852},
		{"lb", 1, 0.45359237},
		{"gal", 1, 0.003785411784},
		{"sqmi", 1, 2589988.110336},
		{"year", 1, 365.25 * 86400},
		{"month", 12, 365.25 * 86400},
	}
	for _, tt := range tests {
		u, ok := qt.byName[tt.unit]
		if !ok {
			t.Errorf("no unit %s", tt.unit)
			continue
		}
		if got := u.convert(tt.v); math.Abs(got-tt.si) > 1e-9*math.Max(1, math.Abs(tt.si)) {
			t.Errorf("%v %s = %v %s, want %v", tt.v, tt.unit, got, u.unit, tt.si)
		}
	}
	// Decimals convert as written, with no binary rounding on the way.
	for _, tt := range []struct {
		unit  string
		v, si float64
	}{{"lb", 10, 4.5359237}, {"mi", 3.5, 5632.704}, {"acre", 30, 121405.692672}, {"gal", 5, 0.01892705892}} {
		if got := qt.byName[tt.unit].convert(tt.v); got != tt.si {
			t.Errorf("%v %s = %v, want exactly %v", tt.v, tt.unit, got, tt.si)
		}
	}
}

// TestDocumentHabits checks that a document's own decimal commas decide
// its ambiguous figures, and that a document written with decimal points
// keeps "1,000" a thousand.
func TestDocumentHabits(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Le Pen took 48,3% and Macron 51,7%; 1,500 voters came.",
			[]string{"48,3% = 48.3 percent percent", "51,7% = 51.7 percent percent", "1,500 voters = 1.5 count"}},
		{"Estimates ran from 200,000 to upwards of 800,00 people.",
			[]string{"200,000 = 200000 count", "upwards of 800,00 people = (800, inf) count"}},
		{"The budget was 1,000 euros, or 2,5 per cent of 1.234.567 euros.",
			[]string{"1,000 euros = 1000 EUR money", "2,5 per cent = 2.5 percent percent", "1.234.567 euros = 1234567 EUR money"}},
		{"Turnout was 65.5% and 1,500 voters came; a French tweet said 48,3%.",
			[]string{"65.5% = 65.5 percent percent", "1,500 voters = 1500 count", "48,3% = 48.3 percent percent"}},
		{"It cost 1.234.567 euros, or 2,5 million.",
			[]string{"1.234.567 euros = 1234567 EUR money", "2,5 million = 2500000 count"}},
	}
	lex, _ := DefaultLexicon()
	x := New(lex)
	for _, tt := range tests {
		got := readQuantities(x, tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
