package extract

import (
	"strings"
	"unicode"

	"github.com/factcheck/factcheck/claims"
)

// The frame stage: what a figure is of. It reads the words around the
// figure that the slot and subject stages need not — what is counted or
// measured, whose figure it is, its role, the period of a rate — and fills
// in the claim's Frame, which the comparability gate compares part by part.
// Its words are the lexicon's (periods, bases, and the word classes of
// changes, references and forecasts); the mechanics are here.

// frame returns the frame of the figure m, whose claim cl has its kind,
// value, unit, slot and as_of set. The quantity stage has read its
// measure (dimension, unit as written, currency, a rate's period, gross
// or net); this stage adds what it is of.
func (c *docCtx) frame(m *mention, cl *claims.Claim) claims.Frame {
	f := m.frame()
	if m.kind == claims.KindDate || m.kind == claims.KindTime {
		f.Event = c.eventNear(m)
		return f
	}
	if f.Per == "" {
		f.Per = c.perBefore(m) // "an annual salary of €30m"
	}
	f.Counts = c.counts(m)
	f.Owner = c.owner(m)
	f.Role, f.PartOf = c.role(m)
	f.Event = c.eventNear(m)
	f.Place = c.region(m)
	if f.Place == "" && m.kind == claims.KindMeasure {
		f.Place = c.place(m, true)
	}
	f.Time = cl.AsOf
	return f
}

// perBefore returns the period of a rate an adjective before the figure
// gives: "an annual salary of €30m", "weekly wages of £290,000".
func (c *docCtx) perBefore(m *mention) string {
	if m.kind != claims.KindMoney {
		return ""
	}
	s := c.sents[c.sentOf[m.from]]
	for k := m.from - 1; k >= s.from && m.from-k <= 4; k-- {
		if c.skip[k] || c.clauseBreakAt(k) {
			break
		}
		for _, p := range qt.rates[c.toks[k].low] {
			if len(p.words) == 1 {
				return p.tag
			}
		}
	}
	return ""
}

// counts returns what m counts or measures, as a lemma with its
// informative modifiers: the head noun of a count and the words between
// it and the number ("31 million registered voters" → registered voter),
// the noun a share, an amount or a measure is of ("52% of the vote" →
// vote, "a 27% premium" → premium, "a fee of €105m" → fee).
func (c *docCtx) counts(m *mention) string {
	v := c.x.vocab
	if m.noun >= 0 && m.noun < len(c.toks) && m.kind == claims.KindCount {
		var words []string
		for k := m.numTo; k <= m.noun; k++ {
			w := c.toks[k].low
			if c.toks[k].kind != tWord || c.is(k, wcNounStop) || c.is(k, wcOfDeterminer) || isNumberWord(w) || c.is(k, wcNotCounted) || k < m.noun && c.toks[k].cap {
				continue
			}
			words = append(words, v.lemma(c.toks[k].low))
		}
		return strings.Join(words, " ")
	}
	if m.ofTok >= 0 {
		if head := c.nounPhraseAt(m.ofTok); head != "" {
			return head // "37 seconds of silence"
		}
	}
	k := m.to
	if c.word(k) == "-" {
		k++
	}
	// "52% of the vote", "$3bn of debt"
	if c.word(k) == wOf {
		if head := c.nounPhraseAt(k + 1); head != "" {
			return head
		}
	}
	// "a 27% premium", "a $26.2bn deal", "the €105m fee"
	if k < len(c.toks) && c.toks[k].kind == tWord && !c.nonNoun(k) && !c.toks[k].cap && !c.rateAt(k) {
		if head := c.nounPhraseAt(k); head != "" {
			return head
		}
	}
	// "a premium of 50%", "a fee of €105m", "turnout of 72%"
	q := m.from - 1
	linked := false
	for n := 0; n < 2 && c.is(q, wcQuantityLink); n++ {
		q, linked = q-1, true
	}
	if c.word(q) == wOf {
		q, linked = q-1, true
	}
	if linked && q >= 0 && c.toks[q].kind == tWord && !c.nonNoun(q) && !c.toks[q].cap {
		return v.lemma(c.toks[q].low)
	}
	return ""
}

// rateAt reports whether a rate's period starts at token k ("a week").
func (c *docCtx) rateAt(k int) bool {
	for _, p := range qt.rates[c.word(k)] {
		if _, ok := phraseAt(c.toks, k, p.words); ok {
			return true
		}
	}
	return false
}

// nounPhraseAt returns the lemma of the noun phrase that starts at token
// k, its determiners left out and its head last: "the popular vote" →
// popular vote, "registered voters" → registered voter.
func (c *docCtx) nounPhraseAt(k int) string {
	v := c.x.vocab
	for k < len(c.toks) && (c.is(k, wcDeterminer) || c.is(k, wcOfDeterminer)) {
		k++
	}
	var words []string
	for ; k < len(c.toks) && len(words) < 3; k++ {
		t := c.toks[k]
		if t.kind != tWord || c.nonNoun(k) || t.cap && len(words) > 0 {
			break
		}
		if t.cap && k > 0 && !c.startsSentence(k) {
			break // a name is whose, not what
		}
		words = append(words, v.lemma(t.low))
		if k+1 < len(c.toks) && c.toks[k+1].nl > 0 {
			break
		}
	}
	return strings.Join(words, " ")
}

// nonNoun reports whether token k cannot be part of what a figure counts:
// a function word, a verb the lexicon knows, an adverb, a number word.
func (c *docCtx) nonNoun(k int) bool {
	w := c.toks[k].low
	if _, known := c.x.lex.nouns[w]; known || c.info[k].activity != "" || c.info[k].event != "" {
		return false
	}
	return c.is(k, wcNounStop) || c.is(k, wcOfDeterminer) || c.is(k, wcNotCounted) || c.info[k].say || isNumberWord(w) ||
		c.is(k, wcUpdateVerb) || c.is(k, wcChange) || c.is(k, wcPreposition) ||
		len(w) > 4 && (strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
}

// startsSentence reports whether token k opens its sentence.
func (c *docCtx) startsSentence(k int) bool { return c.sents[c.sentOf[k]].from == k }

// owner returns whose figure m is: a name in the possessive before it
// ("Pogba's £290,000-a-week wage", "Russia's eighth veto"), else the name
// the clause opens with when a verb of its own stands between it and the
// figure ("Macron won 66.1%", "LinkedIn shares rose 47%").
func (c *docCtx) owner(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	for k := m.from - 1; k >= s.from && m.from-k <= 6; k-- {
		t := c.toks[k]
		if c.clauseBreakAt(k) && t.low != wAnd {
			break
		}
		if t.kind == tWord && t.cap && possessive(t.low) {
			return properName(c.text[t.start:t.end])
		}
	}
	// The agent of the figure's clause: a name a few words before it with
	// no preposition between ("Macron won 66.1%", "LinkedIn shares rose
	// 47%"), itself not the object of a preposition ("from Juventus").
	if m.kind != claims.KindPercent && m.kind != claims.KindCount {
		return ""
	}
	for k := m.from - 1; k >= s.from && m.from-k <= 5; k-- {
		t := c.toks[k]
		if t.kind != tWord || c.is(k, wcPreposition) || c.clauseBreakAt(k) {
			return ""
		}
		if !t.cap || c.is(k, wcNounStop) || c.is(k, wcDeterminer) || c.is(k, wcNotName) || isNumberWord(t.low) {
			continue
		}
		b := k
		for b > s.from && c.toks[b-1].cap && c.toks[b-1].kind == tWord {
			b--
		}
		if b > s.from && c.is(b-1, wcPreposition) {
			return ""
		}
		if c.x.vocab.isMonth(t.low) || c.info[k+1].say || c.isSay(k+1) || c.is(k+1, wcSpeaker) {
			return "" // "Police said …": who says it, not whose
		}
		if _, day := c.x.vocab.weekdays[t.low]; day {
			return ""
		}
		if _, isNoun := c.x.lex.nouns[c.toks[b].low]; isNoun || c.isEvent(b) {
			return ""
		}
		return properName(c.text[c.toks[b].start:c.toks[k].end])
	}
	return ""
}

// role returns the figure's role and, for a part, the total it belongs
// to.
func (c *docCtx) role(m *mention) (role, partOf string) {
	switch {
	case m.partOf != nil:
		return claims.RolePart, c.mentionText(m.partOf)
	case m.ofWhole != nil:
		return claims.RolePart, c.mentionText(m.ofWhole)
	case m.whole != nil:
		return claims.RolePart, c.mentionText(m.whole)
	case c.increment(m):
		return claims.RoleIncrement, ""
	}
	s := c.sents[c.sentOf[m.from]]
	lo := max(s.from, m.from-4)
	for k := m.from - 1; k >= lo; k-- {
		switch {
		case c.is(k, wcReference):
			return claims.RoleReference, ""
		case c.is(k, wcChange) && c.word(m.from-1) != wTo:
			return claims.RoleChange, "" // "rose 3%", "up 5 points", not "rose to 506"
		}
		if c.clauseBreakAt(k) {
			break
		}
	}
	if k := m.to; c.is(k, wcChange) && m.kind == claims.KindPercent {
		return claims.RoleChange, "" // "a 3% rise"
	}
	for k := s.from; k < m.from; k++ {
		if c.is(k, wcForecast) {
			return claims.RoleForecast, ""
		}
	}
	return "", ""
}

// eventNear returns the event or activity a word of the figure's own
// clause names, nearest first, or "": not the story's main event, which
// every figure of the story would share.
func (c *docCtx) eventNear(m *mention) string {
	lo, hi := c.window(m)
	s := c.sents[c.sentOf[m.from]]
	best, bestD := "", 1<<30
	for k := max(s.from, lo-3); k < hi; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		name, ok := c.eventAt(k)
		if !ok || c.x.lex.generic[name] {
			name, ok = c.info[k].activity, c.info[k].activity != "" && c.info[k].activity != activityStatement
		}
		if ok && m.dist(k) < bestD {
			best, bestD = name, m.dist(k)
		}
	}
	return best
}

// mentionText returns the text of mention m.
func (c *docCtx) mentionText(m *mention) string {
	return c.text[c.toks[m.from].start:c.toks[m.to-1].end]
}

// lemma returns the dictionary form of a lower-case noun: its canonical
// synonym, an irregular plural's singular (both from the lexicon), else
// the singular by the regular endings ("cities" → city, "voters" →
// voter); a word that is not plural stays as it is.
func (v *vocabulary) lemma(w string) string {
	w = strings.TrimFunc(base(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if canon, ok := v.synonyms[w]; ok {
		return canon
	}
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	}
	return w
}
