package extract

import (
	"github.com/factcheck/factcheck/claims"
	"math"
	"strings"
)

// Units and measures after a figure: the unit table's phrases,
// compound figures in two units ("17 hours and 20 minutes"), hyphenated
// modifiers ("a 30-acre field"), temperatures and their bare "degrees",
// coordinates, a rate's period ("a week") and gross or net.

// unitAt finds the unit written at toks[j], after a figure: the longest
// of the table's phrases, with the unit's constraints (glued, case).
func (c *docCtx) unitAt(j int) (*unitDef, int, bool) {
	toks := c.toks
	if j >= len(toks) {
		return nil, j, false
	}
	var best *unitDef
	bestNext := j
	for _, p := range qt.units[toks[j].low] {
		next, ok := phraseAt(toks, j, p.words)
		if !ok || next <= bestNext {
			continue
		}
		u := p.u
		if u.glued && toks[j].space {
			continue
		}
		if u.caps == 'u' && !c.upper(j) || u.caps == 'l' && toks[j].cap {
			continue
		}
		best, bestNext = u, next
	}
	return best, bestNext, best != nil
}

// unitAfter reads the unit after the figure at toks[j] and converts
// [lo, hi] to its dimension's unit. It returns the token after the
// mention's unit, and false when the figure is a modifier that is no
// quantity ("a two-thirds majority", "a 360-degree view").
func (c *docCtx) unitAfter(m *mention, n *parsedNum, j int, lo, hi, tol *float64) (int, bool) {
	toks := c.toks
	if j >= len(toks) {
		return j, true
	}
	hyphen := c.gluedHyphen(j) && toks[j+1].kind == tWord
	k := j
	if hyphen {
		k = j + 1
	}
	// Coordinates and temperatures: "51°30′N", "21.4 ° C", "-7°C", "98 degrees".
	if !n.ordinal && !n.frac {
		if next, ok := c.coordinate(m, n, k, lo, hi); ok {
			*tol = 0
			return next, true
		}
		if next, ok, modifier := c.temperature(m, k, hyphen, lo, hi); ok {
			return next, true
		} else if modifier {
			return j, false
		}
	}
	if n.ordinal {
		return j, true
	}
	u, next, ok := c.unitAt(k)
	if ok && u.glued && !c.glued(k) {
		ok = false
	}
	if !ok {
		if hyphen {
			return c.hyphenModifier(m, j)
		}
		return j, true
	}
	if u.kind == claims.KindPercent && n.ordinal {
		return j, true
	}
	m.kind, m.unit, m.ud = u.kind, u.unit, u
	*lo, *hi = u.convert(*lo), u.convert(*hi)
	if u.kind != claims.KindCount && *tol > 0 && n.to > n.from+1 {
		*tol = 0
	}
	if *lo == *hi {
		// "17 hours and 20 minutes", "17 hr 40 min", "5 feet 10 inches"
		next = c.smallerUnitAfter(next, u, lo, hi)
	}
	// An age: "29 years old", "eighty years of age", "the 29-year-old",
	// "a 90-day-old bill".
	if u.dim == "duration" && u.num >= day {
		at := next
		if c.gluedHyphen(at) {
			at++ // "the 29-year-old"
		}
		for _, p := range qt.ageAfter {
			if to, ok := phraseAt(toks, at, p); ok {
				m.age, m.kind, m.unit = true, claims.KindCount, "years"
				*lo, *hi = *lo/year, *hi/year
				next = to
				break
			}
		}
	}
	if c.word(next) == "of" && next+1 < len(toks) && toks[next+1].kind == tWord && !m.age && !hyphen && next == k+1 {
		m.ofTok = next + 1 // "37 seconds of silence"
	}
	return next, true
}

// smallerUnitAfter reads the rest of a figure written in two units of one
// dimension at toks[j], after a figure in u: "20 minutes" after "17
// hours", "10 inches" after "5 feet", "20-minute" after "a 17-hour,". It
// adds it to [lo, hi] and returns the token after it.
func (c *docCtx) smallerUnitAfter(j int, u *unitDef, lo, hi *float64) int {
	k := j
	if w := c.word(k); w == "and" || w == "," {
		k++
	}
	if k >= len(c.toks) || c.toks[k].kind != tNum && !isNumberWord(c.word(k)) {
		return j
	}
	r := numReader{toks: c.toks, c: c}
	n, ok := r.read(k, false)
	if !ok || n.ordinal || n.vague != nil || n.rng != nil || n.frac {
		return j
	}
	at := n.to
	if c.gluedHyphen(at) {
		at++
	}
	u2, next, ok := c.unitAt(at)
	if !ok || u2.dim != u.dim || u2.offset != 0 || u.offset != 0 || u2.num/u2.den >= u.num/u.den {
		return j
	}
	*lo += u2.convert(n.v)
	*hi = *lo
	return next
}

// hyphenModifier reads a figure hyphenated to a word that is no unit:
// "24-storey" (a noun of the lexicon: a compound that counts it), "an
// eight-building complex", "a three-bedroom flat" (a modifier, not a
// count).
func (c *docCtx) hyphenModifier(m *mention, j int) (int, bool) {
	toks := c.toks
	hw := toks[j+1].low
	if ref, isNoun := c.x.lex.nouns[hw]; isNoun {
		m.noun, m.class, m.category = j+1, ref.class, ref.category
		m.floors = ref.class == "floor"
		m.compound = true
		return j + 2, true
	}
	if _, isFrac := qt.denominators[hw]; isFrac || !strings.HasSuffix(hw, "s") {
		return j, false
	}
	return j, true
}

// temperature reads a temperature's unit at toks[k]: "°C", "° C", "ºF",
// "degrees Celsius", "deg. c", "Fahrenheit", "42.6C", or a bare "98
// degrees" whose scale the text settles. modifier is true for a bare
// degree hyphenated to a noun ("a 360-degree view"): no quantity.
func (c *docCtx) temperature(m *mention, k int, hyphen bool, lo, hi *float64) (int, bool, bool) {
	toks := c.toks
	if k >= len(toks) || !qt.tempWords[toks[k].low] {
		return k, false, false
	}
	var scale *unitDef
	next := k
	bare := false
	if qt.degrees[toks[k].low] {
		bare = true
		next = k + 1
		abbrev := strings.HasPrefix(toks[k].low, "deg") && !strings.HasPrefix(toks[k].low, "degree")
		if abbrev && c.word(next) == "." && c.glued(next) {
			next++ // "50 deg. C"
		}
		if l, ok := qt.scaleLetters[c.word(next)]; ok && next < len(toks) && toks[next].kind == tWord && (c.glued(next) || toks[next].space && (toks[next].cap || toks[k].low != "°")) {
			scale, next = l, next+1
		} else if u, to, ok := c.unitAt(next); ok && u.dim == "temperature" {
			scale, next = u, to
		}
	} else if l, ok := qt.scaleLetters[toks[k].low]; ok && toks[k].kind == tWord && c.glued(k) && c.upper(k) && toks[k-1].kind == tNum {
		// "42.6C", "109F"
		if k+1 < len(toks) && toks[k+1].kind == tWord && c.glued(k+1) {
			return k, false, false
		}
		scale, next = l, k+1
	} else if u, to, ok := c.unitAt(k); ok && u.dim == "temperature" {
		scale, next = u, to
	} else {
		return k, false, false
	}
	if bare && scale == nil {
		if hyphen {
			return k, false, true // "a 360-degree view"
		}
		scale = c.settleDegrees(next, *lo)
	}
	m.kind, m.unit, m.ud = scale.kind, scale.unit, scale
	if c.temperatureDifference(m, next) {
		// "by almost 35 degrees", "3C warmer": degrees without the offset
		d := qt.dims["temperature difference"]
		m.kind, m.unit, m.ud = d.kind, d.unit, nil
		m.m().dim = d.dim
		if scale.name != d.unit {
			m.m().unitAs = scale.name
		}
		*lo, *hi = *lo*scale.num/scale.den, *hi*scale.num/scale.den
		return next, true, false
	}
	*lo, *hi = scale.convert(*lo), scale.convert(*hi)
	return next, true, false
}

// temperatureDifference reports whether the temperature m, whose unit
// ends before toks[next], is a difference: "by almost 35 degrees", "3C
// warmer", "2 degrees above average".
func (c *docCtx) temperatureDifference(m *mention, next int) bool {
	k := m.from
	if _, start, ok := qualifierBefore(c.toks, k); ok {
		k = start
	}
	if qt.diffBefore[c.word(k-1)] {
		return true
	}
	for _, p := range qt.diffAfter {
		if _, ok := phraseAt(c.toks, next, p); ok {
			return true
		}
	}
	return false
}

// settleDegrees decides the scale of a bare "104.7 degrees": by the
// conversion in brackets after it ("(40.4 Celsius)"), else by the scale
// the document writes, else by what the figure can be (weather above
// 60 degrees is Fahrenheit).
func (c *docCtx) settleDegrees(j int, v float64) *unitDef {
	cel, fah := qt.byName["degC"], qt.byName["degF"]
	if c.word(j) == "(" {
		r := numReader{toks: c.toks, c: c}
		k := j + 1
		sign := 1.0
		if s, ok := c.signAt(k); ok {
			sign, k = s, k+1
		}
		if n, ok := r.read(k, false); ok && !n.ordinal {
			w := sign * n.v
			var tmp mention
			lo, hi := w, w
			if _, ok, _ := c.temperature(&tmp, n.to, false, &lo, &hi); ok && tmp.ud != nil && tmp.ud.name != "deg" {
				switch tmp.ud.name {
				case "degC":
					if math.Abs(fah.convert(v)-w) <= 1 {
						return fah
					}
					if math.Abs(v-w) <= 0.5 {
						return cel
					}
				case "degF":
					if math.Abs(fah.convert(w)-v) <= 1 {
						return cel
					}
					if math.Abs(v-w) <= 0.5 {
						return fah
					}
				}
			}
		}
	}
	if s := c.temperatureScale(); s != nil {
		return s
	}
	if v > 60 {
		return fah
	}
	return cel
}

// coordinate reads a coordinate's degrees at toks[k]: "51°30′N",
// "51.5074° N", "33°52'S", "0.1278° W".
func (c *docCtx) coordinate(m *mention, n *parsedNum, k int, lo, hi *float64) (int, bool) {
	toks := c.toks
	if k >= len(toks) || toks[k].low != "°" && toks[k].low != "º" || *lo != *hi {
		return k, false
	}
	v := math.Abs(*lo)
	j := k + 1
	minutes := false
	for _, step := range []struct {
		marks map[string]bool
		div   float64
	}{{qt.minuteMarks, 60}, {qt.secondMarks, 3600}} {
		if j+1 < len(toks) && toks[j].kind == tNum && step.marks[toks[j].low] == false && step.marks[c.word(j+1)] && c.glued(j+1) {
			x, ok := numReader{}.digitValue(toks[j].low)
			if !ok || x >= 60 {
				return k, false
			}
			v += x / step.div
			j += 2
			minutes = true
		}
	}
	h, ok := qt.hemispheres[c.word(j)]
	if !ok || j < len(toks) && toks[j].kind != tWord || j+1 < len(toks) && toks[j+1].kind == tWord && c.glued(j+1) {
		return k, false
	}
	if !minutes && len(c.word(j)) == 1 && !toks[j].cap {
		return k, false // "30° n…"
	}
	v *= h.sign
	if *lo < 0 {
		v = -v
	}
	*lo, *hi = v, v
	m.kind, m.unit, m.ud = h.u.kind, h.u.unit, h.u
	return j + 1, true
}

// rateAfter reads a rate's period and the basis of money after the
// figure at toks[j] (and the basis before it): "£230,000 per week",
// "£290,000-a-week", "$5m a year before tax", "$196 a share", "a gross
// salary of £100,000".
func (c *docCtx) rateAfter(m *mention, j int) int {
	toks := c.toks
	k := j
	if c.gluedHyphen(k) {
		k++
	}
	for _, p := range qt.rates[c.word(k)] {
		next, ok := phraseAt(toks, k, p.words)
		if !ok {
			continue
		}
		if qt.rateNotBefore[c.word(next)] {
			if b, _ := c.basisAt(next); b == "" {
				continue // "$5m a year ago"
			}
		}
		if next < len(toks) && c.gluedHyphen(next) {
			continue // "a 10-a-side game"
		}
		m.m().per, j = p.tag, next
		break
	}
	if m.kind == claims.KindMoney {
		if b, next := c.basisAt(j); b != "" {
			m.m().basis, j = b, next
		} else if c.word(j) == "(" {
			// "$528,000 (pre-tax) a week"
			if b, next := c.basisAt(j + 1); b != "" && c.word(next) == ")" {
				m.m().basis, j = b, next+1
				if m.ext.per == "" {
					j = c.rateAfter(m, j)
				}
			}
		}
		if m.ext == nil || m.ext.basis == "" {
			// before: "a gross salary of", "net profit of", "pre-tax"
			s := c.sents[c.sentOf[m.numFrom]]
			for k := m.from - 1; k >= s.from && k >= m.from-4; k-- {
				if toks[k].kind == tNum || toks[k].kind == tPunct && toks[k].low != "-" {
					break
				}
				for _, p := range qt.bases[toks[k].low] {
					if _, ok := phraseAt(toks, k, p.words); ok {
						m.m().basis = p.tag
						break
					}
				}
				if m.ext != nil && m.ext.basis != "" {
					break
				}
			}
		}
	}
	return j
}

// basisAt reads "gross", "net", "before tax" at toks[j].
func (c *docCtx) basisAt(j int) (string, int) {
	for _, p := range qt.bases[c.word(j)] {
		if next, ok := phraseAt(c.toks, j, p.words); ok {
			return p.tag, next
		}
	}
	return "", j
}
