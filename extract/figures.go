package extract

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// extract reads the document's mentions and turns them into claims.
func (c *docCtx) extract(all bool) []*claims.Claim {
	var ms []*mention
	year := c.yearHint
	if !c.anchor.IsZero() {
		year = 0
	}
	for i := 0; i < len(c.toks); i++ {
		if c.skip[i] {
			continue
		}
		t := c.toks[i]
		if t.kind != tNum && !c.info[i].quantity {
			continue
		}
		if t.kind == tNum && significantDigits(t.low) > maxDigits {
			// A float64 holds 15 significant digits exactly; a figure
			// with more would be compared wrongly, or printed as a
			// number the text does not give.
			span := c.doc.SpanOf(int(t.start), int(t.end))
			c.warnings = append(c.warnings, claims.Warning{Source: c.doc.Source, Line: span.Line, Col: span.Col,
				Msg: fmt.Sprintf("figure %s has more than %d significant digits, too many to hold exactly: left out", abbreviate(t.low), maxDigits)})
			continue
		}
		if dm, ok := c.x.vocab.parseDate(c.toks, i, c.anchor, year, c.storyDated); ok && !c.skipAny(dm.from, dm.to) {
			if dm.iso != "" {
				d := dm // only a kept date goes to the heap
				m := &mention{from: dm.from, to: dm.to, numFrom: dm.from, numTo: dm.to, noun: -1, ofTok: -1, kind: claims.KindDate, date: &d}
				if dm.isTime {
					m.kind = claims.KindTime
				}
				ms = append(ms, m)
			}
			i = dm.to - 1
			continue
		}
		if y, ok := isYear(t.low); ok && t.kind == tNum && c.yearContext(i) {
			lo := date(y, 1, 1)
			dm := &dateMention{from: i, to: i + 1, iso: t.low, lo: lo, hi: date(y, 12, 31), known: true, yearOnly: true}
			ms = append(ms, &mention{from: i, to: i + 1, numFrom: i, numTo: i + 1, noun: -1, ofTok: -1, kind: claims.KindDate, date: dm})
			continue
		}
		if pair, ok := c.scoreline(i); ok {
			ms = append(ms, pair[0], pair[1])
			i = pair[1].to - 1
			continue
		}
		if m, ok := c.quantity(i); ok {
			if c.skipAny(m.from, m.to) {
				i = m.to - 1
				continue
			}
			c.markAge(m)
			ms = append(ms, m)
			i = m.to - 1
			if m.supersede {
				i = m.numTo - 1
			}
		}
	}
	ms = c.dropAnaphors(ms)
	// Drop a parenthesised conversion: "40 kilometers (25 miles)".
	kept := ms[:0]
	for k, m := range ms {
		if k > 0 && m.from > 0 && c.word(m.from-1) == "(" && ms[k-1].to == m.from-1 && ms[k-1].kind == m.kind && (m.kind == claims.KindMeasure || m.kind == claims.KindMoney) {
			continue
		}
		kept = append(kept, m)
	}
	ms = c.remainders(kept)
	c.partitives(ms)
	c.inMention = grow(c.scratch.inMention, len(c.toks))
	for _, m := range ms {
		mk := markFigure
		if m.kind == claims.KindDate || m.kind == claims.KindTime || m.compound {
			mk = markDate // no figure a trigger must pass over: "an eight-building complex"
		}
		for k := m.numFrom; k < m.numTo; k++ {
			c.inMention[k] = mk
		}
	}
	c.distributeQualifiers(ms)
	for k, m := range ms {
		if k == 0 || m.whole != nil || c.sentOf[ms[k-1].from] != c.sentOf[m.from] {
			continue
		}
		prev := ms[k-1]
		if p := k - 1; p > 0 && (prev.kind == claims.KindDate || prev.kind == claims.KindTime) && ms[p-1].kind == m.kind && c.sentOf[ms[p-1].from] == c.sentOf[m.from] {
			prev = ms[p-1] // "launched over 300 missiles yesterday, including 100 ballistic missiles"
		}
		if prev.kind != m.kind {
			continue
		}
		switch {
		case c.partBefore(m.from, prev.to):
			m.partOf = prev
		case prev.partOf != nil && c.coordinated(prev.to, m.from):
			m.partOf = prev.partOf // "including 170 drones and 30 cruise missiles"
		}
	}
	slots := make([]*slotDef, len(ms))
	for k, m := range ms {
		if m.slot != "" {
			slots[k] = c.x.lex.slotDefs[m.slot]
			continue
		}
		if m.whole != nil {
			// The rest of a total counts what the total counts.
			slots[k] = slots[slices.Index(ms, m.whole)]
			continue
		}
		slots[k] = c.slotFor(m)
	}
	// Coordinated figures share a slot: "killed three soldiers and two
	// civilians"; so does a part and its total: "ten people were killed,
	// including two children".
	for pass := 0; pass < 2; pass++ {
		for k, m := range ms {
			if slots[k] != nil {
				continue
			}
			if m.partOf != nil && slots[k-1] != nil && c.kindFits(m, slots[k-1]) {
				slots[k] = slots[k-1]
				continue
			}
			if m.class == "" && k > 0 && slots[k-1] != nil && c.listItem(ms[k-1], m) {
				// "Three people died in X, seven in Y, and one in Z"
				m.class, m.category = ms[k-1].class, ms[k-1].category
				slots[k] = slots[k-1]
				continue
			}
			if m.class == "" {
				continue
			}
			for _, o := range []int{k - 1, k + 1} {
				if o < 0 || o >= len(ms) || slots[o] == nil || ms[o].class != m.class || c.sentOf[ms[o].from] != c.sentOf[m.from] {
					continue
				}
				a, b := ms[min(k, o)], ms[max(k, o)]
				if c.coordinated(a.to, b.from) {
					slots[k] = slots[o]
					break
				}
			}
		}
	}
	// Every figure that counts something is a claim: one no slot of the
	// lexicon claims gets the open slot, named by what it counts.
	for k, m := range ms {
		if slots[k] == nil && c.openCount(m) {
			slots[k] = openSlot
		}
	}
	var out []*claims.Claim
	stances := c.stanceClaims()
	var wholes map[*mention]string // subjects of totals with a remainder
	for k, m := range ms {
		for len(stances) > 0 && stances[0].Offset < int(c.toks[m.from].start) {
			out = append(out, stances[0])
			stances = stances[1:]
		}
		s := slots[k]
		if s == nil && !all {
			continue
		}
		cl := c.claim(m, s)
		if cl.Slot == "" && !all {
			continue
		}
		cl = keep(cl)
		c.locate(cl, m)
		if cl.Slot != "" && m.kind.Running() {
			cl.AsOf = c.asOfFor(k, ms)
		}
		cl.Frame = c.frame(m, cl)
		cl.Frame.Generic = s != nil && s.byKind() && cl.Kind != claims.KindDate && cl.Kind != claims.KindTime &&
			cl.Frame.Counts == "" && cl.Frame.Owner == "" && cl.Frame.Event == "" && cl.Frame.Place == "" && cl.Frame.PartOf == "" && cl.Frame.Per == ""
		if s == openSlot {
			cl.Subject = cl.Frame.Counts
		}
		if k+1 < len(ms) && ms[k+1].whole == m || k+2 < len(ms) && ms[k+2].whole == m {
			if wholes == nil {
				wholes = map[*mention]string{}
			}
			wholes[m] = cl.Subject
		}
		if m.whole != nil {
			// A remainder its clause does not tell apart from its total
			// ("ten were killed, including two children; the rest were
			// adults") cannot be compared with anything: it is not a claim.
			if subj, ok := wholes[m.whole]; !ok || subj == cl.Subject {
				continue
			}
		}
		out = append(out, detach(cl))
	}
	return append(out, stances...)
}

// openSlot is the slot of a count the lexicon has no slot for: its
// subject is what it counts ("40 employees", "31 million registered
// voters"), and the comparability gate decides what it is compared with.
var openSlot = &slotDef{name: openSlotName, kind: claims.KindCount, weak: true}

// openCount reports whether m is a count of something named that no slot
// claimed: a figure with its own noun, not a modifier ("an eight-building
// complex"), an ordinal or an age. A vague quantity is one from a dozen
// up ("dozens of people", "hundreds of thousands of marchers"); "several
// victims" and "a few cars" say no number.
func (c *docCtx) openCount(m *mention) bool {
	return m.kind == claims.KindCount && m.noun >= 0 && !m.compound && !m.ordinal && !m.age && !m.ofGroup && m.whole == nil &&
		(!m.val.Vague || m.val.Lo >= minVagueCount)
}

// minVagueCount is the least lower end of a vague quantity that counts
// as a figure of the open slot: "dozens" (24) does, "several" (3) does
// not.
const minVagueCount = 12

// mark says what kind of mention a token belongs to.
type mark uint8

const (
	markNone   mark = iota
	markFigure      // a quantity
	markDate        // a date or a time of day
)

// detach gives cl its own copies of the strings that may be read out of
// the document's text (the evidence, names in the subject and the
// attribution, a noun as unit, a year as date), so that a claim kept
// does not keep its whole article in memory. The sentence is a copy
// already (foldSpace); the rest comes from the lexicon.
func detach(cl *claims.Claim) *claims.Claim {
	fields := [...]*string{&cl.Text, &cl.Subject, &cl.Attribution, &cl.Unit, &cl.Value.Date}
	n := 0
	for _, f := range fields {
		n += len(*f)
	}
	// One allocation for all of them.
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	all := b.String()
	for _, f := range fields {
		*f, all = all[:len(*f)], all[len(*f):]
	}
	return cl
}

func (c *docCtx) skipAny(from, to int) bool {
	for k := from; k < to && k < len(c.skip); k++ {
		if c.skip[k] {
			return true
		}
	}
	return false
}

// coordinated reports whether only "and", "or", "," or "while" stand
// between tokens from and to.
func (c *docCtx) coordinated(from, to int) bool {
	if to-from > 2 {
		return false
	}
	for k := from; k < to; k++ {
		if c.toks[k].low != "," && !c.is(k, wcCoordinator) {
			return false
		}
	}
	return true
}

// yearContext reports whether a bare four-digit number at i is a year:
// "in 2012", "the 2016 election", "since 2015".
func (c *docCtx) yearContext(i int) bool {
	t := c.toks[i]
	if strings.ContainsAny(t.low, ",.:") {
		return false
	}
	nx := c.word(i + 1)
	if _, isNoun := c.x.lex.nouns[nx]; isNoun {
		return false
	}
	if _, isUnit := unitWords[nx]; isUnit {
		return false
	}
	prev := c.word(i - 1)
	switch {
	case c.in(prev, wcBeforeYear):
		return true
	case prev == ")" || prev == "c":
		return false
	}
	if _, isAct := c.x.lex.activities[nx]; isAct {
		return true
	}
	return false
}

// markAge recognises ages: "64-year-old" (set by the parser), "Stephen
// Paddock, 64,", "aged 64", "64 years old".
func (c *docCtx) markAge(m *mention) {
	if m.age || m.kind != claims.KindCount || m.noun >= 0 || m.val.Vague || m.qual != "" || m.numTo-m.numFrom != 1 {
		if m.age {
			m.unit = unitYears
		}
		return
	}
	v := m.val.Lo
	if v < 1 || v > 120 || v != float64(int(v)) {
		return
	}
	prev, next := c.word(m.from-1), c.word(m.to)
	switch {
	case c.is(m.from-1, wcAgeWord) && c.word(m.from-2) != wThe:
		m.age = true
	case c.phraseOf(m.to, wcAgeAfter) > m.to:
		m.age = true
		m.to = c.phraseOf(m.to, wcAgeAfter)
	case prev == "," && m.from >= 2 && c.toks[m.from-2].cap && c.toks[m.from-2].kind == tWord &&
		(next == "," || next == "." || next == ";" || next == ")" || next == ""):
		m.age = true
	}
	if m.age {
		m.unit = unitYears
	}
}

// distributeQualifiers carries a bound over a headline list: in "More than
// 50 dead, 200 injured" both figures are lower bounds.
func (c *docCtx) distributeQualifiers(ms []*mention) {
	for k := 1; k < len(ms); k++ {
		p, m := ms[k-1], ms[k]
		if m.qual != "" || m.kind != claims.KindCount || p.kind != claims.KindCount || p.qual == "" ||
			!math.IsInf(p.val.Hi, 1) || math.IsInf(p.val.Lo, 0) || m.val.Vague || c.sentOf[p.from] != c.sentOf[m.from] {
			continue
		}
		comma := false
		ok := m.from-p.to <= 3
		for q := p.to; q < m.from && ok; q++ {
			w := c.toks[q].low
			switch {
			case w == ",":
				comma = true
			case c.x.triggerWord[w]:
			default:
				ok = false
			}
		}
		if ok && comma {
			m.val.Hi, m.val.HiOpen, m.val.LoOpen, m.val.Tol = math.Inf(1), false, p.val.LoOpen, 0
			m.qual = p.qual
		}
	}
}

// comparisonSpan reports whether duration m is the span of a record:
// "in (more than) 50 years", "in the past 12 years", "in decades".
func (c *docCtx) comparisonSpan(m *mention) bool {
	if w := c.word(m.from - 1); (w == wFirst || w == wNext) && c.word(m.from-2) == wThe {
		return true // "the first two hours that I was here": a stretch of time, not how long anything lasted
	}
	if m.val.Lo < 365*86400 {
		return false // "in two hours" is a time to do something
	}
	k := m.from - 1
	if c.is(k, wcRecent) {
		k--
		if c.word(k) == wThe {
			k--
		}
	}
	return c.word(k) == wIn || c.word(k) == wThan && c.word(k-1) == wMore
}

// scoreline reads a vote's tally at toks[i]: "approved 128-9", "by a vote
// of 128 to nine", "passed 52 to 47". The first figure is the votes for,
// unless the sentence says the measure was rejected or defeated.
func (c *docCtx) scoreline(i int) ([2]*mention, bool) {
	var none [2]*mention
	t := c.toks[i]
	if t.kind != tNum && !isNumberWord(t.low) {
		return none, false
	}
	a, ok := parseNumber(c.text, c.toks, i)
	if !ok || a.ordinal || a.vague != nil {
		return none, false
	}
	sep := a.to
	if sep+1 >= len(c.toks) {
		return none, false
	}
	switch w := c.toks[sep].low; {
	case (w == "-" || w == "–" || w == "—") && !c.toks[sep].space && !c.toks[sep+1].space:
	case w == wTo:
	default:
		return none, false
	}
	b, ok := parseNum(c.text, c.toks, sep+1, false)
	if !ok || b.ordinal || b.vague != nil || b.v > a.v && c.toks[sep].low == wTo {
		return none, false // "between 20 to 25": a range
	}
	s := c.sents[c.sentOf[i]]
	vote, losing := false, false
	for k := s.from; k < s.to; k++ {
		vote = vote || c.is(k, wcVote)
		losing = losing || c.is(k, wcLosing) && k < i
	}
	if !vote {
		return none, false
	}
	first, second := "vote_in_favour", "vote_against"
	if losing {
		first, second = second, first
	}
	mk := func(n parsedNum, slot string) *mention {
		return &mention{from: n.from, to: n.to, numFrom: n.from, numTo: n.to, noun: -1, ofTok: -1,
			kind: claims.KindCount, val: claims.Exact(n.v), slot: slot}
	}
	return [2]*mention{mk(a, first), mk(b, second)}, true
}

// listItem reports whether the bare figure m is the next item of a list
// by place that prev opened: "Three people died in X, seven in Y".
func (c *docCtx) listItem(prev, m *mention) bool {
	if prev.class == "" || prev.kind != m.kind || c.sentOf[prev.from] != c.sentOf[m.from] || m.noun >= 0 {
		return false
	}
	if w := c.word(m.from - 1); w != "," && w != wAnd {
		return false
	}
	if w := c.word(m.to); (w != wIn && w != wFrom) || m.to+1 >= len(c.toks) {
		return false
	}
	return c.properPlace(m.to + 1)
}

// increment reports whether figure m is counted on top of another:
// "another 79", "an additional four", "a further 12", "the remaining
// three", "four additional victims".
func (c *docCtx) increment(m *mention) bool {
	return c.is(m.from-1, wcIncrementBefore) || c.is(m.numTo, wcIncrementAfter) // "one other officer", "four other people"
}

// tollSlots count the people an event killed, hurt or left missing.
var tollSlots = map[string]bool{"death_toll": true, "injured_count": true, "missing_count": true}
