package extract

import (
	"slices"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// claim builds the claim for mention m in slot s (nil: no slot), all but
// where it stands (locate), which only a claim that is kept needs. It
// builds it in the context's one draft claim, which the next call
// overwrites: a claim that is kept is copied out (keep).
func (c *docCtx) claim(m *mention, s *slotDef) *claims.Claim {
	start, end := int(c.toks[m.from].start), int(c.toks[m.to-1].end)
	cl := &c.scratch.draft
	*cl = claims.Claim{
		Source:    c.doc.Source,
		Story:     c.doc.Story,
		Kind:      m.kind,
		Value:     m.val,
		Unit:      m.unit,
		Text:      c.text[start:end],
		Qualifier: m.qual,
		Published: c.doc.Published,
		Offset:    start,
		Derived:   m.derived,
	}
	if tol := c.writtenTolerance(m); tol > cl.Value.Tol {
		cl.Value.Tol = tol
	}
	if m.date != nil {
		cl.Value = claims.Unbounded()
		cl.Value.Date = m.date.iso
		if m.date.known {
			cl.Value.Lo, cl.Value.Hi = dayNum(m.date.lo), dayNum(m.date.hi)
			switch {
			case m.date.relative && c.borrowed:
				// Resolved against a date the document does not give:
				// allow for the anchor being a few days off.
				cl.Value.Lo -= 3
				cl.Value.Hi += 3
				cl.Value.Approx = true
			case m.date.relative:
				// "Sunday night" and "early Monday" can be one event in
				// two time zones.
				cl.Value.Lo--
				cl.Value.Hi++
				cl.Value.Approx = true
			}
		}
		if m.date.zone != "" {
			cl.Unit = m.date.zone
		}
	}
	if s == nil {
		if cl.Unit == "" && m.noun >= 0 {
			cl.Unit = c.toks[m.noun].low
		}
		return cl
	}
	cl.Slot = s.name
	if s.unit != "" && (m.kind == claims.KindCount || m.kind == claims.KindOrdinal) {
		cl.Unit = s.unit
	}
	if s.kind == claims.KindOrdinal {
		cl.Unit = ""
	}
	if s != openSlot { // an open slot's subject is what it counts (its frame)
		cl.Subject = c.subject(m, s)
	}
	cl.Attribution = c.attribution(m)
	if m.category != "" && slices.Contains(s.uncompared, m.category) {
		cl.Slot = ""
	}
	if m.kind == claims.KindMeasure && m.unit == "m" && c.is(m.to, wcDimensionAdjective) {
		// "27 meters long", "a wall 3 metres high": a size, not how far
		cl.Slot = ""
	}
	if m.kind == claims.KindDuration && c.comparisonSpan(m) {
		// "the strongest storm in more than 50 years", "for the first time
		// in 20 years": a span a record is measured over, not how long
		// anything lasted.
		cl.Slot = ""
	}
	if c.increment(m) && m.category == "" && (tollSlots[s.name] || s.name == "vote_in_favour" || s.name == "vote_against" || s.name == "vote_abstain") {
		// "Another 79 people were injured", "four additional victims
		// died", "the remaining three members voted in favour": a part
		// added to a total given elsewhere, not the total.
		cl.Slot = ""
	}
	if m.ofGroup && (m.category == "" || m.refCategory) && (s.name == m.groupSlot || m.groupSlot == "" && tollSlots[s.name]) {
		// "Nine of them were declared dead", "two of the injured are in
		// hospital": a part of a group, counted as the group is and with
		// nothing to say which part, is no figure a source gives for the
		// whole. ("37 of the injured are in critical condition" is a count
		// of its own.)
		cl.Slot = ""
	}
	if s.name == "age" && cl.Subject == "" {
		cl.Slot = "" // an age of nobody named is not compared
	}
	if r, ok := s.rename[cl.Subject]; ok && cl.Slot != "" {
		cl.Slot = r
	}
	if m.kind == claims.KindDate || m.kind == claims.KindTime {
		// A date of nothing in particular, or of when something was
		// said, is not a fact sources dispute.
		if cl.Subject == "" || cl.Subject == "statement" || strings.HasPrefix(cl.Subject, "(") {
			cl.Slot = "" // "(2009)": a year of nothing named
		}
		// A weekday or "yesterday" is compared only when the sentence ties
		// it to what happened (an attack, a fire, a meeting, a vote), not
		// to when a festival ran or a remark was made: those recur too
		// often to be one fact.
		if m.date.relative {
			if _, incident := c.x.lex.eventDefs[cl.Subject]; !incident && !c.in(cl.Subject, wcDatedActivity) || !c.eventInClause(m) {
				cl.Slot = ""
			}
		}
		// "The death toll rose Wednesday to 9,500", "had climbed to 4,544
		// by Tuesday": the day a running figure was given, not the day of
		// the event. Reports of one story give their figures on different
		// days.
		if c.asOfDate(m) {
			cl.Slot = ""
		}
	} else {
		cl.Superseded = m.supersede || c.superseded(m)
	}
	return cl
}

// keep returns a claim of its own with what the draft cl holds.
func keep(cl *claims.Claim) *claims.Claim {
	out := new(claims.Claim)
	*out = *cl
	return out
}

// locate fills in where claim cl of mention m stands: its span in the
// original bytes and its sentence.
func (c *docCtx) locate(cl *claims.Claim, m *mention) {
	start, end := int(c.toks[m.from].start), int(c.toks[m.to-1].end)
	cl.Span = c.doc.SpanOf(start, end)
	cl.Sentence = c.sentenceText(int(c.sentOf[m.from]))
}

// maxWrittenTolerance caps the tolerance a figure's written precision
// gives it: "2 million" is not 1.5 to 2.5 million.
const maxWrittenTolerance = 0.05

// writtenTolerance is the tolerance m's written precision gives it: a
// measured or reckoned figure stands for the values that round to it
// ("$26 billion" holds $26.2 billion, "52%" holds 51.9%, "17 hours" holds
// 17 hours 20 minutes), as does a count given with a scale word ("2.5
// million people"). Other counts are exact ("58 people"; round ones have
// their own tolerance), and so are ages, ranks and dates.
func (c *docCtx) writtenTolerance(m *mention) float64 {
	if m.prec == 0 || m.date != nil || m.age || m.ordinal || m.val.Vague {
		return 0
	}
	switch m.kind {
	case claims.KindMoney, claims.KindPercent, claims.KindMeasure, claims.KindDuration:
	case claims.KindCount:
		if !m.scaled {
			return 0
		}
	default:
		return 0
	}
	return min(m.prec, maxWrittenTolerance)
}
