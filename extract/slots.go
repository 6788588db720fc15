package extract

import (
	"slices"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// window returns the clause around a mention: the tokens a trigger may
// come from, bounded by the sentence and by clause breaks.
func (c *docCtx) window(m *mention) (lo, hi int) {
	if w := m.win; w.set && w.from == m.from && w.to == m.to && w.ofWhole == m.ofWhole {
		return w.lo, w.hi
	}
	lo, hi = c.windowOf(m)
	m.win = windowCache{set: true, from: m.from, to: m.to, ofWhole: m.ofWhole, lo: lo, hi: hi}
	return lo, hi
}

// windowCache is a mention's window, kept with what it was worked out
// from: the stages ask for it again and again.
type windowCache struct {
	set              bool
	from, to, lo, hi int
	ofWhole          *mention
}

// windowOf works out window.
func (c *docCtx) windowOf(m *mention) (lo, hi int) {
	s := c.sents[c.sentOf[m.from]]
	lo = m.from
	// A figure a running total is updated to reaches back to what the
	// total is: "The death toll from the earthquake that hit the region
	// on Monday has climbed to 1,250".
	reach := 9
	if c.is(m.from-1, wcUpdateVerb) || c.word(m.from-1) == wTo && c.is(m.from-2, wcUpdateVerb) {
		reach = 20
	}
	for k := m.from - 1; k >= s.from && m.from-k <= reach; k-- {
		if c.clauseBreakAt(k) && (reach == 9 || !phraseJoint[c.toks[k].low]) {
			break
		}
		lo = k
	}
	hi = m.to
	start := m.to
	if m.ofWhole != nil {
		start = m.ofWhole.to // "12 of the 20 passengers died"
	}
	for k, n := start, 0; k < s.to && n < 7; k, n = k+1, n+1 {
		w := c.toks[k].low
		if (w == "—" || w == "–" || w == "--" || w == "(") && k+1 < s.to {
			// "Three countries — China, India and the UAE — abstained":
			// skip the aside to its closing mark.
			closer := w
			if w == "(" {
				closer = ")"
			}
			q := k + 1
			for q < s.to && q-k < 14 && c.toks[q].low != closer {
				q++
			}
			if q < s.to && c.toks[q].low == closer && q+1 < s.to {
				k = q
				continue
			}
		}
		if w == "," && c.is(k+1, wcApposition) {
			// "four soldiers, including an officer, were killed": skip
			// the aside to its closing comma.
			q := k + 1
			for q < s.to && q-k < 9 && c.toks[q].low != "," {
				q++
			}
			if q < s.to && c.toks[q].low == "," {
				k = q
				continue
			}
		}
		if c.clauseBreakAt(k) {
			break
		}
		hi = k + 1
	}
	return lo, hi
}

// phraseJoint are the clause breaks a long subject of an updated total
// spans: "The death toll from the floods and mudslides, which began on
// Tuesday, rose to 506".
var phraseJoint = map[string]bool{",": true, wAnd: true, wWhich: true}

// clauseBreakAt reports whether token k ends a clause (isClauseBreak).
func (c *docCtx) clauseBreakAt(k int) bool {
	if k < 0 || k >= len(c.toks) {
		return false
	}
	if c.toks[k].kind == tWord {
		return c.is(k, wcClauseBreak)
	}
	switch c.toks[k].low {
	case ";", ":", "—", "–", "(", ")", "[", "]", ",", "|":
		return true
	}
	return false
}

func (v *vocabulary) isClauseBreak(w string) bool {
	if v.in(w, wcClauseBreak) {
		return true
	}
	switch w {
	case ";", ":", "—", "–", "(", ")", "[", "]", ",", "|":
		return true
	}
	return false
}

// trigger finds the nearest trigger of slot s around m; dist is -1 when
// there is none.
func (c *docCtx) trigger(m *mention, s *slotDef, lo, hi int) int {
	best := -1
	for k := lo; k < hi; k++ {
		if c.info[k].triggers == nil {
			continue
		}
		if k > 0 && c.toks[k-1].low == "-" && !c.toks[k].space && !c.toks[k-1].space {
			continue // half of a compound: "government-held areas"
		}
		if k+1 < len(c.toks) && c.info[k+1].triggers == nil && c.isEvent(k+1) {
			continue // the name of an event: "the crowd crush", "the death march"
		}
		if c.is(k, wcAdjectiveTrigger) && k+1 < len(c.toks) && c.toks[k+1].space && c.toks[k+1].kind == tWord && k+1 != m.from {
			// "the dead woman's husband": an adjective before its noun
			if _, noun := c.x.lex.nouns[base(c.toks[k+1].low)]; noun || strings.HasSuffix(c.toks[k+1].low, "'s") {
				continue
			}
		}
		if w := c.word(k - 1); w == wNot || w == wNever || w == wNt || (c.word(k-2) == wNot || c.word(k-2) == wNever) && (w == wBeen || w == wBe || w == wYet) {
			continue // "have not been identified"
		}
		for _, r := range c.info[k].triggers {
			if r.slot != s || r.near && k != m.to {
				continue
			}
			end, ok := c.matchPhrase(k, r.words)
			if !ok {
				continue
			}
			var d int
			switch {
			case k >= m.to && m.isWhole:
				continue // the clause speaks of the part: "12 of the 20 passengers died"
			case k >= m.to:
				after := m.to
				if m.ofWhole != nil && k >= m.ofWhole.to {
					after = m.ofWhole.to
				}
				d = k - after
				if c.numberBetween(after, k) {
					continue
				}
			case end <= m.from:
				d = m.from - end
				if c.numberBetween(end, m.from) {
					continue // the trigger belongs to the nearer figure
				}
			case k >= m.from && k < m.to && k == m.noun && !m.partitive:
				d = 0
			default:
				continue
			}
			d = d*4 + 3 - min(len(r.words)-1, 3) // nearer first, then longer
			if best < 0 || d < best {
				best = d
			}
		}
	}
	return best
}

// numberBetween reports whether a figure stands in toks[from:to].
func (c *docCtx) numberBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if c.inMention[k] == markFigure {
			return true
		}
	}
	return false
}

// matchPhrase matches words at toks[k:], skipping commas and hyphens.
func (c *docCtx) matchPhrase(k int, words []string) (int, bool) {
	for _, w := range words {
		for k < len(c.toks) && (c.toks[k].low == "," || c.toks[k].low == "-") {
			k++
		}
		if k >= len(c.toks) || base(c.toks[k].low) != w && c.toks[k].low != w {
			return 0, false
		}
		k++
	}
	return k, true
}

// slotFor picks the slot of a mention, or nil.
func (c *docCtx) slotFor(m *mention) *slotDef {
	lex := c.x.lex
	if m.age {
		return lex.slotDefs[slotAge]
	}
	lo, hi := c.window(m)
	var best *slotDef
	bestD := -1
	for _, s := range lex.slots {
		if s.name == slotAge {
			continue
		}
		if !c.kindFits(m, s) {
			continue
		}
		d := 1000
		if m.noun >= 0 && !m.partitive && s.headTrig[c.toks[m.noun].low] && c.kindFits(m, s) {
			d = -1 // "claimed 50 lives"
		} else if len(s.triggers) > 0 || len(s.near) > 0 {
			d = c.trigger(m, s, lo, hi)
			if d < 0 {
				continue
			}
			if c.phraseIn(s.strong, lo, hi+3) {
				d = -1
			}
			if s.weak {
				d += 100
			}
		} else if m.kind == claims.KindCount && m.class == "" {
			continue
		}
		if best == nil || d < bestD {
			best, bestD = s, d
		}
	}
	return best
}

// clauseCategory returns the first of s's categories with a phrase that
// starts in toks[lo:hi] (hi clipped to the sentence).
func (c *docCtx) clauseCategory(s *slotDef, lo, hi int) (string, bool) {
	if len(s.cats) == 0 {
		return "", false
	}
	hi = min(hi, c.sents[c.sentOf[lo]].to)
	best := -1
	for k := lo; k < hi; k++ {
		if !s.catFirst[c.toks[k].low] {
			continue
		}
		for i, cp := range s.cats {
			if (best < 0 || i < best) && cp.words[0] == c.toks[k].low {
				if _, ok := c.matchPhrase(k, cp.words); ok {
					best = i
				}
			}
		}
	}
	if best < 0 {
		return "", false
	}
	return s.cats[best].category, true
}

// phraseIn reports whether one of phrases starts in toks[lo:hi] (hi is
// clipped to the sentence).
func (c *docCtx) phraseIn(phrases [][]string, lo, hi int) bool {
	if len(phrases) == 0 {
		return false
	}
	hi = min(hi, c.sents[c.sentOf[lo]].to)
	for k := lo; k < hi; k++ {
		for _, p := range phrases {
			if c.toks[k].low == p[0] {
				if _, ok := c.matchPhrase(k, p); ok {
					return true
				}
			}
		}
	}
	return false
}

func (c *docCtx) kindFits(m *mention, s *slotDef) bool {
	switch m.kind {
	case claims.KindCount, claims.KindOrdinal:
		if s.kind != claims.KindCount && s.kind != claims.KindOrdinal {
			return false
		}
		if m.ordinal {
			if s.kind != claims.KindOrdinal && !s.ordinals {
				return false
			}
		} else if s.kind == claims.KindOrdinal {
			return false
		}
		if m.floors && s.name == "floor_number" && !m.ordinal {
			return false
		}
		if m.class != "" {
			return slices.Contains(s.counts, m.class)
		}
		return s.bare
	case claims.KindMeasure:
		return s.kind == claims.KindMeasure && slices.Contains(s.units, m.unit)
	default:
		return s.kind == m.kind
	}
}
