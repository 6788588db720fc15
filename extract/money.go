package extract

// Money: a currency written before or after a figure ("$26.2 billion",
// "105 million euros", "50p"), minor units ("3 dollars 50 cents"), and
// pounds that weigh rather than pay.

// currencyBefore reads a currency written before the figure that starts
// at toks[from]: "$", "£", "US$", "$US" (glued to the digits), "USD".
func (c *docCtx) currencyBefore(from int) (moneyPhrase, int, bool) {
	toks := c.toks
	if from < 1 {
		return moneyPhrase{}, from, false
	}
	// "$US26.2b", "$A35.47 billion"
	if code, ok := qt.dollarAfter[c.word(from-1)]; ok && from > 1 && c.word(from-2) == "$" && c.glued(from-1) && c.glued(from) {
		return moneyPhrase{code: code, factor: 1}, from - 2, true
	}
	for _, p := range qt.symbolsByLast[toks[from-1].low] { // longest first
		k, ok := phraseBefore(toks, from, p.words)
		if !ok {
			continue
		}
		if len(p.words) == 2 && len(p.words[0]) == 1 && toks[k].kind == tWord && !c.glued(k+1) && !c.upper(k) {
			continue // "a $5m deal": an article, not Australian dollars
		}
		if len(p.words) == 1 && toks[k].kind == tWord && !c.allCaps(k) && !toks[k].cap {
			continue // a symbol of letters ("Rs") is written with a capital
		}
		return p, k, true
	}
	if code, ok := qt.codes[toks[from-1].low]; ok && toks[from-1].kind == tWord && c.allCaps(from-1) {
		return moneyPhrase{code: code, factor: 1}, from - 1, true
	}
	return moneyPhrase{}, from, false
}

// moneyAfter reads a currency written after the figure at toks[j]:
// "dollars", "australian dollars", "50 cents", "470 pence", "50p", "3bn
// USD", "12 MEUR".
func (c *docCtx) moneyAfter(j int, m *mention, n *parsedNum) (moneyPhrase, int, bool) {
	toks := c.toks
	if j >= len(toks) {
		return moneyPhrase{}, j, false
	}
	w := toks[j].low
	if toks[j].kind == tPunct {
		for _, p := range qt.symbols[w] {
			// "10 €", "100 $": a symbol of one character after the figure
			if len(p.words) == 1 && (j+1 >= len(toks) || toks[j+1].kind != tNum) {
				return p, j + 1, true
			}
		}
		return moneyPhrase{}, j, false
	}
	if toks[j].kind != tWord || !qt.moneyAfterWords[w] {
		return moneyPhrase{}, j, false
	}
	if mp, ok := qt.minorGlued[w]; ok && !toks[j].space {
		return mp, j + 1, true
	}
	for _, p := range qt.moneyWords[w] {
		next, ok := phraseAt(toks, j, p.words)
		if !ok {
			continue
		}
		if (w == "pound" || w == "pounds") && c.poundsOfMass(m, n, next) {
			return moneyPhrase{}, j, false
		}
		return p, next, true
	}
	if code, ok := qt.codes[w]; ok && c.allCaps(j) {
		return moneyPhrase{code: code, factor: 1}, j + 1, true
	}
	if s, code, ok := splitScaledCode(w); ok && (c.upper(j) || toks[j].cap) {
		return moneyPhrase{code: code, factor: s}, j + 1, true
	}
	return moneyPhrase{}, j, false
}

// minorAfter reads the minor unit after a sum in a currency's major
// unit at toks[j]: "50 cents" after "3 dollars". It adds it to [lo, hi]
// and returns the token after it.
func (c *docCtx) minorAfter(j int, code string, lo, hi *float64) int {
	k := j
	if c.word(k) == "and" {
		k++
	}
	r := numReader{toks: c.toks, c: c}
	n, ok := r.read(k, true)
	if !ok || n.ordinal || n.vague != nil || n.rng != nil || n.v >= 100 {
		return j
	}
	for _, p := range qt.moneyWords[c.word(n.to)] {
		if p.code != code || p.factor == 1 {
			continue
		}
		if next, ok := phraseAt(c.toks, n.to, p.words); ok {
			*lo += n.v * p.factor
			*hi = *lo
			return next
		}
	}
	return j
}

// poundsOfMass reports whether "pounds" after a figure is a mass: before
// "of" and a thing ("5 million pounds of thrust"), in a sentence about
// weight, or a figure without a scale in a sentence not about money
// ("drop 25 pounds"; "361 million pounds" of profit and "it cost 20
// pounds" stay money).
func (c *docCtx) poundsOfMass(m *mention, n *parsedNum, next int) bool {
	if c.word(next) == "of" && c.toks[next].kind == tWord {
		if _, money := qt.moneyWords[c.word(next+1)]; !money && c.word(next+1) != "sterling" {
			return true
		}
	}
	s := c.sents[c.sentOf[m.numFrom]]
	money := false
	for k := s.from; k < s.to; k++ {
		if qt.massContext[c.toks[k].low] {
			return true
		}
		money = money || qt.moneyContext[c.toks[k].low]
	}
	for k := n.from; k < n.to; k++ {
		if _, ok := qt.scales[c.toks[k].low]; ok {
			return false
		}
		if _, ok := qt.abbrev[c.toks[k].low]; ok {
			return false
		}
	}
	return !money
}
