package extract

import (
	"math"
	"testing"
	"time"

	"github.com/factcheck/factcheck/claims"
)

var inf = math.Inf(1)

// firstMention reads the first quantity or date of text.
func firstMention(t *testing.T, text string) *mention {
	t.Helper()
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	doc := &claims.Document{Source: "t", Raw: []byte(text), Text: text}
	c := New(lex).prepare(doc)
	for i := range c.toks {
		if m, ok := c.quantity(i); ok {
			c.markAge(m)
			return m
		}
	}
	return nil
}

func TestQuantity(t *testing.T) {
	tests := []struct {
		text           string
		kind           claims.Kind
		unit           string
		lo, hi         float64
		loOpen, hiOpen bool
		approx, vague  bool
		evidence       string
	}{
		{text: "killed 59 people", kind: claims.KindCount, lo: 59, hi: 59, evidence: "59 people"},
		{text: "more than 80 people", kind: claims.KindCount, lo: 80, hi: inf, loOpen: true, evidence: "more than 80 people"},
		{text: "at least 87 civilians", kind: claims.KindCount, lo: 87, hi: inf, evidence: "at least 87 civilians"},
		{text: "as many as 10 guns", kind: claims.KindCount, lo: 0, hi: 10, evidence: "as many as 10 guns"},
		{text: "up to 10 people", kind: claims.KindCount, lo: 0, hi: 10},
		{text: "no more than 10 people", kind: claims.KindCount, lo: 0, hi: 10, evidence: "no more than 10 people"},
		{text: "no fewer than 20 people", kind: claims.KindCount, lo: 20, hi: inf, evidence: "no fewer than 20 people"},
		{text: "fewer than 10 people", kind: claims.KindCount, lo: 0, hi: 10, hiOpen: true},
		{text: "in excess of 200", kind: claims.KindCount, lo: 200, hi: inf, loOpen: true},
		{text: "nearly 3 people", kind: claims.KindCount, lo: 2.7, hi: 3},
		{text: "about 60 missiles", kind: claims.KindCount, lo: 60, hi: 60, approx: true},
		{text: "some 60 missiles", kind: claims.KindCount, lo: 60, hi: 60, approx: true},
		{text: "between 20,000 and 25,000 people", kind: claims.KindCount, lo: 20000, hi: 25000, evidence: "between 20,000 and 25,000 people"},
		{text: "a magnitude of 6.1-6.3", kind: claims.KindMeasure, unit: "Mw", lo: 6.1, hi: 6.3, evidence: "6.1-6.3"},
		{text: "20,000 to 25,000 people", kind: claims.KindCount, lo: 20000, hi: 25000},
		{text: "dozens of people", kind: claims.KindCount, lo: 24, hi: 144, hiOpen: true, vague: true},
		{text: "hundreds of thousands of people", kind: claims.KindCount, lo: 200000, hi: 1e6, hiOpen: true, vague: true},
		{text: "tens of thousands of people", kind: claims.KindCount, lo: 20000, hi: 100000, vague: true, hiOpen: true},
		{text: "Ten countries", kind: claims.KindCount, lo: 10, hi: 10},
		{text: "fifty-nine missiles", kind: claims.KindCount, lo: 59, hi: 59, evidence: "fifty-nine missiles"},
		{text: "two hundred and fifty people", kind: claims.KindCount, lo: 250, hi: 250},
		{text: "a dozen people", kind: claims.KindCount, lo: 12, hi: 12},
		{text: "1.2 million people", kind: claims.KindCount, lo: 1.2e6, hi: 1.2e6},
		{text: "Russia's eighth veto", kind: claims.KindOrdinal, lo: 8, hi: 8, evidence: "eighth veto"},
		{text: "the 32nd floor", kind: claims.KindOrdinal, lo: 32, hi: 32},
		{text: "a two-hour meeting", kind: claims.KindDuration, unit: "s", lo: 7200, hi: 7200, evidence: "two-hour"},
		{text: "for about two hours", kind: claims.KindDuration, unit: "s", lo: 7200, hi: 7200, approx: true},
		{text: "for over an hour", kind: claims.KindDuration, unit: "s", lo: 3600, hi: inf, loOpen: true, evidence: "over an hour"},
		{text: "three or four days", kind: claims.KindDuration, unit: "s", lo: 3 * 86400, hi: 4 * 86400},
		{text: "raised $3bn for", kind: claims.KindMoney, unit: "USD", lo: 3e9, hi: 3e9, evidence: "$3bn"},
		{text: "a €40m fine", kind: claims.KindMoney, unit: "EUR", lo: 40e6, hi: 40e6},
		{text: "a £5m aid package", kind: claims.KindMoney, unit: "GBP", lo: 5e6, hi: 5e6},
		{text: "5 million dollars", kind: claims.KindMoney, unit: "USD", lo: 5e6, hi: 5e6},
		{text: "pay 2 percent of GDP", kind: claims.KindPercent, unit: "percent", lo: 2, hi: 2},
		{text: "grew 2.5% last year", kind: claims.KindPercent, unit: "percent", lo: 2.5, hi: 2.5},
		{text: "about 40 kilometers from", kind: claims.KindMeasure, unit: "m", lo: 40000, hi: 40000, approx: true},
		{text: "a magnitude 6.1 earthquake", kind: claims.KindMeasure, unit: "Mw", lo: 6.1, hi: 6.1},
		{text: "a 7.8-magnitude quake", kind: claims.KindMeasure, unit: "Mw", lo: 7.8, hi: 7.8},
		{text: "a 64-year-old gunman", kind: claims.KindCount, unit: "years", lo: 64, hi: 64, evidence: "64-year-old"},
		{text: "Stephen Paddock, 64, of Mesquite", kind: claims.KindCount, unit: "years", lo: 64, hi: 64},
		{text: "killing 58 and injuring", kind: claims.KindCount, lo: 58, hi: 58},
		{text: "more than 50 times", kind: claims.KindCount, lo: 50, hi: inf, loOpen: true},
	}
	for _, tt := range tests {
		m := firstMention(t, tt.text)
		if m == nil {
			t.Errorf("%q: no quantity", tt.text)
			continue
		}
		v := m.val
		if m.kind != tt.kind || m.unit != tt.unit && tt.unit != "" || !near(v.Lo, tt.lo) || !near(v.Hi, tt.hi) ||
			v.LoOpen != tt.loOpen || v.HiOpen != tt.hiOpen || v.Approx != tt.approx || v.Vague != tt.vague {
			t.Errorf("%q: got %s %s [%v %v] open=%v/%v approx=%v vague=%v; want %s %s [%v %v] open=%v/%v approx=%v vague=%v",
				tt.text, m.kind, m.unit, v.Lo, v.Hi, v.LoOpen, v.HiOpen, v.Approx, v.Vague,
				tt.kind, tt.unit, tt.lo, tt.hi, tt.loOpen, tt.hiOpen, tt.approx, tt.vague)
		}
		if tt.evidence != "" {
			c := firstCtx(t, tt.text)
			got := tt.text[c.toks[m.from].start:c.toks[m.to-1].end]
			if got != tt.evidence {
				t.Errorf("%q: evidence %q, want %q", tt.text, got, tt.evidence)
			}
		}
	}
}

func firstCtx(t *testing.T, text string) *docCtx {
	lex, _ := DefaultLexicon()
	return New(lex).prepare(&claims.Document{Source: "t", Raw: []byte(text), Text: text})
}

func near(a, b float64) bool {
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return a == b
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// TestNotQuantities lists text that must not be read as a quantity.
func TestNotQuantities(t *testing.T) {
	for _, text := range []string{
		"one of the planes",
		"no one was hurt",
		"plates 114B40",
		"Call 0800 0961 233 now",
		"could reach three figures",
		"since the 9/11 attacks",
		"open 24/7 to visitors",
	} {
		lex, _ := DefaultLexicon()
		doc := &claims.Document{Source: "t", Raw: []byte(text), Text: text}
		cs := New(lex).Run([]*claims.Document{doc}, Options{All: true})
		for _, c := range cs {
			if c.Kind != claims.KindDate && c.Kind != claims.KindTime {
				t.Errorf("%q: unexpected claim %q", text, c.Text)
			}
		}
	}
}

func TestDates(t *testing.T) {
	anchor := date(2017, 4, 12) // a Wednesday
	tests := []struct{ text, want string }{
		{"on Wednesday", "2017-04-12"},
		{"on Tuesday", "2017-04-11"},
		{"yesterday", "2017-04-11"},
		{"last week", "2017-04-03/2017-04-09"},
		{"on 4 April", "2017-04-04"},
		{"on April 4", "2017-04-04"},
		{"October 2, 2017", "2017-10-02"},
		{"since September 2015", "2015-09"},
		{"at 10:08 p.m.", "22:08"},
		{"around 8:40pm", "20:40"},
		{"at 3.45 am", "03:45"},
		{"2017-10-01", "2017-10-01"},
	}
	for _, tt := range tests {
		c := firstCtx(t, tt.text)
		got := ""
		for i := range c.toks {
			if dm, ok := c.x.vocab.parseDate(c.toks, i, anchor, 0, false); ok {
				got = dm.iso
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestMonthDayYear: a month and day without a year is the one nearest the
// report's date, ahead or behind; a tie goes to the past.
func TestMonthDayYear(t *testing.T) {
	tests := []struct {
		anchor     time.Time
		text, want string
	}{
		{date(2016, 6, 14), "on June 23", "2016-06-23"},      // nine days ahead: this year's
		{date(2016, 6, 14), "on June 1", "2016-06-01"},       // two weeks ago
		{date(2017, 1, 5), "on December 28", "2016-12-28"},   // last week: last year's
		{date(2016, 12, 28), "on January 3", "2017-01-03"},   // next week: next year's
		{date(2017, 3, 1), "on October 10", "2016-10-10"},    // five months ago, not seven ahead
		{date(2017, 3, 1), "on July 10", "2017-07-10"},       // four months ahead, not eight ago
		{date(2016, 6, 14), "on 14 June 2015", "2015-06-14"}, // a year written is kept
		{date(2017, 4, 12), "on 4 April", "2017-04-04"},      // last week
	}
	for _, tt := range tests {
		c := firstCtx(t, tt.text)
		got := ""
		for i := range c.toks {
			if dm, ok := c.x.vocab.parseDate(c.toks, i, tt.anchor, 0, false); ok {
				got = dm.iso
				break
			}
		}
		if got != tt.want {
			t.Errorf("%q on %s: got %q, want %q", tt.text, tt.anchor.Format("2006-01-02"), got, tt.want)
		}
	}
}
