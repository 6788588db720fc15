package extract

import (
	"math"
	"strconv"
	"strings"
)

// Numbers written in words: "fifty-nine", "two hundred", "three fifths",
// "one and a half", "half a dozen", "a third of", "one in three".

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
		if j >= len(toks) || toks[j].kind != tWord || r.stop(toks[j].low) || toks[j].low == "another" ||
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
		if _, isOrd := qt.ordinals[nx]; isOrd && to < len(r.toks) && r.toks[to].kind == tWord && !r.stop(r.word(to)) {
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
