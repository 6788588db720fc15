package extract

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// Fuzz targets for the segmenter, the quantity parser and the whole
// extractor over loaded documents. Run one with
//
//	go test -run='^$' -fuzz='^FuzzExtract$' -fuzztime=60s ./extract
//
// (make fuzz runs each briefly). A failure is written to
// testdata/fuzz/FuzzName/ and from then on runs with go test as a
// regression case: commit it.

// fuzzSnippets are hard cases for the quantity parser and the segmenter.
var fuzzSnippets = []string{
	"The US fired 59 cruise missiles at the base.",
	"More than 80 people died; at least 87 civilians, including 31 children, were killed.",
	"Dozens of people died. As many as 10 were hurt, up to 10,000 fled and nearly 3 million were displaced.",
	"The meeting lasted about two hours. A two-hour meeting. Half an hour later, an hour and a half.",
	"Between 20,000 and 25,000 people; 20,000-25,000; from 400 to 527; 1.2 million; $3bn; US$ 2m; £5m; 2 percent; 3.5%.",
	"Fifty-nine Tomahawks, Ten soldiers, the eighth veto, a dozen, a couple of, a few, several, scores of, hundreds of thousands.",
	"On Tuesday, April 4, 2017, at 6:45 a.m. local time (0345 GMT); last week; yesterday; on 7 April; in 2015; 2017-04-12.",
	"Mr. Tillerson met Mr. Putin in Moscow. U.S. officials said 3.45 p.m. \"It's bad,\" he said. (About 60.)",
	"Flight 302 crashed, killing all 157 people on board: 149 passengers and eight crew.",
	"58 missing, presumed dead; 23 of the 129 flats; 37 seconds of silence; 40 kilometers (25 miles).",
	"a\u00a0b\u2028c\u2029d\u0085e \u200b 1\u202f000 ５９ ٥٩ Ⅻ ½ 10¹ −5 ‒3 – 4 — 5",
	"…..!!??”’»)]\"' ' ' '' 1,2,3,4,5,,,, ....5.5.5 ::10:08:: 1e10 0x59 -59 +59 59- 59th 1st 2nd 3rd",
	"one two three four five six seven eight nine ten eleven twelve thirteen twenty-one hundred thousand million billion trillion",
	"\n\n# Headline here\n\nhttps://example.com/x\nA line that is long enough to be hard-wrapped and goes on\nin lower case for a while. 59 missiles.",
	"https://example.com/a\nTitle Of The Story\n\n\ufeffBody with 3 dead.",
	"0 0.0 00000000000000000000000000000000000001 99999999999999999999999999999999999999 1,000,000,000,000,000,000,000",
	"It was -7°C, minus 15 degrees, −1.5, .25, 3/4, 1 3/4 hours, three fifths, one and a half million, half a dozen.",
	"three point one four; sixty - four; 4.5k, 25 k, 3bn, 12.4 mln, €80m, 12 MEUR, $US26.2b, A$5m, 10 €, 50p, 3 dollars 50 cents.",
	"48,3% and 51,7 %; 1.234.567 euros; 2,5 per cent; 1,000 voters; 800,00 people; 20x, threefold, 3-fold, quadrupled.",
	"one in three voters; a third of voters; two-thirds of those killed; in the 30s; the mid-40s; 40-odd; half a century; a decade.",
	"between 400 and 2,900; 6.1-6.3; greater than or equal to 75; at least 30 and at most 90; above the fifth but below the twelfth.",
	"1,200 deaths (95% CI, 400 to 2900); 70 degrees Fahrenheit (21.1 degrees Celsius); 104.7 degrees (40.4 Celsius); 21.4 ° C; 109F.",
	"51°30′N, 33°52'S 151°12'E; a 30-acre field, a 5-gallon drum, a 9mm pistol, two-ton trucks, 12-ounce cans, 155-mile-per-hour.",
	"the 29-year-old, aged 41, eighty years of age, the 18-month-old; the third warmest year; world No 1; No. 3; number one.",
	"£230,000 per week, $5m a year before tax, £290,000-a-week, €10m per season, $528,000 (pre-tax) a week, a net profit of $2bn.",
	"- . -- −− 1/0 0/0 ½ ¾ 1½ °°° ° C C° -° 1e308 1e308 million 9999999999999999 bn 0,000 ,5 5, 5,,5 .5. 5..5 1..",
}

// fuzzSeeds adds the snippets and the paragraphs of the test articles.
func fuzzSeeds(f *testing.F, add func(s string)) {
	for _, s := range fuzzSnippets {
		add(s)
	}
	var files []string
	for _, pat := range []string{"../testdata/seeds/*.txt", "../testdata/extract/*.txt", "../testdata/quantities/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	n := 0
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n") {
			if n < 300 && strings.ContainsAny(p, "0123456789") {
				add(p)
				n++
			}
		}
	}
}

// FuzzScan fuzzes the scanner and the segmenter. Invariants: tokens are in
// order, do not overlap, lie inside the text and leave out only white
// space; sentences are in order, do not overlap, cover every token, hold
// at most maxSentence tokens, and their byte ranges are their tokens'.
func FuzzScan(f *testing.F) {
	fuzzSeeds(f, func(s string) { f.Add(s) })
	vocab := New(fuzzLexicon(f)).vocab
	f.Fuzz(func(t *testing.T, text string) {
		toks := scan(text)
		prev := 0
		for i, tk := range toks {
			start, end := int(tk.start), int(tk.end)
			if start < prev || end <= start || end > len(text) {
				t.Fatalf("token %d [%d,%d) out of place (previous ends at %d, text is %d bytes)", i, start, end, prev, len(text))
			}
			if gap := text[prev:start]; strings.TrimFunc(gap, isScanSpace) != "" {
				t.Fatalf("bytes %d-%d %q before token %d are in no token", prev, start, gap, i)
			}
			if tk.kind != tWord && tk.low != text[start:end] {
				t.Fatalf("token %d %q has low %q", i, text[start:end], tk.low)
			}
			prev = end
		}
		if rest := text[prev:]; strings.TrimFunc(rest, isScanSpace) != "" {
			t.Fatalf("trailing %q is in no token", rest)
		}
		sents := vocab.sentences(text, toks)
		next := 0
		for i, s := range sents {
			if s.from != next || s.to <= s.from || s.to > len(toks) || s.to-s.from > maxSentence {
				t.Fatalf("sentence %d tokens [%d,%d) out of place (want from %d, %d tokens)", i, s.from, s.to, next, len(toks))
			}
			if s.start != int(toks[s.from].start) || s.end != int(toks[s.to-1].end) {
				t.Fatalf("sentence %d bytes [%d,%d), its tokens span [%d,%d)", i, s.start, s.end, toks[s.from].start, toks[s.to-1].end)
			}
			next = s.to
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
	})
}

// isScanSpace reports whether r is white space, which alone the scanner
// may leave out of its tokens. The oracle is Unicode's, not the scanner's.
func isScanSpace(r rune) bool { return unicode.IsSpace(r) }

// FuzzQuantity fuzzes the quantity parser at every token of a text.
// Invariants: no panic; a mention's tokens lie inside the text, the
// number's inside the mention's; its interval is not empty and has no NaN.
func FuzzQuantity(f *testing.F) {
	fuzzSeeds(f, func(s string) { f.Add(s) })
	lex := fuzzLexicon(f)
	x := New(lex)
	f.Fuzz(func(t *testing.T, text string) {
		c := x.prepare(&claims.Document{Source: "f.txt", Raw: []byte(text), Text: text})
		for i, tk := range c.toks {
			if tk.kind != tNum && tk.kind != tWord {
				continue
			}
			m, ok := c.quantity(i)
			if !ok {
				continue
			}
			if m.from < 0 || m.from > m.numFrom || m.numFrom >= m.numTo || m.numTo > m.to || m.to > len(c.toks) {
				t.Fatalf("quantity at token %d %q: tokens from %d, number [%d,%d), to %d of %d", i, tk.low, m.from, m.numFrom, m.numTo, m.to, len(c.toks))
			}
			span := text[c.toks[m.from].start:c.toks[m.to-1].end]
			checkValue(t, span, m.val)
			// A unit converts within its dimension: the claim's unit is
			// its dimension's.
			if m.ud != nil && !m.age && m.unit != m.ud.unit {
				t.Fatalf("%q: unit %s, but read in %s (%s, stored in %s)", span, m.unit, m.ud.name, m.ud.dim, m.ud.unit)
			}
			if f := m.frame(); f.Dimension == "" || m.kind == claims.KindMoney && f.Currency == "" {
				t.Fatalf("%q: frame %+v of a %s", span, f, m.kind)
			}
		}
	})
}

// checkValue fails on an interval with a NaN or with its ends crossed.
func checkValue(t *testing.T, text string, v claims.Value) {
	t.Helper()
	if math.IsNaN(v.Lo) || math.IsNaN(v.Hi) || v.Lo > v.Hi {
		t.Fatalf("%q has the value %+v", text, v)
	}
}

func fuzzLexicon(f *testing.F) *Lexicon {
	lex, err := DefaultLexicon()
	if err != nil {
		f.Fatal(err)
	}
	return lex
}

// FuzzExtract loads arbitrary bytes as a plain text or HTML article, the
// way Load does, and extracts every quantity from it. Invariants: no panic;
// an input Load refuses gives an *InputError; every claim's span lies in
// the original bytes, with the line and column of its start; in plain
// text the span's bytes are the claim's text, in HTML its text is in the
// visible text at its offset; values have no NaN and are not empty.
func FuzzExtract(f *testing.F) {
	fuzzSeeds(f, func(s string) {
		f.Add([]byte(s), false, "")
		f.Add([]byte("<p>"+strings.ReplaceAll(s, "\n\n", "</p><p>")+"</p>"), true, "2017-04-12")
	})
	for _, s := range malformed {
		f.Add([]byte(s+" 59 cruise missiles"), true, "")
	}
	f.Add([]byte(page), true, "")
	lex := fuzzLexicon(f)
	x := New(lex)
	f.Fuzz(func(t *testing.T, raw []byte, isHTML bool, date string) {
		name := "f.txt"
		if isHTML {
			name = "f.html"
		}
		d, err := parse(name, raw)
		if err != nil {
			if ie := (*InputError)(nil); !errors.As(err, &ie) {
				t.Fatalf("parse error %v (%T), want an *InputError", err, err)
			}
			return
		}
		if d.Map == nil && len(d.Text) != len(raw) {
			t.Fatalf("plain text of %d bytes for %d raw bytes", len(d.Text), len(raw))
		}
		if !utf8.ValidString(date) {
			date = ""
		}
		cs := x.Run([]*claims.Document{d}, Options{All: true, Date: date})
		for _, c := range cs {
			sp := c.Span
			if sp.Start < 0 || sp.Start > sp.End || sp.End > len(raw) {
				t.Fatalf("claim %q: span [%d,%d) outside %d raw bytes", c.Text, sp.Start, sp.End, len(raw))
			}
			if line, col := d.Position(sp.Start); line != sp.Line || col != sp.Col {
				t.Fatalf("claim %q at %d: line:col %d:%d, want %d:%d", c.Text, sp.Start, sp.Line, sp.Col, line, col)
			}
			if c.Offset < 0 || c.Offset+len(c.Text) > len(d.Text) || d.Text[c.Offset:c.Offset+len(c.Text)] != c.Text {
				t.Fatalf("claim %q is not at offset %d of the text", c.Text, c.Offset)
			}
			if d.Map == nil && string(raw[sp.Start:sp.End]) != c.Text {
				t.Fatalf("claim %q spans %q", c.Text, raw[sp.Start:sp.End])
			}
			if c.Text == "" || c.Sentence == "" {
				t.Fatalf("claim %+v has no text or no sentence", c)
			}
			if !bytes.Contains([]byte(d.Text), []byte(strings.Fields(c.Sentence)[0])) {
				t.Fatalf("claim %q: sentence %q is not from the text", c.Text, c.Sentence)
			}
			checkValue(t, c.Text, c.Value)
		}
	})
}

// FuzzQuantTables loads arbitrary numbers and units tables. Invariants: no
// panic; a table that loads has factors that are numbers (no NaN, no
// division by zero) and every unit's dimension.
func FuzzQuantTables(f *testing.F) {
	f.Add(string(builtinNumbers), string(builtinUnits))
	f.Add("version: 1\nqualifiers: {gt: [more than]}\n", "version: 1\ndimensions: {length: {kind: measure, unit: m}}\nunits: {mi: {dimension: length, factor: 1609.344/1, words: [mile]}}\n")
	f.Add("version: 1\n", "version: 1\nminor_factor: 1/0\n")
	f.Fuzz(func(t *testing.T, numbers, units string) {
		tab, err := loadQuantTables("n.yaml", []byte(numbers), "u.yaml", []byte(units))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "n.yaml") && !strings.HasPrefix(err.Error(), "u.yaml") {
				t.Fatalf("error %q names no file", err)
			}
			return
		}
		for name, u := range tab.byName {
			if u.den == 0 || math.IsNaN(u.num/u.den) || tab.dims[u.dim] == nil {
				t.Fatalf("unit %s: %+v", name, u)
			}
		}
	})
}
