package extract

import "strings"

// sayVerbs introduce who gave a figure.
var sayVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "reported": true, "reports": true, "claimed": true,
	"claims": true, "announced": true, "stated": true, "confirmed": true, "estimated": true,
	"tweeted": true, "added": true, "according": true,
}

// speakerWords are common nouns that can give a figure without a name.
var speakerWords = map[string]bool{
	"official": true, "officials": true, "police": true, "governor": true, "officer": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ministry": true, "agency": true,
	"monitor": true, "observatory": true, "witnesses": true, "witness": true, "authorities": true,
	"sheriff": true, "army": true, "military": true, "media": true, "government": true, "sources": true,
	"source": true, "hospital": true, "doctors": true, "medics": true, "rescuers": true, "pentagon": true,
	"department": true, "group": true, "mayor": true, "minister": true, "president": true,
	"organisers": true, "organizers": true, "activists": true, "campaigners": true, "experts": true,
	"analysts": true, "researchers": true, "residents": true, "relatives": true, "lawyers": true, "prosecutors": true,
}

// attribution names who the sentence says gave the figure m: "the Homs
// governor said five were killed", "…, Lombardo said", "according to the
// ministry".
func (c *docCtx) attribution(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	// Right before the figure: "organisers said more than a million".
	for k := m.from - 1; k >= s.from && m.from-k <= 3; k-- {
		if c.isSay(k) && c.toks[k].low != "according" {
			return c.sayer(k, s)
		}
		if w := c.toks[k].low; w != "that" && w != "had" && w != "have" && w != "some" {
			break
		}
	}
	// After the figure: ", the officer said", "officials said".
	for k := m.to; k < s.to; k++ {
		w := c.toks[k].low
		if w == "according" && c.word(k+1) == "to" {
			return c.speakerAfter(k+2, s.to)
		}
		if c.isSay(k) && w != "according" && c.figureAfter(k) {
			break // "…, the police said about 110,000": the verb gives the next figure
		}
		if c.isSay(k) && w != "according" {
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
		if w == "according" && c.word(k+1) == "to" {
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

// subordinators open a clause before its speaker: "While organisers said".
var subordinators = map[string]bool{"while": true, "whereas": true, "although": true, "though": true,
	"but": true, "and": true, "as": true, "when": true, "if": true, "since": true}

// isSay reports whether toks[k] is one of sayVerbs.
func (c *docCtx) isSay(k int) bool {
	wi := c.info[k]
	return wi.say && wi.word == c.toks[k].low
}

// speaker returns the words of toks[from:to] if they name a speaker: a
// name, or a noun such as "officials" or "the governor".
func (c *docCtx) speaker(from, to int) string {
	for from < to && (c.toks[from].low == "the" || subordinators[c.toks[from].low] || c.toks[from].low == "a" || c.toks[from].low == "an" || c.toks[from].low == "\u201c" || c.toks[from].low == "\"") {
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
		if t.kind == tWord && (t.cap || speakerWords[t.low]) && !notNames[t.low] {
			ok = true
		}
		if stopNoun[t.low] && t.low != "of" && t.low != "at" && t.low != "in" && t.low != "for" && t.low != "the" {
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
		if c.toks[e].kind != tWord || (stopNoun[w] && w != "the" && w != "of" && w != "for") {
			break
		}
		e++
	}
	return c.speaker(k, e)
}
