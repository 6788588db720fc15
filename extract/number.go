package extract

import (
	"math"
	"strconv"
	"strings"
)

var units = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tens = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var ordinalWords = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
	"thousandth": 1000,
}

var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
	"k": 1e3, "m": 1e6, "b": 1e9,
	"lakh": 1e5, "crore": 1e7,
}

// vague quantities: documented ranges (README, "Quantities and qualifiers").
type vagueRange struct{ lo, hi float64 }

var vagueWords = map[string]vagueRange{
	"dozens":    {24, 144},
	"scores":    {40, 200},
	"hundreds":  {200, 1000},
	"thousands": {2000, 10000},
	"millions":  {2e6, 1e7},
	"billions":  {2e9, 1e10},
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
	digits  string  // the digit string as written, for precision
}

// digitValue parses "1,200" or "3.45"; ok is false for other shapes such as
// "10:08" or "2017.04.07".
func digitValue(s string) (float64, bool) {
	if strings.Contains(s, ":") {
		return 0, false
	}
	if strings.Count(s, ".") > 1 {
		return 0, false
	}
	// Thousands separators must group by three.
	if strings.Contains(s, ",") {
		parts := strings.Split(strings.SplitN(s, ".", 2)[0], ",")
		for i, p := range parts {
			if i > 0 && len(p) != 3 || i == 0 && (len(p) == 0 || len(p) > 3) {
				return 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
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

// parseNumber reads a number starting at toks[i]: digits ("59", "1,200",
// "1.2 million", "3bn"), words ("fifty-nine", "Ten", "two hundred", "a
// dozen"), ordinals ("eighth", "32nd") or vague quantities ("dozens",
// "hundreds of thousands").
func parseNumber(text string, toks []token, i int) (parsedNum, bool) {
	return parseNum(text, toks, i, true)
}

// parseNum is parseNumber; glued says whether to refuse a number glued to
// what stands before it, which the second figure of a range ("6.1-6.3")
// is by design.
func parseNum(text string, toks []token, i int, glued bool) (parsedNum, bool) {
	if i >= len(toks) {
		return parsedNum{}, false
	}
	t := toks[i]
	switch t.kind {
	case tNum:
		v, ok := digitValue(t.low)
		if !ok {
			return parsedNum{}, false
		}
		// Glued to a word before ("B40", "G7") or a model name ("F-16").
		if glued && i > 0 && !t.space && (toks[i-1].kind == tWord || toks[i-1].low == "-" && i > 1 && !toks[i-1].space &&
			toks[i-2].kind == tWord && toks[i-2].cap && len(toks[i-2].low) <= 3) {
			return parsedNum{}, false
		}
		// Part of "9/11", "24/7", a score "3-1": glued to a slash, or to
		// a hyphen after another number.
		if glued && i > 0 && !t.space && (toks[i-1].low == "/" || toks[i-1].low == "-" && i > 1 && !toks[i-1].space && toks[i-2].kind == tNum) {
			return parsedNum{}, false
		}
		if i+2 < len(toks) && toks[i+1].low == "/" && !toks[i+1].space && !toks[i+2].space && toks[i+2].kind == tNum {
			return parsedNum{}, false
		}
		n := parsedNum{v: v, from: i, to: i + 1, digits: t.low}
		// Glued suffixes: "32nd", "3bn", "40m", "10k".
		if i+1 < len(toks) && toks[i+1].kind == tWord && !toks[i+1].space {
			suf := toks[i+1].low
			switch suf {
			case "st", "nd", "rd", "th":
				n.ordinal = true
				n.to = i + 2
				return n, true
			}
			if s, ok := scales[suf]; ok && suf != "hundred" && (i+2 >= len(toks) || toks[i+2].space || toks[i+2].kind != tNum) {
				n.v *= s
				n.to = i + 2
				return n, true
			}
			if _, ok := unitWords[suf]; !ok {
				return parsedNum{}, false // "114B40", "3D"
			}
		}
		// A following scale word: "1.2 million", "5 billion".
		j := n.to
		for j < len(toks) && toks[j].kind == tWord {
			s, ok := scales[toks[j].low]
			if !ok || len(toks[j].low) < 3 {
				break
			}
			n.v *= s
			j++
		}
		n.to = j
		if n.to == i+1 {
			n.tol = roundingTol(n.v)
		}
		return n, true
	case tWord:
		w := t.low
		if v, ok := ordinalWords[w]; ok {
			if w == "second" && i+1 < len(toks) && toks[i+1].low == "time" {
				return parsedNum{}, false
			}
			return parsedNum{v: v, from: i, to: i + 1, ordinal: true, word: true}, true
		}
		if r, ok := vagueWords[w]; ok {
			vr := r // only a vague word's range goes to the heap
			n := parsedNum{from: i, to: i + 1, vague: &vr, word: true}
			// "hundreds of thousands", "tens of millions"
			if i+2 < len(toks) && toks[i+1].low == "of" {
				// "hundreds of thousands": the range times the scale.
				if s, ok := scales[strings.TrimSuffix(toks[i+2].low, "s")]; ok && s >= 1e3 && len(toks[i+2].low) > 3 {
					r := vagueRange{vr.lo * s, vr.hi * s}
					n.vague = &r
					n.to = i + 3
				}
			}
			return n, true
		}
		if w == "tens" && i+2 < len(toks) && toks[i+1].low == "of" {
			if s, ok := scales[toks[i+2].low]; ok && s >= 1e3 {
				return parsedNum{from: i, to: i + 3, vague: &vagueRange{20 * s / 10 * 10 / 10, 100 * s}, word: true}, true
			}
			if toks[i+2].low == "thousands" || toks[i+2].low == "millions" || toks[i+2].low == "billions" {
				s := scales[strings.TrimSuffix(toks[i+2].low, "s")]
				return parsedNum{from: i, to: i + 3, vague: &vagueRange{20 * s, 100 * s}, word: true}, true
			}
		}
		if w == "dozen" || w == "couple" || w == "few" || w == "handful" || w == "several" {
			return parsedNum{}, false // handled with their articles in parseQuantity
		}
		v, to, ok := wordNumber(toks, i)
		if !ok {
			return parsedNum{}, false
		}
		n := parsedNum{v: v, from: i, to: to, word: true}
		// "fifty-ninth"
		return n, true
	}
	return parsedNum{}, false
}

// wordNumber reads a spelled-out cardinal: "fifty-nine", "two hundred and
// fifty", "ten thousand". It returns the value and the token after it.
func wordNumber(toks []token, i int) (float64, int, bool) {
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(toks) {
		t := toks[j]
		if t.kind != tWord {
			// hyphen inside "fifty-nine"
			if t.low == "-" && !t.space && seen && j+1 < len(toks) && !toks[j+1].space {
				if _, ok := units[toks[j+1].low]; ok {
					j++
					continue
				}
				if w := toks[j+1].low; w == "hundred" || w == "thousand" || w == "million" || w == "billion" {
					j++ // "two-hundred", "three-thousand"
					continue
				}
			}
			break
		}
		w := t.low
		if v, ok := units[w]; ok {
			if seen && cur != 0 && math.Mod(cur, 10) != 0 {
				break // "two three"
			}
			if seen && cur >= 10 && cur < 20 {
				break
			}
			cur += v
			seen = true
			j++
			continue
		}
		if v, ok := tens[w]; ok {
			if seen && math.Mod(cur, 100) != 0 {
				break
			}
			cur += v
			seen = true
			j++
			continue
		}
		if w == "hundred" && seen {
			cur *= 100
			j++
			continue
		}
		if s, ok := scales[w]; ok && seen && s >= 1e3 && len(w) > 2 {
			total += cur * s
			cur = 0
			j++
			continue
		}
		if w == "and" && seen && j+1 < len(toks) && (total > 0 || cur >= 100) {
			if _, ok := units[toks[j+1].low]; ok {
				j++
				continue
			}
			if _, ok := tens[toks[j+1].low]; ok {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	// "one" alone is usually a pronoun ("one of the", "no one", "one
	// other"): it counts only before a word that is not a function word.
	if j == i+1 && toks[i].low == "one" {
		if j >= len(toks) || toks[j].kind != tWord || stopNoun[toks[j].low] || toks[j].low == "another" ||
			(i > 0 && (toks[i-1].low == "no" || toks[i-1].low == "any" || toks[i-1].low == "every")) {
			return 0, i, false
		}
		return 1, j, true
	}
	return total + cur, j, true
}
