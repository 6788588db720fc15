package rules

import (
	"math"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/factcheck/factcheck/claims"
)

func TestParseValue(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		in   string
		want claims.Value
	}{
		{"59", claims.Value{Lo: 59, Hi: 59}},
		{"-3.5", claims.Value{Lo: -3.5, Hi: -3.5}},
		{"1,200,000", claims.Value{Lo: 1.2e6, Hi: 1.2e6}},
		{"~60", claims.Value{Lo: 60, Hi: 60, Approx: true, Tol: 0.05}}, // docs/rules.md: 5%
		{">80", claims.Value{Lo: 80, Hi: inf, LoOpen: true}},
		{">=87", claims.Value{Lo: 87, Hi: inf}},
		{"<3", claims.Value{Lo: -inf, Hi: 3, HiOpen: true}},
		{"<=10", claims.Value{Lo: -inf, Hi: 10}},
		{"20..25", claims.Value{Lo: 20, Hi: 25}},
		{"(20..25]", claims.Value{Lo: 20, Hi: 25, LoOpen: true}},
		{"[20..25)", claims.Value{Lo: 20, Hi: 25, HiOpen: true}},
		{"~20_000..25_000", claims.Value{Lo: 20000, Hi: 25000, Approx: true, Tol: 0.05}},
		{"any", claims.Value{Lo: -inf, Hi: inf}},
	} {
		got, err := ParseValue(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseValue(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "x", ">", "5..", "9..1", "1..2..3", "~", "NaN", "inf"} {
		if v, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) = %+v, want an error", bad, v)
		}
	}
}

func TestDescribe(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		v    claims.Value
		kind claims.Kind
		want string
	}{
		{claims.Exact(59), claims.KindCount, "59"},
		{claims.Value{Lo: 60, Hi: 60, Approx: true, Tol: 0.05}, claims.KindCount, "about 60"},
		{claims.Value{Lo: 80, Hi: inf, LoOpen: true}, claims.KindCount, "more than 80"},
		{claims.Value{Lo: 87, Hi: inf}, claims.KindCount, "at least 87"},
		{claims.Value{Lo: 0, Hi: 10}, claims.KindCount, "up to 10"},
		{claims.Value{Lo: 0, Hi: 10}, claims.KindMeasure, "between 0 and 10"},
		{claims.Value{Lo: -inf, Hi: 3, HiOpen: true}, claims.KindCount, "fewer than 3"},
		{claims.Value{Lo: -inf, Hi: 3, HiOpen: true}, claims.KindMeasure, "less than 3"},
		{claims.Value{Lo: 20000, Hi: 25000}, claims.KindCount, "between 20,000 and 25,000"},
		{claims.Value{Lo: 20, Hi: 25, LoOpen: true}, claims.KindCount, "more than 20 and up to 25"},
		{claims.Exact(1234567.5), claims.KindMoney, "1,234,567.50"},
		{claims.Exact(7200), claims.KindDuration, "2 hours"},
		{claims.Exact(-12000), claims.KindMeasure, "-12,000"},
		{claims.Exact(2), claims.KindPercent, "2%"},
		{claims.Unbounded(), claims.KindCount, "any"},
		{claims.Value{Lo: -inf, Hi: inf, Text: "Syria"}, claims.KindText, "Syria"},
		{claims.Value{Lo: 17260, Hi: 17260, Date: "2017-04-04"}, claims.KindDate, "4 April 2017"},
	} {
		if got := Describe(tc.v, tc.kind); got != tc.want {
			t.Errorf("Describe(%+v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestDateValue(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		in     string
		lo, hi float64
	}{
		{"2017-04-04", 17260, 17260},
		{"2017-04", 17257, 17286},
		{"2017", 17167, 17531},
		{"2017-04-03/2017-04-09", 17259, 17265},
		{"--04-04", -inf, inf},
		{"22:08", -inf, inf},
	} {
		v, err := DateValue(tc.in)
		if err != nil || v.Lo != tc.lo || v.Hi != tc.hi || v.Date != tc.in {
			t.Errorf("DateValue(%q) = %+v, %v; want %g..%g", tc.in, v, err, tc.lo, tc.hi)
		}
	}
	for _, bad := range []string{"April", "2017-13-01", "2017-04-04/x"} {
		if _, err := DateValue(bad); err == nil {
			t.Errorf("DateValue(%q): no error", bad)
		}
	}
}

// TestValuePositions checks, for scalars of every style, that each
// character of the value that is copied from the file maps to that very
// character.
func TestValuePositions(t *testing.T) {
	docs := []string{
		"a: plain value here\n",
		"a: plain value\n  continued\n\n  after a blank\n",
		"a: 'single ''quoted'' value'\n",
		"a: 'single\n   folded'\n",
		"a: \"double \\\"quoted\\\" \\t value \\u00e9x\"\n",
		"a: \"double\n  folded\n\n  twice\"\n",
		"a: \"escaped \\\n    break\"\n",
		"a: |\n  literal\n    indented\n\n  last\n",
		"a: |-\n  x\n",
		"a: >\n  folded\n  lines\n\n  para\n    more indented\n  back\n",
		"a: >2\n   explicit\n",
		"- {k: flow value, j: 'q'}\n",
		"k: \"é ü\" # comment\n",
		"k: |  # comment\n  é ü\n",
	}
	for _, doc := range docs {
		var probs problems
		f := newYAMLFile("x.yaml", []byte(doc), &probs)
		root := f.parse([]byte(doc))
		if root == nil {
			t.Fatalf("%q: %v", doc, probs.err())
		}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			for _, c := range n.Content {
				walk(c)
			}
			if n.Kind != yaml.ScalarNode || n.Value == "k" || n.Value == "a" || n.Value == "j" {
				return
			}
			ps := f.valuePositions(n)
			if ps == nil {
				if n.Value != "explicit\n" && n.Value != " explicit\n" { // indentation indicators are not read
					t.Errorf("%q: no positions for %q", doc, n.Value)
				}
				return
			}
			value := []rune(n.Value)
			for i, p := range ps {
				r := value[i]
				if p.line < 1 || p.line > len(f.lines) || p.col < 1 || p.col > len(f.lines[p.line-1])+1 {
					t.Errorf("%q: %q[%d] at %v, outside the file", doc, n.Value, i, p)
					continue
				}
				l := f.lines[p.line-1]
				copied := p.col <= len(l) && l[p.col-1] != '\\' && !(r == '\'' && n.Style == yaml.SingleQuotedStyle)
				if copied && r != ' ' && r != '\n' && l[p.col-1] != r {
					t.Errorf("%q: %q[%d] = %q maps to %d:%d, which is %q", doc, n.Value, i, r, p.line, p.col, l[p.col-1])
				}
			}
		}
		walk(root)
	}
}
