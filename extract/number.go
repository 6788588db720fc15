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
	whole := len(strconv.FormatFloat(math.Trunc(math.Abs(v)), 'f', 0, 64))
	decimals := max(digits-whole, 0)
	return precisionShare * math.Pow(10, -float64(decimals)) / math.Abs(v)
}

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

func (r numReader) words(i int) (parsedNum, bool) {
	toks := r.toks
	w := toks[i].low
	if v, ok := qt.ordinals[w]; ok {
		if w == "second" && r.word(i+1) == "time" {
			return parsedNum{}, false
		}
		if i+1 < len(toks) && r.gluedHyphen(i+1) && toks[i+2].kind == tWord {
			if _, isFrac := qt.denominators[r.word(i+2)]; !isFrac {
				// "third-largest", "fifth-placed": still the rank
				return parsedNum{v: v, from: i, to: i + 1, ordinal: true, word: true}, true
			}
		}
		return parsedNum{v: v, from: i, to: i + 1, ordinal: true, word: true}, true
	}
	if rg, ok := qt.vague[w]; ok {
		vr := rg // only a vague word's range goes to the heap
		n := parsedNum{from: i, to: i + 1, vague: &vr, word: true}
		// "hundreds of thousands", "tens of millions"
		if i+2 < len(toks) && toks[i+1].low == "of" {
			// "hundreds of thousands": the range times the scale.
			if s, ok := qt.scales[strings.TrimSuffix(toks[i+2].low, "s")]; ok && s >= 1e3 && len(toks[i+2].low) > 3 {
				r := vagueRange{vr.lo * s, vr.hi * s}
				n.vague = &r
				n.to = i + 3
			}
		}
		return n, true
	}
	if w == "tens" && i+2 < len(toks) && toks[i+1].low == "of" {
		if s, ok := qt.scales[toks[i+2].low]; ok && s >= 1e3 {
			return parsedNum{from: i, to: i + 3, vague: &vagueRange{20 * s / 10 * 10 / 10, 100 * s}, word: true}, true
		}
		if toks[i+2].low == "thousands" || toks[i+2].low == "millions" || toks[i+2].low == "billions" {
			s := qt.scales[strings.TrimSuffix(toks[i+2].low, "s")]
			return parsedNum{from: i, to: i + 3, vague: &vagueRange{20 * s, 100 * s}, word: true}, true
		}
	}
	if w == "dozen" || w == "couple" || w == "few" || w == "handful" || w == "several" {
		return parsedNum{}, false // handled with their articles in parseQuantity
	}
	n, ok := r.wordNumber(i)
	if !ok {
		return parsedNum{}, false
	}
	return r.scaled(n), true
}

// wordNumber reads a spelled-out cardinal: "fifty-nine", "two hundred and
// fifty", "ten thousand", "sixty - four", with a fraction ("three
// fifths", "one and a half", "twenty and three fifths") or a decimal
// ("three point one four").
func (r numReader) wordNumber(i int) (parsedNum, bool) { return r.wordNumberAt(i, i, 0) }

// wordNumberAt is wordNumber from toks[j] for a number that starts at
// toks[i] with the value cur read so far ("a" is one: "a hundred and
// fifty", "a million and a half").
func (r numReader) wordNumberAt(i, j int, cur float64) (parsedNum, bool) {
	toks := r.toks
	total := 0.0
	seen := cur != 0
	lastTens := false // the last word read was a tens word: "twenty"
	lastScale := 0.0  // the last scale word read: "million"
	n := parsedNum{from: i, word: true}
	for j < len(toks) {
		t := toks[j]
		if t.kind != tWord {
			// hyphen inside "fifty-nine"; "sixty - four" written apart
			if t.low == "-" && seen && j+1 < len(toks) && (r.gluedHyphen(j) || lastTens && t.space && toks[j+1].space) {
				if u, ok := qt.cardinals[toks[j+1].low]; ok && (r.gluedHyphen(j) || u >= 1 && u <= 9) {
					j++
					continue
				}
				if w := toks[j+1].low; r.gluedHyphen(j) && (w == "hundred" || w == "thousand" || w == "million" || w == "billion") {
					j++ // "two-hundred", "three-thousand"
					continue
				}
				if ov, ok := qt.ordinals[toks[j+1].low]; ok && r.gluedHyphen(j) && lastTens && ov < 10 {
					// "twenty-fifth"
					return parsedNum{v: total + cur + ov, from: i, to: j + 2, ordinal: true, word: true}, true
				}
				if d, to, ok := r.denominator(j+1, total+cur); ok && r.gluedHyphen(j) {
					// "two-thirds"
					n.v, n.to, n.frac = (total+cur)/d, to, true
					return n, true
				}
			}
			break
		}
		w := t.low
		if v, ok := qt.cardinals[w]; ok {
			if seen && cur != 0 && math.Mod(cur, 10) != 0 {
				break // "two three"
			}
			if seen && cur >= 10 && cur < 20 {
				break
			}
			cur += v
			seen = true
			lastTens = false
			j++
			continue
		}
		if v, ok := qt.tens[w]; ok {
			if seen && math.Mod(cur, 100) != 0 {
				break
			}
			cur += v
			seen = true
			lastTens = true
			j++
			continue
		}
		if ov, ok := qt.ordinals[w]; ok && seen && lastTens && ov < 10 && !r.denominatorHere(j) {
			// "twenty fifth", "one hundred twenty fifth"
			return parsedNum{v: total + cur + ov, from: i, to: j + 1, ordinal: true, word: true}, true
		}
		if ov, ok := qt.ordinals[w]; ok && seen && ov >= 100 && total+cur > 1 && math.Mod(ov, 10) == 0 && !r.denominatorHere(j) && total == 0 {
			// "two hundredth", "three thousandth"; "one hundredth" is a
			// fraction
			return parsedNum{v: cur * ov, from: i, to: j + 1, ordinal: true, word: true}, true
		}
		if w == "hundred" && seen {
			cur *= 100
			lastTens = false
			j++
			continue
		}
		if s, ok := qt.scales[w]; ok && seen && s >= 1e3 {
			total += cur * s
			cur = 0
			lastTens = false
			lastScale = s
			j++
			continue
		}
		if seen && qt.point[w] {
			if frac, to, ok := r.pointDigits(j + 1); ok {
				// "three point one four", "two point two million"
				v := parseDecimal(strconv.FormatFloat(cur, 'f', -1, 64), frac)
				n2 := parsedNum{v: total + v, from: i, to: to, word: true}
				if total == 0 {
					n2 = r.scaled(parsedNum{v: v, from: i, to: to, word: true})
				}
				return n2, true
			}
			break
		}
		if seen {
			if d, to, ok := r.denominator(j, total+cur); ok {
				// "three fifths", "one eighth", "twenty-three fifths"
				n.v, n.to, n.frac = (total+cur)/d, to, true
				return n, true
			}
		}
		if w == "and" && seen && j+1 < len(toks) {
			if f, to, ok := r.andFraction(j + 1); ok {
				// "one and a half", "twenty and three fifths",
				// "one hundred and three quarters"; "one and a half
				// million"; "a million and a half"
				if cur == 0 && lastScale > 0 {
					f *= lastScale
				}
				n.v, n.to, n.frac = total+cur+f, to, true
				if total == 0 {
					n = r.scaled(n)
				}
				return n, true
			}
			if total > 0 || cur >= 100 {
				if _, ok := qt.cardinals[toks[j+1].low]; ok {
					j++
					continue
				}
				if _, ok := qt.tens[toks[j+1].low]; ok {
					j++
					continue
				}
			}
		}
		break
	}
	if !seen {
		return parsedNum{}, false
	}
	// "one" alone is usually a pronoun ("one of the", "no one", "one
	// other"): it counts only before a word that is not a function word.
	if j == i+1 && toks[i].low == "one" {
		if j >= len(toks) || toks[j].kind != tWord || stopNoun[toks[j].low] || toks[j].low == "another" ||
			(i > 0 && (toks[i-1].low == "no" || toks[i-1].low == "any" || toks[i-1].low == "every")) {
			// "minus one", "one point five" stay numbers
			if !(j < len(toks) && qt.point[toks[j].low]) && !(i > 0 && qt.signs[toks[i-1].low] != 0) {
				return parsedNum{}, false
			}
		}
		return parsedNum{v: 1, from: i, to: j, word: true}, true
	}
	n.v, n.to = total+cur, j
	return n, true
}

// denominatorHere reports whether the ordinal at toks[j] is the
// denominator of a fraction: plural ("fifths"), or followed by "of".
func (r numReader) denominatorHere(j int) bool {
	w := r.word(j)
	if _, ok := qt.denominators[w]; ok {
		return true
	}
	return r.word(j+1) == "of"
}

// denominator reads the denominator of a fraction at toks[j] whose
// numerator is num: "fifths" after "three", "eighth" after "one",
// "half" after "one". A singular ordinal takes only the numerator one; the
// second and first are never denominators ("one second" is a time); a
// word hyphenated on ("third-largest") is a rank.
func (r numReader) denominator(j int, num float64) (float64, int, bool) {
	w := r.word(j)
	if j >= len(r.toks) || r.toks[j].kind != tWord {
		return 0, j, false
	}
	if r.gluedHyphen(j+1) && r.toks[j+2].kind == tWord {
		return 0, j, false
	}
	if d, ok := qt.denominators[w]; ok {
		plural := strings.HasSuffix(w, "s")
		if plural && num >= 1 || !plural && num == 1 {
			return d, j + 1, true
		}
		return 0, j, false
	}
	if d, ok := qt.ordinals[w]; ok && d >= 3 && num == 1 {
		return d, j + 1, true
	}
	return 0, j, false
}

// andFraction reads the fraction after "and": "a half", "a quarter",
// "three fifths", "two thirds".
func (r numReader) andFraction(j int) (float64, int, bool) {
	w := r.word(j)
	if w == "a" || w == "an" {
		if d, to, ok := r.denominator(j+1, 1); ok {
			return 1 / d, to, true
		}
		return 0, j, false
	}
	num, ok := qt.cardinals[w]
	k := j + 1
	if !ok {
		tv, isTens := qt.tens[w]
		if !isTens {
			return 0, j, false
		}
		num = tv
		if r.gluedHyphen(k) {
			if u, ok := qt.cardinals[r.word(k+1)]; ok && u < 10 {
				num += u
				k += 2
			}
		}
	}
	if d, to, ok := r.denominator(k, num); ok {
		return num / d, to, true
	}
	return 0, j, false
}

// articleNumber reads a number after "a" or "an" at toks[i]: "a dozen",
// "a hundred", "a half", "a third", "a quarter of a million", "a million
// and a half", "a half-million".
func (r numReader) articleNumber(i int) (parsedNum, bool) {
	nx := r.word(i + 1)
	switch {
	case qt.dozen[nx] && !strings.HasSuffix(nx, "s"):
		return parsedNum{v: 12, from: i, to: i + 2, word: true}, true
	case nx == "hundred" || nx == "thousand" || nx == "million" || nx == "billion" || nx == "trillion":
		// "a hundred", "a hundred thousand", "a million and a half"
		if n, ok := r.wordNumberAt(i, i+1, 1); ok {
			return n, true
		}
	}
	if nx == "half" && r.gluedHyphen(i+2) {
		// "a half-million"
		if s, ok := qt.scales[r.word(i+3)]; ok && s >= 1e3 {
			return parsedNum{v: s / 2, from: i, to: i + 4, word: true}, true
		}
	}
	if nx == "half" && r.gluedHyphen(i+2) {
		// "a half-hour", "a half-mile": half of the unit after it
		if _, ok := qt.units[r.word(i+3)]; ok {
			return parsedNum{v: 0.5, from: i, to: i + 3, word: true, frac: true}, true
		}
	}
	if d, to, ok := r.denominator(i+1, 1); ok {
		if _, isOrd := qt.ordinals[nx]; isOrd && to < len(r.toks) && r.toks[to].kind == tWord && !stopNoun[r.word(to)] {
			// "a third term", "a fifth consecutive win": a rank
			return parsedNum{v: d, from: i + 1, to: to, ordinal: true, word: true}, true
		}
		n := parsedNum{v: 1 / d, from: i, to: to, word: true, frac: true}
		return r.ofScale(n), true
	}
	return parsedNum{}, false
}

// ofScale reads "of a million" after a fraction: "a quarter of a
// million" is 250,000, "half a dozen" 6.
func (r numReader) ofScale(n parsedNum) parsedNum {
	j := n.to
	if s, ok := qt.scales[r.word(j)]; ok && s >= 1000 {
		// "a half million", "a quarter billion"
		n.v = scale(n.v, s)
		n.to = j + 1
		n.frac = false
		return r.scaled(n)
	}
	if r.word(j) == "of" {
		j++
	}
	if w := r.word(j); w != "a" && w != "an" {
		return n
	}
	w := r.word(j + 1)
	if s, ok := qt.scales[w]; ok && s >= 100 {
		n.v = scale(n.v, s)
		n.to = j + 2
		n.frac = false
		return r.scaled(n)
	}
	if qt.dozen[w] && !strings.HasSuffix(w, "s") {
		n.v *= 12
		n.to = j + 2
		n.frac = false
	}
	return n
}

func isNumberWord(w string) bool {
	if _, ok := qt.cardinals[w]; ok {
		return true
	}
	_, ok := qt.tens[w]
	return ok
}

// dollarLetters reports whether the word at toks[k] is a currency's
// letters glued after "$": "US" in "$US26.2b", "A" in "$A35".
func (r numReader) dollarLetters(k int) bool {
	_, ok := qt.dollarAfter[r.word(k)]
	return ok && k > 0 && r.toks[k-1].low == "$" && !r.toks[k].space
}

// halfNumber reads "half" at toks[i]: "half a dozen", "half a million",
// "half a century", "half an hour" (the unit is read after it).
func (r numReader) halfNumber(i int) (parsedNum, bool) {
	if a := r.word(i + 1); a != "a" && a != "an" {
		return parsedNum{}, false
	}
	w := r.word(i + 2)
	if s, ok := qt.scales[w]; ok && s >= 100 {
		return r.scaled(parsedNum{v: s / 2, from: i, to: i + 3, word: true}), true
	}
	if qt.dozen[w] && !strings.HasSuffix(w, "s") {
		return parsedNum{v: 6, from: i, to: i + 3, word: true}, true
	}
	if _, ok := qt.units[w]; ok {
		return parsedNum{v: 0.5, from: i, to: i + 2, word: true, frac: true}, true
	}
	return parsedNum{}, false
}

// halfUnit reads "half-hour", "half-mile" at toks[i]: half of the unit
// hyphenated to it (the unit is read after it).
func (r numReader) halfUnit(i int) (parsedNum, bool) {
	if r.word(i) != "half" || !r.gluedHyphen(i+1) {
		return parsedNum{}, false
	}
	if _, ok := qt.units[r.word(i+2)]; ok {
		return parsedNum{v: 0.5, from: i, to: i + 1, word: true, frac: true}, true
	}
	return parsedNum{}, false
}

// share reads a share written as a part and a whole at toks[i]: "one in
// three", "1 in 4", "nine out of 10". The value is in percent.
func (r numReader) share(i int) (parsedNum, bool) {
	if !qt.shareFirst[r.word(i+1)] && !qt.shareFirst[r.word(i+3)] {
		return parsedNum{}, false // the part is one token, or three ("twenty-five")
	}
	part, j, ok := r.smallNumber(i)
	if !ok {
		return parsedNum{}, false
	}
	for _, p := range qt.shareOf {
		k, ok := phraseAt(r.toks, j, p)
		if !ok {
			continue
		}
		whole, to, ok := r.smallNumber(k)
		if !ok || whole <= part || whole > 1000 {
			return parsedNum{}, false
		}
		return parsedNum{v: 100 * part / whole, from: i, to: to, share: true, word: r.toks[i].kind == tWord}, true
	}
	return parsedNum{}, false
}

// smallNumber reads a whole number of one word or compound ("one",
// "twenty-five") or of digits without separators at toks[i].
func (r numReader) smallNumber(i int) (float64, int, bool) {
	if i >= len(r.toks) {
		return 0, i, false
	}
	t := r.toks[i]
	if t.kind == tNum {
		if strings.ContainsAny(t.low, ".,:") || len(t.low) > 4 {
			return 0, i, false
		}
		v, err := strconv.Atoi(t.low)
		return float64(v), i + 1, err == nil && v > 0
	}
	if v, ok := qt.cardinals[t.low]; ok && v > 0 {
		return v, i + 1, true
	}
	if v, ok := qt.tens[t.low]; ok {
		if r.gluedHyphen(i + 1) {
			if u, ok := qt.cardinals[r.word(i+2)]; ok && u < 10 {
				return v + u, i + 3, true
			}
		}
		return v, i + 1, true
	}
	return 0, i, false
}

// phraseAt matches p at toks[j]: tokens equal to p's words, with white
// space or glued hyphens between them; a token of digits must be glued to
// the one before it. It returns the token after the match.
func phraseAt(toks []token, j int, p phrase) (int, bool) {
	k := j
	for n, w := range p {
		if n > 0 && k+1 < len(toks) && toks[k].low == "-" && w != "-" && !toks[k].space && !toks[k+1].space {
			k++
		}
		if k >= len(toks) || toks[k].low != w || n > 0 && toks[k].kind == tNum && toks[k].space {
			return j, false
		}
		k++
	}
	return k, true
}

// phraseBefore matches p ending just before toks[end]; it returns the
// first token of the match.
func phraseBefore(toks []token, end int, p phrase) (int, bool) {
	start := end - len(p)
	if start < 0 {
		return end, false
	}
	if to, ok := phraseAt(toks, start, p); ok && to == end {
		return start, true
	}
	return end, false
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
