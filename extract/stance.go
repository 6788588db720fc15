package extract

import (
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// aName is a party's name: its tokens [from, to).
type aName struct{ from, to int }

// stanceClaims reads who did what in a vote: "China abstained", "Bolivia
// joined Russia in voting no", "China, which …, abstained from the vote,
// along with Ethiopia and Kazakhstan". Each party is one text claim.
func (c *docCtx) stanceClaims() []*claims.Claim {
	lex := c.x.lex
	if len(lex.stances) == 0 {
		return nil
	}
	var out []*claims.Claim
	for k := 0; k < len(c.toks); k++ {
		if c.skip[k] || c.toks[k].kind != tWord {
			continue
		}
		for _, p := range c.info[k].stances {
			end, ok := c.matchPhrase(k, p.words)
			if !ok {
				continue
			}
			// "has vetoed six resolutions" is a record, not this vote.
			if prev := c.word(k - 1); prev == wHas || prev == wHave || prev == wHad || c.in(prev, wcModal) {
				continue
			}
			if end < len(c.toks) && (c.toks[end].kind == tNum || isNumberWord(c.toks[end].low)) {
				continue
			}
			var names []aName
			names = append(names, c.partiesBefore(k)...)
			names = append(names, c.partiesAlong(end)...)
			for _, n := range names {
				out = append(out, c.stanceClaim(n, p.slot, p.value))
			}
			k = end - 1
			break
		}
	}
	return out
}

func (c *docCtx) stanceClaim(n aName, slot, value string) *claims.Claim {
	start, end := int(c.toks[n.from].start), int(c.toks[n.to-1].end)
	v := claims.Unbounded()
	v.Text = value
	return detach(&claims.Claim{
		Source:    c.doc.Source,
		Story:     c.doc.Story,
		Kind:      claims.KindText,
		Slot:      slot,
		Subject:   c.x.vocab.normaliseName(c.text[start:end]),
		Value:     v,
		Text:      c.text[start:end],
		Span:      c.doc.SpanOf(start, end),
		Sentence:  c.sentenceText(int(c.sentOf[n.from])),
		Published: c.doc.Published,
		Offset:    start,
	})
}

// normaliseName folds the spellings of one party: "the U.S." and "US"
// (the lexicon's synonyms).
func (v *vocabulary) normaliseName(s string) string {
	s = properName(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, ".", "")
	if canon, ok := v.synonyms[strings.ToLower(s)]; ok {
		return canon
	}
	return s
}

// partiesBefore reads the names that are the subject of a stance phrase
// at k: "China abstained", "Russia again cast a veto", "China, which has
// vetoed six resolutions …, abstained", "Bolivia joined Russia in voting no".
func (c *docCtx) partiesBefore(k int) []aName {
	s := c.sents[c.sentOf[k]]
	e := k
	for e > s.from && c.is(e-1, wcStanceAdverb) {
		e--
	}
	// "X joined Y in voting no"
	if c.word(e-1) == wIn {
		ys, b := c.nameList(e-1, s.from)
		if len(ys) > 0 && c.is(b-1, wcJoinVerb) {
			xs, _ := c.nameList(b-1, s.from)
			return append(xs, ys...)
		}
		return nil
	}
	// "China, which …, abstained": skip the relative clause.
	if c.word(e-1) == "," {
		for q := e - 2; q > s.from && e-q < 30; q-- {
			if (c.toks[q].low == wWhich || c.toks[q].low == wWho) && c.word(q-1) == "," {
				e = q - 1
				break
			}
			if c.toks[q].low == "," && q < e-1 {
				break
			}
		}
	}
	names, _ := c.nameList(e, s.from)
	return names
}

// partiesAlong reads ", along with Ethiopia and Kazakhstan" after a stance
// phrase ending at end.
func (c *docCtx) partiesAlong(end int) []aName {
	s := c.sents[c.sentOf[max(0, end-1)]]
	for q := end; q < s.to && q < end+8; q++ {
		w := c.toks[q].low
		if c.phraseOf(q, wcAlongWith) == q+2 {
			var out []aName
			k := q + 2
			for k < s.to {
				if c.word(k) == wThe {
					k++
				}
				n, ok := c.partyAt(k, s.to)
				if !ok {
					break
				}
				out = append(out, n)
				k = n.to
				if c.word(k) == "," || c.word(k) == wAnd {
					k++
					if c.word(k) == wAnd {
						k++
					}
					continue
				}
				break
			}
			return out
		}
		if w == "." || w == ";" {
			break
		}
	}
	return nil
}

// nameList reads a list of names ending just before token e: "China",
// "the US, the UK and France". It returns the names and where the list
// starts.
func (c *docCtx) nameList(e, from int) ([]aName, int) {
	var out []aName
	k := e
	for k > from {
		n, ok := c.nameEnding(k, from)
		if !ok {
			break
		}
		out = append([]aName{n}, out...)
		k = n.from
		if c.word(k-1) == wThe {
			k--
		}
		if c.word(k-1) == wAnd || c.word(k-1) == "," {
			k--
			if c.word(k-1) == "," {
				k--
			}
			continue
		}
		break
	}
	if len(out) == 0 {
		return nil, e
	}
	return out, k
}

// nameEnding reads one name of one to four capitalised words ending just
// before token e.
func (c *docCtx) nameEnding(e, from int) (aName, bool) {
	b := e
	for b > from && e-b < 4 && c.isNameWord(b-1) {
		b--
	}
	for b < e && c.is(b, wcNotName) {
		b++
	}
	if b == e {
		return aName{}, false
	}
	return aName{b, e}, true
}

// partyAt reads one name starting at token k.
func (c *docCtx) partyAt(k, end int) (aName, bool) {
	e := k
	for e < end && e-k < 4 && c.isNameWord(e) && !c.is(e, wcNotName) {
		e++
	}
	if e == k {
		return aName{}, false
	}
	return aName{k, e}, true
}

func (c *docCtx) isNameWord(k int) bool {
	t := c.toks[k]
	if t.kind == tWord && t.cap {
		if _, isDay := c.x.vocab.weekdays[t.low]; isDay || c.x.vocab.isMonth(t.low) {
			return false
		}
		return true
	}
	// "U.S.": the dots inside an abbreviation
	return t.low == "." && !t.space && k > 0 && c.toks[k-1].cap && len(c.toks[k-1].low) == 1
}
