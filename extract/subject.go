package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

func (c *docCtx) countEvents() {
	c.eventCount = map[string]int{}
	for i, t := range c.toks {
		if t.kind != tWord || c.skip[i] {
			continue
		}
		if ev, ok := c.eventAt(i); ok && !c.x.lex.generic[ev] {
			w := 1
			if c.sentOf[i] < 3 {
				w = 2
			}
			c.eventCount[ev] += w
		}
	}
	c.mainEvent = topEvent(c.eventCount)
}

func topEvent(counts map[string]int) string {
	best, bestN := "", 0
	for ev, n := range counts {
		if n > bestN || n == bestN && ev < best {
			best, bestN = ev, n
		}
	}
	return best
}

// subject composes the subject of m in slot s from the parts s lists.
func (c *docCtx) subject(m *mention, s *slotDef) string {
	var parts []string
	var past string
	add := func(part string) {
		if part != "" {
			parts = append(parts, part)
		}
	}
	for _, p := range s.subject {
		switch p {
		case partEvent:
			if ev := c.event(m); ev != "" {
				if m.kind == claims.KindCount {
					if r := c.region(m); r != "" {
						ev += " in " + r
					}
				}
				parts = append(parts, ev)
			}
		case partCategory:
			cat := c.category(m, s)
			if cat != "" {
				m.category = cat
				if len(parts) > 0 {
					parts[len(parts)-1] += ":"
				}
				parts = append(parts, cat)
			}
		case partPast:
			past = c.pastYear(m)
		case partActor:
			add(c.actor(m))
		case partPerson:
			add(c.person(m))
		case partActivity:
			add(c.activity(m))
		case partContext:
			add(c.context(m))
		case partFallback:
			if len(parts) == 0 {
				add(c.context(m))
			}
		case partLocation, partPlace:
			add(c.place(m, p == partPlace))
		}
	}
	if m.date != nil && m.date.known && past == "" {
		cur := c.yearHint
		if !c.anchor.IsZero() {
			cur = c.anchor.Year()
		}
		if y := m.date.lo.Year(); cur == 0 && m.date.yearOnly || cur != 0 && y < cur {
			past = strconv.Itoa(y)
		} else if ref := c.latestDate(); !m.date.relative && len(m.date.iso) == 10 && !ref.IsZero() && m.date.lo.Before(ref.AddDate(0, 0, -pastDays)) {
			// "On January 14, two constables were killed" in a report of
			// January 31: an earlier event's day.
			past = m.date.iso
		}
	}
	if past != "" {
		parts = append(parts, "("+past+")")
	}
	if m.kind != claims.KindDate && m.kind != claims.KindTime && (m.supersede || c.superseded(m)) {
		// A figure the text itself calls earlier is not the current one.
		parts = append(parts, "(earlier report)")
	}
	return strings.Join(parts, " ")
}

// category is the victim category of a count: from its noun ("soldiers"),
// from a phrase of the slot in the clause ("missing, presumed dead"), or
// "included" for a part of a larger figure ("including one person").
func (c *docCtx) category(m *mention, s *slotDef) string {
	if c.in(m.category, wcCivilian) {
		c.askedBreakdown = true
	}
	if c.in(m.category, wcCivilian) && !c.breakdown {
		return ""
	}
	lo, hi := c.window(m)
	switch m.kind {
	case claims.KindCount:
		hi += 3 // a count's category may follow a comma: "58 missing, presumed dead"
	case claims.KindMeasure:
		// A measure's category stands before it or is its own noun: "a
		// 5.6-magnitude jolt", not "the 7.1-magnitude quake was followed
		// by aftershocks".
		hi = min(hi, m.to+1)
	}
	if cat, ok := c.clauseCategory(s, lo, hi); ok {
		if m.category != "" && m.category != cat {
			return m.category + " " + cat // "drones intercepted"
		}
		return cat
	}
	if m.category != "" {
		return m.category
	}
	if t := m.partOf; t != nil {
		if t.val.IsPoint() && !t.val.Approx && !t.val.Vague {
			// "16 bodies, including one person who died in hospital": a
			// part compares only with parts of the same total.
			return "part of " + strconv.FormatFloat(t.val.Lo, 'f', -1, 64)
		}
		return labelIncluded
	}
	if (m.class == personClass || m.class == "") && (c.is(m.from-1, wcInclude) || c.is(m.from-2, wcInclude) && c.is(m.from-1, wcOfDeterminer)) {
		return labelIncluded
	}
	return ""
}

// event names the incident a toll or date belongs to: the nearest event
// word in the sentence; a generic one ("the attack") takes a specific event
// from the sentence, the previous sentence of the paragraph, or the story.
func (c *docCtx) event(m *mention) string {
	lex := c.x.lex
	si := int(c.sentOf[m.from])
	s := c.sents[si]
	// A specific event in the figure's own clause wins: in "a chemical
	// attack that killed 78 people and a US strike", the toll is the
	// attack's.
	if lo, hi := c.window(m); true {
		best, bestD := "", 1<<30
		for k := max(s.from, lo-3); k < hi; k++ {
			if k >= m.from && k < m.to {
				continue
			}
			ev, ok := c.eventAt(k)
			if !ok || lex.generic[ev] {
				continue
			}
			d := m.dist(k)
			if d < bestD {
				best, bestD = ev, d
			}
		}
		if best != "" {
			return best
		}
	}
	best, bestD, generic := "", 1<<30, false
	specific, specD := "", 1<<30
	for k := s.from; k < s.to; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		ev, ok := c.eventAt(k)
		if !ok {
			if m.kind == claims.KindDate || m.kind == claims.KindTime {
				ev = c.info[k].activity
				ok = ev != ""
			}
			if !ok {
				continue
			}
		}
		d := m.dist(k)
		if ev == activityStatement {
			d += 12 // who said it is a weaker anchor than what happened
		}
		if d < bestD {
			best, bestD, generic = ev, d, lex.generic[ev]
		}
		if !lex.generic[ev] && d < specD {
			specific, specD = ev, d
		}
	}
	if best != "" && !generic {
		return best
	}
	if specific != "" {
		return specific
	}
	if best == "" && m.kind != claims.KindDate && m.kind != claims.KindTime {
		// no event word: the previous sentence of the paragraph, else the story
		if si > 0 && c.sents[si-1].para == s.para {
			p := c.sents[si-1]
			for k := p.to - 1; k >= p.from; k-- {
				if ev, ok := c.eventAt(k); ok && !lex.generic[ev] {
					return ev
				}
			}
		}
	} else if best == "" {
		return ""
	}
	if c.mainEvent != "" {
		return c.mainEvent
	}
	c.askedEvent = true
	if c.storyEvent != "" {
		return c.storyEvent
	}
	return best
}

// actor names who a count belongs to: "Russia's eighth veto", "China,
// which has vetoed six resolutions", "Russia vetoed".
func (c *docCtx) actor(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	for k := m.from - 1; k >= s.from && m.from-k <= 8; k-- {
		t := c.toks[k]
		if t.kind == tWord && t.cap && possessive(t.low) {
			return properName(c.text[t.start:t.end])
		}
		if (t.low == wWhich || t.low == wWho) && c.word(k-1) == "," && k >= 2 && c.toks[k-2].cap {
			return properName(c.text[c.toks[k-2].start:c.toks[k-2].end])
		}
		if t.low == "." || t.low == ";" {
			break
		}
	}
	// The subject of the clause: the nearest capitalised word before the
	// figure that is not the first word of the sentence.
	for k := m.from - 1; k > s.from && m.from-k <= 6; k-- {
		t := c.toks[k]
		if c.clauseBreakAt(k) {
			break
		}
		if t.kind == tWord && t.cap && !c.x.triggerWord[t.low] {
			return properName(c.text[t.start:t.end])
		}
	}
	return ""
}

// properName strips a possessive ending, keeping the case.
func properName(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// person names whose age a figure is: the surname next to it.
func (c *docCtx) person(m *mention) string {
	// "64-year-old Stephen Paddock", "a 64-year-old gunman"
	k := m.to
	if k < len(c.toks) && c.toks[k].kind == tWord {
		if c.toks[k].cap {
			for k+1 < len(c.toks) && c.toks[k+1].cap && c.toks[k+1].kind == tWord && !c.toks[k+1].space == false && c.toks[k+1].nl == 0 {
				k++
			}
			return properName(c.text[c.toks[k].start:c.toks[k].end])
		}
		if !c.is(k, wcNounStop) {
			w := c.toks[k].low
			if role, ok := c.x.vocab.roles[w]; ok {
				if name := c.roles[role]; name != "" {
					return name
				}
				c.askedRoles = true
				if name := c.storyRoles[role]; name != "" {
					return name
				}
			}
			return w
		}
	}
	// "Stephen Paddock, 64", "Stephen Paddock, age 64"
	k = m.from - 1
	for k >= 0 && (c.toks[k].low == "," || c.is(k, wcAgeWord)) {
		k--
	}
	if k >= 0 && c.toks[k].cap && c.toks[k].kind == tWord {
		return properName(c.text[c.toks[k].start:c.toks[k].end])
	}
	return ""
}

// activity names what a duration, amount or share is of: the nearest
// event or activity word in the clause, else the noun after "of".
func (c *docCtx) activity(m *mention) string {
	lex := c.x.lex
	if m.kind == claims.KindDuration {
		if a := c.durationOf(m); a != "" {
			return a
		}
	}
	lo, hi := c.window(m)
	s := c.sents[c.sentOf[m.from]]
	lo = max(s.from, lo-3)
	best, bestD := "", 1<<30
	for k := lo; k < hi; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		name, ok := c.info[k].activity, c.info[k].activity != ""
		if !ok {
			name = c.info[k].event
			ok = name != "" && !lex.generic[name]
		}
		if !ok {
			continue
		}
		d := m.dist(k)
		if d < bestD {
			best, bestD = name, d
		}
	}
	if best != "" {
		return best
	}
	if m.ofTok >= 0 {
		return c.toks[m.ofTok].low
	}
	// Nothing named: the nearest content word before the figure keeps it
	// apart from unrelated figures of the same slot.
	for k := m.from - 1; k >= s.from && m.from-k <= 6; k-- {
		t := c.toks[k]
		if t.kind == tWord && len(t.low) > 3 && !c.is(k, wcNounStop) && !c.x.triggerWord[t.low] {
			if _, q, ok := qualifierBefore(c.toks, k+1); ok && q <= k {
				continue
			}
			return t.low
		}
	}
	return ""
}

// place names where a distance or a count of bodies is measured from or
// kept: "40 kilometres from the city of Homs", "bodies recovered from the
// building", "taken to a morgue".
func (c *docCtx) place(m *mention, proper bool) string {
	s := c.sents[c.sentOf[m.from]]
	for k := m.to; k < s.to && k-m.to < 10; k++ {
		w := c.toks[k].low
		if w != wFrom && w != wOf && w != wTo && w != wIn {
			continue
		}
		if w == wTo && c.phraseOf(k-1, wcComplexPreposition) == k+1 {
			break // "…, according to Interfax": who said it, not where
		}
		q := k + 1
		for q < s.to && (c.is(q, wcOfDeterminer) || c.word(q) == wA || c.is(q, wcSettlement)) {
			q++
		}
		if q >= s.to || c.toks[q].kind != tWord {
			continue
		}
		if proper {
			if !c.toks[q].cap {
				if w := c.toks[q].low; len(w) > 3 && !c.is(q, wcNounStop) {
					return w // "from the capital"
				}
				continue
			}
			e := q
			for e+1 < s.to && c.toks[e+1].cap && c.toks[e+1].kind == tWord {
				e++
			}
			return c.text[c.toks[q].start:c.toks[e].end]
		}
		return c.x.vocab.canonical(c.toks[q].low)
	}
	return ""
}

// eventAt returns the event the word at toks[k] names, if any. "Fire" in
// "opened fire" or "rapid-fire" is gunfire, not a blaze.
func (c *docCtx) eventAt(k int) (string, bool) {
	ev := c.info[k].event
	if ev == "" {
		return "", false
	}
	if ex, ok := c.x.vocab.eventExceptions[c.toks[k].low]; ok && (slices.Contains(ex.Before, c.word(k-1)) || slices.Contains(ex.After, c.word(k+1))) {
		return "", false
	}
	if c.is(k+1, wcInstitution) {
		return "", false // "fire officials", "the fire department said"
	}
	return ev, true
}

func (c *docCtx) isEvent(k int) bool {
	_, ok := c.eventAt(k)
	return ok
}

// context is the nearest content word before a figure in its clause,
// used to keep apart counts of things that are parts of each other.
func (c *docCtx) context(m *mention) string {
	lo, _ := c.window(m)
	for k := m.from - 1; k >= lo && m.from-k <= 6; k-- {
		t := c.toks[k]
		if c.inMention[k] != markNone {
			break
		}
		if t.kind != tWord || t.cap || len(t.low) < 4 || c.is(k, wcNounStop) || c.x.triggerWord[t.low] {
			continue
		}
		if _, isNoun := c.x.lex.nouns[t.low]; isNoun && k > m.from-2 {
			continue
		}
		return t.low
	}
	return ""
}

// activityAt names the activity or specific event the word at k is, if any.
func (c *docCtx) activityAt(k int) string {
	lex := c.x.lex
	if name := c.info[k].activity; name != "" && name != activityStatement {
		return name
	}
	if ev, ok := c.eventAt(k); ok && !lex.generic[ev] {
		return ev
	}
	return ""
}

// durationOf names what a duration is the length of: "37 seconds of
// silence", "a two-hour meeting", "a fire raged ... for over an hour", "the
// strike lasted a couple of minutes".
func (c *docCtx) durationOf(m *mention) string {
	if m.ofTok >= 0 {
		if a := c.activityAt(m.ofTok); a != "" {
			return a
		}
		return c.toks[m.ofTok].low
	}
	s := c.sents[c.sentOf[m.from]]
	for k := m.to; k < s.to && k < m.to+2; k++ {
		if a := c.activityAt(k); a != "" {
			return a
		}
	}
	for k := m.from - 1; k >= s.from && m.from-k <= 12; k-- {
		if c.inMention[k] != markNone {
			break
		}
		if a := c.activityAt(k); a != "" {
			return a
		}
	}
	return ""
}

// countsCombatants reports whether one sentence of the document counts
// both civilians and combatants ("three soldiers and two civilians"): then
// the story's civilian tolls are a category of their own; otherwise
// "dozens of civilians" and "more than 80 people" are one toll.
func (c *docCtx) countsCombatants() bool {
	civ, mil := map[int32]bool{}, map[int32]bool{}
	for i, t := range c.toks {
		if t.kind != tWord {
			continue
		}
		ref := c.info[i].noun
		if ref == nil || ref.class != personClass {
			continue
		}
		// only nouns counted by a figure just before them
		if i == 0 || (c.toks[i-1].kind != tNum && !isNumberWord(c.toks[i-1].low) && !isVagueWord(c.toks[i-1].low)) && (i < 2 || c.toks[i-2].kind != tNum && !isNumberWord(c.toks[i-2].low)) {
			continue
		}
		switch {
		case c.in(ref.category, wcCivilian):
			civ[c.sentOf[i]] = true
		case c.in(ref.category, wcCombatant):
			mil[c.sentOf[i]] = true
		}
	}
	for s := range civ {
		if mil[s] {
			return true
		}
	}
	return false
}
