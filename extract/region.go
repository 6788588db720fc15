package extract

import "strings"

// Regional tolls. A disaster that strikes two countries is reported both
// as one toll and country by country: "The death toll climbed to 6,300",
// "In Turkey, the death toll had climbed to 4,544", "the death toll in
// government-held areas of Syria has climbed to 1,250". The national
// figures are parts of the whole, not rival counts of it. When the
// articles of a story name tolls for two or more regions, a toll tied to
// a region gets the region in its subject ("earthquake in Turkey"). A
// story that names one place only ("the death toll in Las Vegas rose to
// 59") keeps one subject, so that its sources still compare.

// openingRegion returns the place a sentence opens with ("In Turkey, …",
// "In Turkey alone, …"), or "".
func (c *docCtx) openingRegion(si int) string {
	s := c.sents[si]
	k := s.from
	if k+2 >= s.to || c.toks[k].low != wIn || !c.toks[k+1].cap || c.toks[k+1].kind != tWord || !c.x.vocab.isPlaceName(c.toks[k+1].low) {
		return ""
	}
	name, e := c.capRun(k+1, s.to)
	if c.is(e, wcAlone) {
		e++
	}
	if c.word(e) != "," {
		return ""
	}
	return name
}

// capRun returns the run of capitalised words from k (before end) and the
// token after it.
func (c *docCtx) capRun(k, end int) (string, int) {
	e := k
	for e+1 < end {
		t := c.toks[e+1]
		switch {
		case t.cap && t.kind == tWord && t.space:
			e++
		case t.low == "." && !t.space && e+2 < end && !c.toks[e+2].space && c.toks[e+2].cap && len(c.toks[e+2].low) == 1:
			e += 2 // "U.S.", "U.K."
		case t.low == "." && !t.space && len(c.toks[e].low) == 1:
			e++ // the last stop of "U.S."
		default:
			return c.text[c.toks[k].start:c.toks[e].end], e + 1
		}
	}
	return c.text[c.toks[k].start:c.toks[e].end], e + 1
}

// tollRegion returns the region the toll word at k is given for: "the
// death toll in government-held areas of Syria", "Syria's death toll",
// "the country's death toll" (the country the sentence names), or "".
func (c *docCtx) tollRegion(k int) string {
	s := c.sents[c.sentOf[k]]
	if c.is(k, wcTollNoun) {
		// after: "toll in [the] [government-held areas of] Syria"
		if c.word(k+1) == wIn {
			for q, n := k+2, 0; q < s.to && n < 6; q, n = q+1, n+1 {
				t := c.toks[q]
				if c.is(q, wcCountryNoun) {
					return c.namedInSentence(s, k) // "the toll in the country", Turkey's
				}
				if t.kind == tWord && t.cap && c.x.vocab.isPlaceName(t.low) {
					name, _ := c.capRun(q, s.to)
					return name
				}
				if t.kind != tWord && t.low != "-" {
					break
				}
			}
		}
		// before: "Syria's death toll", "the country's toll"
		q := k - 1
		if c.is(q, wcTollModifier) {
			q--
		}
		if q >= s.from && strings.HasSuffix(c.toks[q].low, "'s") {
			owner := c.toks[q]
			switch b := base(owner.low); {
			case owner.cap && c.x.vocab.isPlaceName(b) && !(q > s.from && c.isEvent(q-1)): // not "Hurricane Michael's"
				return c.possessor(q)
			case c.in(b, wcCountryNoun):
				return c.namedInSentence(s, q)
			}
		}
	}
	return ""
}

// namedInSentence returns the place sentence s names before token k with
// a possessive ("Turkey's disaster agency said the country's toll") or an
// opening "In X,", or "".
func (c *docCtx) namedInSentence(s sentence, k int) string {
	if r := c.openingRegion(int(c.sentOf[s.from])); r != "" {
		return r
	}
	for q := s.from; q < k; q++ {
		t := c.toks[q]
		if t.kind == tWord && t.cap && strings.HasSuffix(t.low, "'s") && c.x.vocab.isPlaceName(base(t.low)) {
			return c.possessor(q)
		}
	}
	return ""
}

// possessor returns the name of possessive token k without its "'s".
func (c *docCtx) possessor(k int) string {
	w := c.text[c.toks[k].start:c.toks[k].end]
	for _, suffix := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suffix) {
			return w[:len(w)-len(suffix)]
		}
	}
	return w
}

// isPlaceName reports whether a capitalised word can name a place: not a
// day or a month ("Monday's toll").
func (v *vocabulary) isPlaceName(w string) bool {
	_, day := v.weekdays[w]
	return !day && !v.isMonth(w)
}

// figureRegion returns the place the figure at toks[from:to] is given for,
// read from its own words: "168 died in the nearby town of X", "killed 13
// people in X state", "X, which recorded 223 deaths", "X, with 201 dead".
func (c *docCtx) figureRegion(from, to int) string {
	s := c.sents[c.sentOf[from]]
	// after: "… in [the] [nearby] [town of] X"
	for k, n := to, 0; k < s.to && n < 8; k, n = k+1, n+1 {
		w := c.toks[k].low
		if c.clauseBreakAt(k) || w == wAfter || w == wAs || w == wWhen {
			break // "rises to 18 after a woman was found dead in X"
		}
		if w != wIn {
			continue
		}
		q := k + 1
		for q < s.to && q-k < 6 {
			w := c.toks[q].low
			if c.is(q, wcOfDeterminer) || w == wA || c.is(q, wcNearby) || c.is(q, wcAdminArea) || w == wOf ||
				c.toks[q].low == "-" || q+1 < s.to && c.toks[q+1].low == "-" {
				q++
				continue
			}
			break
		}
		if q < s.to && c.properPlace(q) {
			name, _ := c.capRun(q, s.to)
			return name
		}
		break
	}
	// before: "X, which recorded 223 deaths", "X, with 201 dead"
	k := from - 1
	if w := c.word(k); c.in(w, wcRecordVerb) || w == wHad || w == wHas {
		k--
	}
	switch c.word(k) {
	case wWhich, wWhere, wWith:
		k--
		if c.word(k) == "," && k-1 >= s.from && c.properPlace(k-1) {
			e := k - 1
			b := e
			for b-1 >= s.from && c.toks[b-1].cap && c.toks[b-1].kind == tWord && c.toks[b].space {
				b--
			}
			return c.text[c.toks[b].start:c.toks[e].end]
		}
	}
	return ""
}

// properPlace reports whether token k is a capitalised word that can name
// a place: not a day or a month, and not merely the first word of its
// sentence ("However, with 50 dead") unless the text capitalises it
// elsewhere too.
func (c *docCtx) properPlace(k int) bool {
	t := c.toks[k]
	if t.kind != tWord || !t.cap || !c.x.vocab.isPlaceName(base(t.low)) || c.is(k, wcNounStop) {
		return false
	}
	if k > c.sents[c.sentOf[k]].from {
		return true
	}
	if c.midCaps == nil {
		// the words the text capitalises inside a sentence, read once
		c.midCaps = map[string]bool{}
		for q, t := range c.toks {
			if t.cap && t.kind == tWord && q > c.sents[c.sentOf[q]].from {
				c.midCaps[t.low] = true
			}
		}
	}
	return c.midCaps[t.low]
}

// namedRegions returns the regions of a breakdown: places the document
// gives tolls for in one sentence or two sentences in a row ("In Turkey,
// the toll reached 4,544. In Syria, it stood at 1,782"). A place named
// once with the story's toll ("58 killed in Las Vegas") is not one.
func (c *docCtx) namedRegions() []string {
	type named struct {
		si   int
		name string
	}
	var all []named
	for si, s := range c.sents {
		hasToll := false
		for k := s.from; k < s.to; k++ {
			if wi := c.info[k]; wi.toll && wi.word == c.toks[k].low && !c.skip[k] {
				hasToll = true
				if r := c.tollRegion(k); r != "" {
					all = append(all, named{si, r})
				}
			}
		}
		if !hasToll {
			continue
		}
		for k := s.from; k < s.to; k++ {
			if t := c.toks[k]; !c.skip[k] && (t.kind == tNum || c.info[k].quantity && isNumberWord(t.low)) {
				if r := c.figureRegion(k, k+1); r != "" {
					all = append(all, named{si, r})
				}
			}
		}
		if r := c.openingRegion(si); r != "" {
			all = append(all, named{si, r})
		}
	}
	var out []string
	for i, a := range all {
		for _, b := range all[i+1:] {
			if b.si-a.si <= 1 && a.name != b.name {
				out = append(out, a.name, b.name)
			}
		}
	}
	return out
}

// region returns the region a toll m is given for: a toll word before it
// in its clause names one, its own words do ("died in the town of X"),
// or its sentence opens with one. It is read only when the story gives a
// breakdown by region.
func (c *docCtx) region(m *mention) string {
	c.askedRegional = true
	if !c.regional {
		return ""
	}
	lo, _ := c.window(m)
	for k := m.from - 1; k >= lo; k-- {
		if c.info[k].toll {
			if r := c.tollRegion(k); r != "" {
				return r
			}
		}
	}
	if r := c.figureRegion(m.from, m.to); r != "" {
		return r
	}
	return c.openingRegion(int(c.sentOf[m.from]))
}
