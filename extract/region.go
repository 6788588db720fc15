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

// tollWords are the words a regional toll is stated with.
var tollWords = map[string]bool{"toll": true, "tolls": true, "deaths": true, "died": true, "killed": true, "dead": true}

// openingRegion returns the place a sentence opens with ("In Turkey, …",
// "In Turkey alone, …"), or "".
func (c *docCtx) openingRegion(si int) string {
	s := c.sents[si]
	k := s.from
	if k+2 >= s.to || c.toks[k].low != "in" || !c.toks[k+1].cap || c.toks[k+1].kind != tWord || !isPlaceName(c.toks[k+1].low) {
		return ""
	}
	name, e := c.capRun(k+1, s.to)
	if c.word(e) == "alone" {
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
	for e+1 < end && c.toks[e+1].cap && c.toks[e+1].kind == tWord && c.toks[e+1].space {
		e++
	}
	return c.text[c.toks[k].start:c.toks[e].end], e + 1
}

// tollRegion returns the region the toll word at k is given for: "the
// death toll in government-held areas of Syria", "Syria's death toll",
// "the country's death toll" (the country the sentence names), or "".
func (c *docCtx) tollRegion(k int) string {
	s := c.sents[c.sentOf[k]]
	if c.toks[k].low == "toll" || c.toks[k].low == "tolls" {
		// after: "toll in [the] [government-held areas of] Syria"
		if c.word(k+1) == "in" {
			for q, n := k+2, 0; q < s.to && n < 6; q, n = q+1, n+1 {
				t := c.toks[q]
				if t.low == "country" || t.low == "nation" {
					return c.namedInSentence(s, k) // "the toll in the country", Turkey's
				}
				if t.kind == tWord && t.cap && isPlaceName(t.low) {
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
		if c.word(q) == "death" {
			q--
		}
		if q >= s.from && strings.HasSuffix(c.toks[q].low, "'s") {
			owner := c.toks[q]
			switch b := base(owner.low); {
			case owner.cap && isPlaceName(b):
				return c.possessor(q)
			case b == "country" || b == "nation":
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
		if t.kind == tWord && t.cap && strings.HasSuffix(t.low, "'s") && isPlaceName(base(t.low)) {
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
func isPlaceName(w string) bool {
	_, day := weekdayNames[w]
	return !day && !isMonth(w)
}

// namedRegions returns the regions the document gives tolls for.
func (c *docCtx) namedRegions() []string {
	var out []string
	for si, s := range c.sents {
		hasToll := false
		for k := s.from; k < s.to; k++ {
			if c.skip[k] || c.toks[k].kind != tWord || !tollWords[c.toks[k].low] {
				continue
			}
			hasToll = true
			if r := c.tollRegion(k); r != "" {
				out = append(out, r)
			}
		}
		if hasToll {
			if r := c.openingRegion(si); r != "" {
				out = append(out, r)
			}
		}
	}
	return out
}

// region returns the region a toll m is given for: a toll word before it
// in its clause names one, or its sentence opens with one. It is read
// only when the story names tolls for two regions or more.
func (c *docCtx) region(m *mention) string {
	c.askedRegional = true
	if !c.regional {
		return ""
	}
	lo, _ := c.window(m)
	for k := m.from - 1; k >= lo; k-- {
		if tollWords[c.toks[k].low] {
			if r := c.tollRegion(k); r != "" {
				return r
			}
		}
	}
	return c.openingRegion(int(c.sentOf[m.from]))
}
