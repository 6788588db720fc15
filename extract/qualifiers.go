package extract

import (
	"math"
)

// Qualifiers and bounds: "more than", "at least", "or more", "about",
// two bounds joined ("at least 30 and at most 90"), and the interval an
// estimate is given with ("(95% CI, 400 to 2900)").

// qualifierBefore matches a qualifier ending just before token i.
// The longest match wins: "no more than 6" is at most 6, not more than 6.
func qualifierBefore(toks []token, i int) (qualDef, int, bool) {
	if i < 1 {
		return qualDef{}, i, false
	}
	for _, q := range qt.qualByLast[toks[i-1].low] { // longest first
		if start, ok := phraseBefore(toks, i, q.words); ok {
			return q, start, true
		}
	}
	return qualDef{}, i, false
}

// suffixQualifier matches a qualifier after a figure at toks[j]: "or
// more", "or less", "or so", "+".
func suffixQualifier(toks []token, j int) (qualDef, int, bool) {
	if j >= len(toks) {
		return qualDef{}, j, false
	}
	for _, q := range qt.suffixByFirst[toks[j].low] {
		if next, ok := phraseAt(toks, j, q.words); ok {
			if q.words[0] == "+" && toks[j].space {
				continue // "87+" is glued
			}
			return q, next, true
		}
	}
	return qualDef{}, j, false
}

// qualify applies a qualifier of kind k to the interval [lo, hi] of m.
func (c *docCtx) qualify(m *mention, k qualKind, lo, hi float64) (float64, float64) {
	switch k {
	case qGT:
		hi, m.val.LoOpen, m.val.HiOpen = math.Inf(1), true, false
	case qGE:
		hi, m.val.LoOpen, m.val.HiOpen = math.Inf(1), false, false
	case qLE, qLT:
		if lo >= 0 && !c.signed(m) {
			lo = 0
		} else {
			lo = math.Inf(-1)
		}
		m.val.LoOpen, m.val.HiOpen = false, k == qLT
	case qNear:
		lo = hi * (1 - NearlyRange)
		if hi < 0 {
			lo = hi * (1 + NearlyRange)
		}
	case qApprox:
		m.val.Approx = true
	}
	return lo, hi
}

// boundFollows reports whether a suffix qualifier q that starts with a
// conjunction ("and less", "or more") is the start of a second bound
// instead: "larger than twenty and less or equal than thirty five".
func (c *docCtx) boundFollows(q qualDef, next int) bool {
	if q.words[0] != "and" && q.words[0] != "or" {
		return false
	}
	w := c.word(next)
	return w == "than" || w == "or" || w == "equal" || w == "to" ||
		next < len(c.toks) && (c.toks[next].kind == tNum || isNumberWord(w))
}

// joinBounds joins two one-sided bounds written one after the other into
// one interval: "at least 30 and at most 90", "greater than 100 and
// smaller than 300", "above the fifth but below the twelfth".
func (c *docCtx) joinBounds(m *mention) {
	lower := !math.IsInf(m.val.Lo, -1) && math.IsInf(m.val.Hi, 1) && m.qual != ""
	upper := (m.val.Lo == 0 || math.IsInf(m.val.Lo, -1)) && !math.IsInf(m.val.Hi, 1) && m.qual != "" && !m.val.Approx
	if !lower && !upper || m.val.Vague {
		return
	}
	for _, p := range qt.boundJoins {
		k, ok := phraseAt(c.toks, m.to, p)
		if !ok {
			continue
		}
		q, qTo, ok := c.qualifierAt(k)
		if !ok {
			return
		}
		num := qTo
		if c.word(num) == "the" {
			num++
		}
		if num >= len(c.toks) {
			return
		}
		m2, ok := c.quantity(num)
		if !ok || m2.from != k || m2.qual == "" || m2.ordinal != m.ordinal {
			return
		}
		if m2.unit != m.unit && m.unit != "" && m2.unit != "" {
			return
		}
		lower2 := q.kind == qGT || q.kind == qGE
		upper2 := q.kind == qLT || q.kind == qLE
		switch {
		case lower && upper2:
			m.val.Hi, m.val.HiOpen = m2.val.Hi, m2.val.HiOpen
		case upper && lower2:
			m.val.Lo, m.val.LoOpen = m2.val.Lo, m2.val.LoOpen
		default:
			return
		}
		if m.unit == "" && m2.unit != "" && m2.ud != nil {
			// "more than 10 and less than 20 km": the first bound in
			// the second's unit
			if lower {
				m.val.Lo = m2.ud.convert(m.val.Lo)
			} else if !math.IsInf(m.val.Hi, 0) {
				m.val.Hi = m2.ud.convert(m.val.Hi)
			}
			m.kind, m.unit, m.ud, m.ext = m2.kind, m2.unit, m2.ud, m2.ext
		}
		if m.noun < 0 && m2.noun >= 0 {
			m.noun, m.class, m.category = m2.noun, m2.class, m2.category
		}
		m.qual += " and " + m2.qual
		m.to = m2.to
		return
	}
}

// qualifierAt matches a qualifier starting at toks[k].
func (c *docCtx) qualifierAt(k int) (qualDef, int, bool) {
	for _, q := range qt.qualByFirst[c.word(k)] {
		if next, ok := phraseAt(c.toks, k, q.words); ok {
			return q, next, true
		}
	}
	return qualDef{}, k, false
}

// intervalAfter reads an interval given in brackets with the estimate m:
// "1,200 deaths (95% CI, 400 to 2900)", "(95% confidence interval
// 400-2,900)". The interval becomes m's value; m keeps its point.
func (c *docCtx) intervalAfter(m *mention) {
	toks := c.toks
	k := m.to
	if c.word(k) != "(" && c.word(k) != "[" && k+1 < len(toks) && toks[k].kind == tWord && !toks[k].cap {
		k++ // "1,200 deaths (95% CI …)": the word the estimate counts
	}
	if c.word(k) != "(" && c.word(k) != "[" {
		return
	}
	k++
	if k+1 < len(toks) && toks[k].kind == tNum && toks[k+1].low == "%" {
		k += 2
	}
	matched := false
	for _, p := range qt.intervalWords {
		if next, ok := phraseAt(toks, k, p); ok {
			k, matched = next, true
			break
		}
	}
	if !matched || !m.val.IsPoint() {
		return
	}
	if w := c.word(k); w == "," || w == ":" || w == "of" || w == "=" {
		k++
	}
	if k >= len(toks) {
		return
	}
	iv, ok := c.quantity(k)
	if !ok || iv.val.Lo >= iv.val.Hi || iv.qual != "" || iv.to >= len(toks) || (c.word(iv.to) != ")" && c.word(iv.to) != "]") {
		return
	}
	lo, hi := iv.val.Lo, iv.val.Hi
	if iv.unit == "" && m.ud != nil {
		lo, hi = m.ud.convert(lo), m.ud.convert(hi)
	} else if iv.unit != "" && iv.unit != m.unit {
		return
	}
	point := m.val.Lo
	if point < lo || point > hi {
		return
	}
	m.m().point, m.m().hasCI = point, true
	m.val.Lo, m.val.Hi, m.val.Tol = lo, hi, 0
	m.val.LoOpen, m.val.HiOpen = false, false
	m.to = iv.to + 1
}
