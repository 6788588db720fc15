package extract

import "strings"

// attribution names who the sentence says gave the figure m: "the Homs
// governor said five were killed", "…, Lombardo said", "according to the
// ministry".
func (c *docCtx) attribution(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	// Right before the figure: "organisers said more than a million".
	for k := m.from - 1; k >= s.from && m.from-k <= 3; k-- {
		if c.isSay(k) && c.toks[k].low != wAccording {
			return c.sayer(k, s)
		}
		if w := c.toks[k].low; w != wThat && w != wHad && w != wHave && w != wSome {
			break
		}
	}
	// After the figure: ", the officer said", "officials said".
	for k := m.to; k < s.to; k++ {
		w := c.toks[k].low
		if w == wAccording && c.word(k+1) == wTo {
			return c.speakerAfter(k+2, s.to)
		}
		if c.isSay(k) && w != wAccording && c.figureAfter(k) {
			break // "…, the police said about 110,000": the verb gives the next figure
		}
		if c.isSay(k) && w != wAccording {
			// the speaker stands between the last comma and the verb
			b := k
			for b > m.to && c.toks[b-1].low != "," && k-b < 8 {
				b--
			}
			if sp := c.speaker(b, k); sp != "" {
				return sp
			}
			// "…, said the governor"
			if c.word(k-1) == "," {
				return c.speakerAfter(k+1, s.to)
			}
		}
	}
	// Before the figure: "The Homs governor said five were killed".
	for k := m.from - 1; k >= s.from; k-- {
		w := c.toks[k].low
		if w == wAccording && c.word(k+1) == wTo {
			return c.speakerAfter(k+2, m.from)
		}
		if c.isSay(k) {
			return c.sayer(k, s)
		}
	}
	return ""
}

// sayer returns who the say verb at k, before a figure, has speak: the
// words back to the clause's comma ("The Homs governor said").
func (c *docCtx) sayer(k int, s sentence) string {
	e := k
	if c.word(e-1) == "," {
		e-- // "Talal Barazi, told AP"
	}
	b := e
	for b > s.from && c.toks[b-1].low != "," && e-b < 8 {
		b--
	}
	return c.speaker(b, e)
}

// figureAfter reports whether a figure follows the say verb at k closely:
// "the police said about 110,000 took part".
func (c *docCtx) figureAfter(k int) bool {
	for q := k + 1; q < len(c.toks) && q <= k+4; q++ {
		if c.inMention[q] == markFigure {
			return true
		}
		if c.toks[q].low == "," || c.toks[q].low == "." {
			return false
		}
	}
	return false
}

// isSay reports whether toks[k] is one of sayVerbs.
func (c *docCtx) isSay(k int) bool {
	wi := c.info[k]
	return wi.say && wi.word == c.toks[k].low
}

// speaker returns the words of toks[from:to] if they name a speaker: a
// name, or a noun such as "officials" or "the governor".
func (c *docCtx) speaker(from, to int) string {
	for from < to && (c.toks[from].low == wThe || c.is(from, wcSubordinator) || c.toks[from].low == wA || c.toks[from].low == wAn || c.toks[from].low == "\u201c" || c.toks[from].low == "\"") {
		from++
	}
	if from >= to || to-from > 8 {
		return ""
	}
	ok := false
	for k := from; k < to; k++ {
		t := c.toks[k]
		if t.kind == tNum || c.inMention[k] != markNone {
			return ""
		}
		if t.kind == tWord && (t.cap || c.is(k, wcSpeaker)) && !c.is(k, wcNotName) {
			ok = true
		}
		if c.is(k, wcNounStop) && t.low != wOf && t.low != wAt && t.low != wIn && t.low != wFor && t.low != wThe {
			return ""
		}
	}
	if !ok {
		return ""
	}
	return strings.Join(strings.Fields(c.text[c.toks[from].start:c.toks[to-1].end]), " ")
}

// speakerAfter reads a speaker starting at token k: "the ministry", "the
// Syrian Observatory for Human Rights".
func (c *docCtx) speakerAfter(k, end int) string {
	e := k
	for e < end && e-k < 7 {
		w := c.toks[e].low
		if c.toks[e].kind != tWord || (c.is(e, wcNounStop) && w != wThe && w != wOf && w != wFor) {
			break
		}
		e++
	}
	return c.speaker(k, e)
}
