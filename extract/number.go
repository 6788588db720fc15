package extract

import (
	"math"
	"strconv"
	"strings"
)

// vague quantities: documented ranges (README, "Quantities and qualifiers").
type vagueRange struct{ lo, hi float64 }

// numRange is an interval a number itself states: "the 30s" is [30, 40),
// "40-odd" [40, 50).
type numRange struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// parsedNum is a number read from one or more tokens.
type parsedNum struct {
	v       float64
	from    int // first token
	to      int // one past the last token
	ordinal bool
	word    bool // spelled out
	vague   *vagueRange
	approx  bool    // "a dozen", "a couple"
	tol     float64 // implicit rounding tolerance (fraction)
	// prec is the precision the digits are written to, as a fraction of
	// the value: just under half a unit of the last digit written ("26.2":
	// 0.045/26.2; "26": 0.45/26). scaled marks a figure a scale word
	// multiplied ("26 billion", "3bn").
	prec   float64
	scaled bool
	digits string // the digit string as written, for precision
	rng    *numRange
	frac   bool // a fraction: "three fifths", "3/4", "one and a half"
	share  bool // a share of a whole, v in percent: "one in three", "a third of"
	ratio  bool // a multiple: "20x", "threefold"
	rank   bool // a rank written with its word: "No 1", "number one"
}

// numReader reads numbers from a document's tokens. c gives the
// document's habits (whether its commas are decimal); it is nil where
// none are known, and the shapes alone decide.
type numReader struct {
	toks []token
	c    *docCtx
}

// digitValue parses "1,200" or "3.45"; ok is false for other shapes such as
// "10:08" or "2017.04.07". Without the document's habits, "1,234" is a
// thousands separator and "1.234" a decimal point; "48,3" is a decimal
// comma and "1.234.567" thousands, whatever the document.
func digitValue(s string) (float64, bool) { return numReader{}.digitValue(s) }

// digitValue reads a digit token. A comma or a point followed by three
// digits is read by the document's habit (decimal commas or not); the
// other shapes are read as they must be.
func (r numReader) digitValue(s string) (float64, bool) {
	if strings.Contains(s, ":") {
		return 0, false
	}
	switch shape := numberShape(s); shape {
	case shapePlain, shapeDotDecimal:
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	case shapeCommaGroups:
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		return v, err == nil
	case shapeCommaDecimal:
		v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
		return v, err == nil
	case shapeDotGroups:
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ".", ""), 64)
		return v, err == nil
	case shapeDotGroupsComma: // "1.234,5"
		v, err := strconv.ParseFloat(strings.Replace(strings.ReplaceAll(s, ".", ""), ",", ".", 1), 64)
		return v, err == nil
	case shapeAmbiguousComma, shapeAmbiguousDot:
		if shape == shapeAmbiguousComma && strings.HasSuffix(s, ",000") {
			return r.digitValueAs(strings.ReplaceAll(s, ",", ""))
		}
		dec := r.c != nil && r.c.habits().decimalComma
		if shape == shapeAmbiguousComma && dec {
			return r.digitValueAs(strings.Replace(s, ",", ".", 1))
		}
		if shape == shapeAmbiguousComma {
			return r.digitValueAs(strings.ReplaceAll(s, ",", ""))
		}
		if dec {
			return r.digitValueAs(strings.ReplaceAll(s, ".", ""))
		}
		return r.digitValueAs(s)
	}
	return 0, false
}

func (numReader) digitValueAs(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// The shapes of a digit token.
type numShape uint8

const (
	shapeBad            numShape = iota
	shapePlain                   // "59"
	shapeDotDecimal              // "3.45", "0.5", "1.2345"
	shapeCommaGroups             // "1,234,567", "12,345.6": commas group thousands
	shapeCommaDecimal            // "48,3", "0,25": a decimal comma
	shapeDotGroups               // "1.234.567": points group thousands
	shapeDotGroupsComma          // "1.234,5"
	shapeAmbiguousComma          // "1,234": thousands or a decimal comma
	shapeAmbiguousDot            // "1.234": a decimal point or thousands
)

// numberShape classifies a token of digits, commas and points.
func numberShape(s string) numShape {
	commas, dots := strings.Count(s, ","), strings.Count(s, ".")
	groups := func(sep string, parts []string) bool { // "1,234,567": 1-3 digits, then threes
		for i, p := range parts {
			if i == 0 && (len(p) == 0 || len(p) > 3) || i > 0 && len(p) != 3 {
				return false
			}
		}
		return true
	}
	switch {
	case commas == 0 && dots == 0:
		return shapePlain
	case commas == 0 && dots == 1:
		a, b, _ := strings.Cut(s, ".")
		if len(b) == 3 && len(a) <= 3 && a != "0" && a != "" {
			return shapeAmbiguousDot
		}
		return shapeDotDecimal
	case commas == 0:
		if groups(".", strings.Split(s, ".")) {
			return shapeDotGroups
		}
		return shapeBad
	case dots == 0 && commas == 1:
		a, b, _ := strings.Cut(s, ",")
		if len(b) == 3 && len(a) <= 3 && a != "0" {
			return shapeAmbiguousComma
		}
		if len(a) > 0 {
			return shapeCommaDecimal
		}
		return shapeBad
	case dots == 0:
		if groups(",", strings.Split(s, ",")) {
			return shapeCommaGroups
		}
		return shapeBad
	case dots == 1 && strings.Index(s, ".") > strings.LastIndex(s, ","): // "12,345.6"
		if groups(",", strings.Split(s[:strings.Index(s, ".")], ",")) {
			return shapeCommaGroups
		}
	case commas == 1 && strings.Index(s, ",") > strings.LastIndex(s, "."): // "1.234,5"
		if groups(".", strings.Split(s[:strings.Index(s, ",")], ".")) {
			return shapeDotGroupsComma
		}
	}
	return shapeBad
}

// roundingTol is the implicit tolerance of a round figure: "22,000" is
// taken to mean 22,000 give or take half its last significant place, capped
// at 5%; figures under 100 and figures with a non-zero last digit are exact.
func roundingTol(v float64) float64 {
	if v < 100 || v != math.Trunc(v) {
		return 0
	}
	unit := 1.0
	for x := v; x >= 10 && math.Mod(x, 10) == 0; x /= 10 {
		unit *= 10
	}
	if unit < 100 && v < 1000 || unit < 10 {
		return 0
	}
	tol := unit / 2 / v
	return math.Min(tol, 0.05)
}

// precisionShare is the share of the last written digit's unit a figure
// stands for on each side: just under half, so that two neighbouring
// roundings ("4" and "5") never touch.
const precisionShare = 0.45

// writtenPrecision is the precision of the digits s that read as v, as a
// fraction of v: precisionShare of a unit of the last digit written. The
// digits after the integer part's are decimals, whichever mark separates
// them ("48,3" and "48.3" have one, "1,000" none). 0 for v of 0.
func writtenPrecision(s string, v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	digits := 0
	for _, r := range s {
		if '0' <= r && r <= '9' {
			digits++
		}
	}
	whole := 1
	for x := math.Trunc(math.Abs(v)); x >= 10; x /= 10 {
		whole++
	}
	decimals := max(digits-whole, 0)
	return precisionShare * math.Pow(10, -float64(decimals)) / math.Abs(v)
}

// stop reports whether w ends the search for the noun a figure counts
// (the lexicon's noun_stops); without a document, nothing does.
func (r numReader) stop(w string) bool { return r.c != nil && r.c.in(w, wcNounStop) }

// parseNumber reads a number starting at toks[i]: digits ("59", "1,200",
// "1.2 million", "3bn", "3/4", "1 3/4"), words ("fifty-nine", "Ten", "two
// hundred", "three fifths", "one and a half", "three point one four"),
// ordinals ("eighth", "32nd") or vague quantities ("dozens", "hundreds of
// thousands").
func parseNumber(text string, toks []token, i int) (parsedNum, bool) {
	return parseNum(text, toks, i, true)
}

// parseNum is parseNumber; glued says whether to refuse a number glued to
// what stands before it, which the second figure of a range ("6.1-6.3")
// is by design.
func parseNum(text string, toks []token, i int, glued bool) (parsedNum, bool) {
	return numReader{toks: toks}.read(i, glued)
}

func (r numReader) word(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].low
}

// gluedHyphen reports whether toks[i] is a hyphen glued to the tokens on
// both sides.
func (r numReader) gluedHyphen(i int) bool {
	return i > 0 && i+1 < len(r.toks) && r.toks[i].low == "-" && !r.toks[i].space && !r.toks[i+1].space
}

// read reads the number at toks[i].
func (r numReader) read(i int, glued bool) (parsedNum, bool) {
	toks := r.toks
	if i >= len(toks) {
		return parsedNum{}, false
	}
	switch toks[i].kind {
	case tNum:
		return r.digits(i, glued)
	case tWord:
		return r.words(i)
	}
	return parsedNum{}, false
}

// fraction reads "3/4" at toks[i]: a numerator, a slash and a
// denominator, glued, the numerator the smaller. Dates and the like
// ("9/11", "24/7", "4/5/2017") are not fractions.
func (r numReader) fraction(i int) (float64, int, bool) {
	toks := r.toks
	if i+2 >= len(toks) || toks[i].kind != tNum || toks[i+1].low != "/" || toks[i+1].space || toks[i+2].space || toks[i+2].kind != tNum {
		return 0, i, false
	}
	if i > 0 && !toks[i].space && toks[i-1].low == "/" || i+3 < len(toks) && !toks[i+3].space && (toks[i+3].low == "/" || toks[i+3].kind == tNum) {
		return 0, i, false
	}
	a, err1 := strconv.Atoi(toks[i].low)
	b, err2 := strconv.Atoi(toks[i+2].low)
	if err1 != nil || err2 != nil || b == 0 || a >= b || !fractionDenominator(b) {
		return 0, i, false
	}
	return float64(a) / float64(b), i + 3, true
}

// fractionDenominator reports whether b is a denominator fractions are
// written with; a slash between other numbers is a date or a ratio
// ("9/11", "3/12").
func fractionDenominator(b int) bool {
	switch b {
	case 2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100:
		return true
	}
	return false
}

// vulgarFractions are the fraction characters: "½", "1¾".
var vulgarFractions = map[string]float64{"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2,
	"⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

func (r numReader) digits(i int, glued bool) (parsedNum, bool) {
	toks := r.toks
	t := toks[i]
	// Glued to a word before ("B40", "G7") or a model name ("F-16"); not
	// to a currency's letters after "$" ("$US26.2b").
	if glued && i > 0 && !t.space && (toks[i-1].kind == tWord && !r.dollarLetters(i-1) || toks[i-1].low == "-" && i > 1 && !toks[i-1].space &&
		toks[i-2].kind == tWord && toks[i-2].cap && len(toks[i-2].low) <= 3) {
		return parsedNum{}, false
	}
	// Part of "9/11", "24/7", a score "3-1": glued to a slash, or to
	// a hyphen after another number.
	if glued && i > 0 && !t.space && (toks[i-1].low == "/" || toks[i-1].low == "-" && i > 1 && !toks[i-1].space && toks[i-2].kind == tNum) {
		return parsedNum{}, false
	}
	if f, to, ok := r.fraction(i); ok {
		n := parsedNum{v: f, from: i, to: to, frac: true}
		return r.scaled(n), true
	}
	if i+2 < len(toks) && toks[i+1].low == "/" && !toks[i+1].space && !toks[i+2].space && toks[i+2].kind == tNum {
		return parsedNum{}, false
	}
	v, ok := r.digitValue(t.low)
	if !ok {
		return parsedNum{}, false
	}
	n := parsedNum{v: v, from: i, to: i + 1, digits: t.low, prec: writtenPrecision(t.low, v)}
	// A mixed number: "1 3/4", "3 1/2 miles", "1½".
	if !strings.ContainsAny(t.low, ".,") {
		if f, to, ok := r.fraction(i + 1); ok && toks[i+1].space {
			n.v, n.to, n.frac = v+f, to, true
			return r.scaled(n), true
		}
		if i+1 < len(toks) && !toks[i+1].space {
			if f, ok := vulgarFractions[toks[i+1].low]; ok {
				n.v, n.to, n.frac = v+f, i+2, true
				return r.scaled(n), true
			}
		}
	}
	// Glued suffixes: "32nd", "3bn", "40m", "10k", "20x", "the 30s".
	if i+1 < len(toks) && !toks[i+1].space {
		nx := toks[i+1]
		suf := nx.low
		switch {
		case nx.kind == tWord && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th"):
			n.ordinal = true
			n.to = i + 2
			return n, true
		case nx.kind == tWord && qt.multipleSuffixes[suf]:
			n.ratio = true
			n.to = i + 2
			return n, true
		case nx.kind == tWord && suf == "s" && r.decade(v, t.low):
			n.rng, n.to = &numRange{lo: v, hi: v + 10, hiOpen: true}, i+2
			return n, true
		case suf == "'" && r.word(i+2) == "s" && !r.toks[i+2].space && r.decade(v, t.low):
			n.rng, n.to = &numRange{lo: v, hi: v + 10, hiOpen: true}, i+3
			return n, true
		case suf == "-" && r.gluedHyphen(i+1) && qt.odd[r.word(i+2)] && !strings.ContainsAny(t.low, ".,"):
			// "40-odd": the figure and up to the next round figure.
			n.rng, n.to = &numRange{lo: v, hi: v + oddPlace(v), hiOpen: true}, i+3
			return n, true
		case suf == "-" && r.gluedHyphen(i+1) && qt.multipleSuffixes[r.word(i+2)]:
			n.ratio, n.to = true, i+3 // "3-fold"
			return n, true
		}
		if nx.kind == tWord {
			if s, ok := qt.scales[suf]; ok && suf != "hundred" {
				// "£89million", "105million euros"
				n.v = scale(n.v, s)
				n.to, n.scaled = i+2, true
				return r.scaled(n), true
			}
			if a, ok := qt.abbrev[suf]; ok && (i+2 >= len(toks) || toks[i+2].space || toks[i+2].kind != tNum) && !r.upperUnit(i+1) {
				if suf != "m" || !r.metres(i+2) {
					n.v = scale(n.v, a.value)
					n.to, n.scaled = i+2, true
					return n, true
				}
			}
			if _, ok := qt.units[suf]; !ok && !r.gluedUnit(i+1) {
				return parsedNum{}, false // "114B40", "3D"
			}
		}
	}
	// "1 point 1": a decimal in words after the digits.
	if !strings.ContainsAny(t.low, ".,") && qt.point[r.word(i+1)] {
		if frac, to, ok := r.pointDigits(i + 2); ok {
			n.v, n.to = parseDecimal(t.low, frac), to
			n.prec = writtenPrecision(t.low+frac, n.v)
		}
	}
	n = r.scaled(n)
	if n.to == i+1 {
		n.tol = roundingTol(n.v)
	}
	return n, true
}

// gluedUnit reports whether the word at toks[j], glued to the digits,
// is a unit, a currency or a scale letter written glued: "50p", "9mm",
// "42.6C", "10MUSD".
func (r numReader) gluedUnit(j int) bool {
	w := r.word(j)
	if _, ok := qt.minorGlued[w]; ok {
		return true
	}
	if _, ok := qt.scaleLetters[w]; ok {
		return true
	}
	if _, ok := qt.codes[w]; ok {
		return true
	}
	if _, ok := qt.moneyWords[w]; ok {
		return true
	}
	if _, _, ok := splitScaledCode(w); ok {
		return true
	}
	return false
}

// upperUnit reports whether the glued word at toks[j] is a unit written
// in capitals that is not a scale: "22MN" is meganewtons, "22mn" 22
// million.
func (r numReader) upperUnit(j int) bool {
	for _, p := range qt.units[r.word(j)] {
		if p.u.caps == 'u' && len(p.words) == 1 && r.c != nil && r.c.upper(j) {
			return true
		}
	}
	return false
}

// splitScaledCode splits a scale glued to a currency code: "meur" is a
// million euros, "bnusd" a billion dollars.
func splitScaledCode(w string) (float64, string, bool) {
	sc, ok := qt.scaledCodes[w]
	return sc.scale, sc.code, ok
}

// metres reports whether a glued "m" before toks[j] is metres: "a 10m
// wall", "the 100m sprint", "24703m2".
func (r numReader) metres(j int) bool {
	if j < len(r.toks) && !r.toks[j].space && (r.toks[j].low == "2" || r.toks[j].low == "²" || r.toks[j].low == "3" || r.toks[j].low == "³" || r.toks[j].low == "/") {
		return true
	}
	if r.word(j) == "-" && r.gluedHyphen(j) {
		j++
	}
	return qt.metreContext[r.word(j)]
}

// decade reports whether v written as s can name a decade of numbers:
// "30s" (not "1990s", a date).
func (numReader) decade(v float64, s string) bool {
	return len(s) == 2 && v >= 10 && math.Mod(v, 10) == 0
}

// oddPlace is the step of "40-odd": the place of v's last non-zero digit.
func oddPlace(v float64) float64 {
	p := 1.0
	for x := v; x >= 10 && math.Mod(x, 10) == 0; x /= 10 {
		p *= 10
	}
	return p
}

// scaled applies the scale words and abbreviations after a number:
// "1.2 million", "12.4 mln", "25 k", "three dozen", "322 hundred".
func (r numReader) scaled(n parsedNum) parsedNum {
	toks := r.toks
	j := n.to
	for j < len(toks) && toks[j].kind == tWord {
		w := toks[j].low
		if s, ok := qt.scales[w]; ok {
			n.v = scale(n.v, s)
			n.scaled = true
			j++
			continue
		}
		if a, ok := qt.abbrev[w]; ok && a.apart && toks[j].space && !r.abbrevIsWord(j) {
			n.v = scale(n.v, a.value)
			n.scaled = true
			j++
			continue
		}
		if qt.dozen[w] && j == n.to {
			n.v *= 12
			j++
			continue
		}
		break
	}
	n.to = j
	return n
}

// abbrevIsWord reports whether an abbreviation written apart is a word
// of the sentence instead: "25 K-pop fans", "3 bn." is a scale.
func (r numReader) abbrevIsWord(j int) bool {
	return j+1 < len(r.toks) && (r.toks[j+1].low == "-" || r.toks[j+1].low == "'") && !r.toks[j+1].space
}

// parseDecimal joins an integer's digits and a decimal part's digits.
func parseDecimal(intDigits, frac string) float64 {
	v, _ := strconv.ParseFloat(intDigits+"."+frac, 64)
	return v
}

// pointDigits reads the digits after "point": "one four" (14), "zero
// three" (03), "seventy-one" (71), or digits ("1 point 1").
func (r numReader) pointDigits(j int) (string, int, bool) {
	toks := r.toks
	if j < len(toks) && toks[j].kind == tNum && !strings.ContainsAny(toks[j].low, ".,:") {
		return toks[j].low, j + 1, true
	}
	var b strings.Builder
	for j < len(toks) && toks[j].kind == tWord {
		w := toks[j].low
		if v, ok := qt.tens[w]; ok && b.Len() == 0 {
			d := int(v)
			if r.gluedHyphen(j+1) || j+1 < len(toks) && toks[j+1].kind == tWord {
				k := j + 1
				if r.gluedHyphen(k) {
					k++
				}
				if u, ok := qt.cardinals[r.word(k)]; ok && u >= 1 && u <= 9 {
					d += int(u)
					j = k
				}
			}
			b.WriteString(strconv.Itoa(d))
			j++
			break
		}
		v, ok := qt.cardinals[w]
		if !ok || v > 9 {
			break
		}
		b.WriteByte(byte('0' + int(v)))
		j++
	}
	if b.Len() == 0 {
		return "", j, false
	}
	return b.String(), j, true
}

// scale multiplies v by s; a power of ten shifts v's shortest decimal
// form, so that "16.4 million" is 16,400,000 exactly, not 16.4 × 10⁶ in
// binary.
func scale(v, s float64) float64 {
	if v == math.Trunc(v) && math.Abs(v*s) < 1<<53 {
		return v * s // whole numbers multiply exactly
	}
	e := math.Log10(s)
	if e != math.Trunc(e) || e < 1 || e > 15 {
		return v * s
	}
	x, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', -1, 64)+"e"+strconv.Itoa(int(e)), 64)
	if err != nil {
		return v * s
	}
	return x
}
