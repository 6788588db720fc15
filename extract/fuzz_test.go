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
}

// fuzzSeeds adds the snippets and the paragraphs of the test articles.
func fuzzSeeds(f *testing.F, add func(s string)) {
	for _, s := range fuzzSnippets {
		add(s)
	}
	var files []string
	for _, pat := range []string{"../testdata/seeds/*.txt", "../testdata/extract/*.txt"} {
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
			checkValue(t, text[c.toks[m.from].start:c.toks[m.to-1].end], m.val)
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
