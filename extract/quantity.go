package extract

import (
	"math"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// A mention is a quantity the parser read: its tokens, value, unit and the
// noun that says what it counts.
type mention struct {
	from, to  int // tokens of the whole mention, qualifier to noun
	numFrom   int // first token of the number itself
	numTo     int
	val       claims.Value
	kind      claims.Kind
	unit      string
	noun      int // token of the head noun, or -1
	class     string
	category  string
	qual      string
	date      *dateMention
	ofTok     int      // token after "of" following a unit ("37 seconds of silence"), or -1
	derived   string   // how a remainder was worked out ("16 - 1"); see remainders
	whole     *mention // the total a remainder is the rest of
	partOf    *mention // the total this figure is a part of: "16 bodies, including one person"
	ofWhole   *mention // the whole of a partitive: "12" in "12 of the 20 passengers died" has "20 passengers"
	groupSlot string   // the slot that counts the group ("injured_count"), "" for "them"
	slot      string   // the slot the figure's own form decides ("128-9": votes for and against)
	ud        *unitDef // the unit the figure was converted from, or nil
	ext       *measure // what the figure measures beyond kind and unit, or nil (most counts)
	// prec is the precision the figure's digits are written to, as a
	// fraction of its value (parsedNum.prec), 0 for a range, a vague or
	// spelled-out figure; scaled marks one a scale word multiplied.
	prec   float64
	scaled bool
	win    windowCache // window's answer

	ordinal     bool
	age         bool
	floors      bool
	supersede   bool // "from 400 to 527": the first figure is replaced
	partitive   bool // the noun came after "of": "five of the dead"
	isWhole     bool // this figure is the whole of a partitive
	ofGroup     bool // "nine of them", "two of the injured": a part of a group counted elsewhere
	refCategory bool // the category is the referent's ("nine of them"), not the figure's own
	compound    bool // a figure hyphenated to its noun as a modifier: "an eight-building complex"
}

// measure is what a mention measures beyond its kind and unit, for its
// claims.Frame (see frame).
type measure struct {
	dim    string  // the dimension: "temperature", "money", "age", "rank" …
	unitAs string  // the unit as written when it differs from unit: "degF", "mi", "month", "cents"
	per    string  // a rate's period or base: "week", "year", "season", "share"
	basis  string  // "gross" or "net"
	point  float64 // the estimate an interval is given with: "1,200 (95% CI, 400 to 2900)"
	hasCI  bool    // the value is the interval given with the estimate point
}

// m returns m's measure, made when first needed.
func (m *mention) m() *measure {
	if m.ext == nil {
		m.ext = &measure{}
	}
	return m.ext
}

// dim returns m's dimension as its unit or the quantity stage set it,
// or "" (a count, money, a percentage, a rank, an age: see frame).
func (m *mention) dim() string {
	switch {
	case m.ext != nil && m.ext.dim != "":
		return m.ext.dim
	case m.ud != nil && !m.age:
		return m.ud.dim
	}
	return ""
}

// frame returns what the quantity stage knows of the mention's frame:
// its dimension, the unit as written, the currency, a rate's period and
// the basis of money. The later stages fill in the rest.
func (m *mention) frame() claims.Frame {
	var f claims.Frame
	if m.ext != nil {
		f = claims.Frame{Unit: m.ext.unitAs, Per: m.ext.per, Basis: m.ext.basis}
	}
	f.Dimension = m.dim()
	if f.Unit == "" && m.ud != nil && m.ud.name != m.ud.unit && !(m.age && m.ud.name == "year") {
		f.Unit = m.ud.name // "mi", "degF", "month"
	}
	if m.kind == claims.KindMoney {
		f.Currency = m.unit
	}
	if f.Dimension == "" {
		switch m.kind {
		case claims.KindCount:
			f.Dimension = "count"
			if m.age {
				f.Dimension = "age"
			}
		case claims.KindOrdinal:
			f.Dimension = "rank"
		case claims.KindMoney:
			f.Dimension = "money"
		case claims.KindPercent:
			f.Dimension = "percent"
		case claims.KindDuration:
			f.Dimension = "duration"
		case claims.KindDate, claims.KindTime:
			f.Dimension = string(m.kind)
		}
	}
	return f
}

// dist is the distance in tokens from token k to the mention.
func (m *mention) dist(k int) int {
	if k < m.from {
		return m.from - k
	}
	return k - m.to
}

// qualifier kinds
type qualKind int

const (
	qNone   qualKind = iota
	qGT              // more than: (x, ∞)
	qGE              // at least: [x, ∞)
	qLE              // up to: [0, x]
	qLT              // fewer than: [0, x)
	qNear            // nearly: [0.9x, x]
	qApprox          // about: x ± tolerance
	qExact           // exactly, equal to: x
	qClose           // "or equal": the open end of a bound closes
)

// ApproxTolerance is the relative tolerance of a hedged figure ("about 60"
// admits 57 to 63).
const ApproxTolerance = 0.05

// NearlyRange is how far below its figure "nearly"/"almost" reaches
// ("nearly 3" admits 2.7 to 3).
const NearlyRange = 0.10

type qualDef struct {
	words phrase
	kind  qualKind
}

// groupWords name the people a toll counts; "two of the injured" is a
// part of such a group.
var groupWords = map[string]string{"dead": "death_toll", "killed": "death_toll", "victims": "death_toll",
	"casualties": "death_toll", "injured": "injured_count", "wounded": "injured_count", "hurt": "injured_count",
	"missing": "missing_count", "survivors": "survivor_count"}

func (c *docCtx) word(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].low
}

// glued reports whether toks[i] follows toks[i-1] with no space.
func (c *docCtx) glued(i int) bool { return i > 0 && i < len(c.toks) && !c.toks[i].space }

// gluedHyphen reports whether toks[i] is a hyphen glued on both sides.
func (c *docCtx) gluedHyphen(i int) bool {
	return i > 0 && i+1 < len(c.toks) && c.toks[i].low == "-" && !c.toks[i].space && !c.toks[i+1].space
}

// readNumber reads the number a quantity at toks[i] starts with: the
// forms with an article ("a dozen", "a third", "a couple of", "half a
// million"), shares ("one in three"), multiples ("doubled"), ranks ("No
// 1") and the numbers of number.go.
func (c *docCtx) readNumber(r numReader, i int) (parsedNum, bool) {
	toks := c.toks
	w := toks[i].low
	if qt.rankBefore[c.word(i-1)] || c.word(i-1) == "." && qt.rankBefore[c.word(i-2)] && c.glued(i-1) {
		k := i - 1
		if c.word(k) == "." {
			k--
		}
		// "No 1", "No. 3" (a capital and digits), "#1" (glued), "number
		// one" (a word): not "that number 58", "no one".
		rank := false
		switch {
		case toks[k].kind != tWord:
			rank = toks[i].kind == tNum && c.glued(i)
		case toks[i].kind == tNum:
			rank = toks[k].cap && c.word(k) != "number"
		default:
			rank = c.word(k) != "no"
		}
		if rank {
			if v, to, ok := r.smallNumber(i); ok {
				return parsedNum{v: v, from: k, to: to, ordinal: true, rank: true, word: toks[i].kind == tWord}, true
			}
		}
	}
	if n, ok := r.share(i); ok {
		return n, true
	}
	if v, ok := qt.multiples[w]; ok && toks[i].kind == tWord {
		return parsedNum{v: v, from: i, to: i + 1, ratio: true, word: true}, true
	}
	switch {
	case (w == "a" || w == "an") && i+1 < len(toks):
		switch nx := toks[i+1].low; nx {
		case "couple":
			to := i + 2
			if c.word(to) == "of" {
				to++
			}
			return parsedNum{from: i, to: to, word: true, vague: &vagueRange{2, 3}}, true
		case "few", "handful":
			to := i + 2
			if c.word(to) == "of" {
				to++
			}
			return parsedNum{from: i, to: to, word: true, vague: &vagueRange{2, 6}}, true
		}
		if n, ok := r.articleNumber(i); ok {
			return n, true
		}
		return c.articleUnit(i)
	case w == "half":
		if c.word(i+1) == "of" {
			return parsedNum{v: 50, from: i, to: i + 1, share: true, word: true}, true
		}
		if n, ok := r.halfUnit(i); ok {
			return n, true
		}
		return r.halfNumber(i)
	case w == "several":
		return parsedNum{from: i, to: i + 1, word: true, vague: &vagueRange{3, 9}}, true
	}
	return r.read(i, true)
}

// articleUnit reads "an hour", "a mile", "a decade": one of a unit, only
// after a qualifier or "for", "lasted", "within" ("for over an hour"),
// except for the long spans ("a decade", "a century").
func (c *docCtx) articleUnit(i int) (parsedNum, bool) {
	nx := c.word(i + 1)
	var u *unitDef
	for _, p := range qt.units[nx] {
		if len(p.words) == 1 && !p.u.glued {
			u = p.u
			break
		}
	}
	if u == nil || u.kind != claims.KindDuration && u.kind != claims.KindMeasure || len(nx) <= 2 {
		return parsedNum{}, false
	}
	prev := c.word(i - 1)
	if _, _, q := qualifierBefore(c.toks, i); q || prev == "for" || prev == "lasted" || prev == "within" ||
		u.dim == "duration" && u.num >= 10*year {
		return parsedNum{v: 1, from: i, to: i + 1, word: true}, true
	}
	return parsedNum{}, false
}

// quantity reads a quantity whose number starts at toks[i].
func (c *docCtx) quantity(i int) (*mention, bool) {
	toks := c.toks
	r := numReader{toks: toks, c: c}
	n, ok := c.readNumber(r, i)
	if !ok {
		return nil, false
	}
	w := toks[i].low
	// "Flight 302", "Route 91": a number after an identifier word names.
	// ("world No 1", "No. 3 seed" are ranks: an ordinal, never a count.)
	if i > 0 && toks[i].kind == tNum && toks[i-1].kind == tWord && c.x.lex.identifier[toks[i-1].low] && toks[i-1].cap && !n.rank {
		return nil, false
	}
	// "Boeing 737 MAX 8": a figure after a model name and its number.
	if toks[i].kind == tNum && i > 1 && toks[i-1].kind == tWord && c.allCaps(i-1) && toks[i-2].kind == tNum {
		return nil, false
	}
	// "One attack killed three": "one" before an event word is an article.
	if w == "one" && n.to < len(toks) && c.isEvent(n.to) {
		return nil, false
	}
	// "an Embraer 190 aircraft", "a Boeing 737 jet": a number between a
	// name and a craft names a model.
	if toks[i].kind == tNum && i > 0 && toks[i-1].kind == tWord && toks[i-1].cap && i-1 > c.sents[c.sentOf[i]].from && n.to < len(toks) {
		if ref, ok := c.x.lex.nouns[toks[n.to].low]; ok && (ref.class == "aircraft" || ref.class == "vehicle" || ref.class == "ship") {
			return nil, false
		}
	}
	m := &mention{from: n.from, numFrom: n.from, to: n.to, numTo: n.to, noun: -1, ofTok: -1, kind: claims.KindCount, ordinal: n.ordinal}
	c.signBefore(m, &n, i)
	lo, hi := n.v, n.v
	tol := n.tol
	if !n.frac && !n.share && !n.ratio && !n.ordinal && !n.rank {
		m.prec, m.scaled = n.prec, n.scaled
	}
	if n.vague != nil {
		lo, hi = n.vague.lo, n.vague.hi
		m.val.Vague = true
		m.val.HiOpen = true
	}
	if n.rng != nil {
		c.decadePart(m, &n)
		lo, hi = n.rng.lo, n.rng.hi
		m.val.LoOpen, m.val.HiOpen = n.rng.loOpen, n.rng.hiOpen
		tol = 0
		m.prec = 0
	}
	if n.approx {
		m.val.Approx = true
	}
	j := n.to
	switch {
	case n.share:
		m.kind, m.unit = claims.KindPercent, "percent"
	case n.ratio:
		m.kind, m.unit, m.ud = claims.KindMeasure, "ratio", qt.dims["ratio"]
	}
	// Currency before: "$3bn", "US$ 2m", "£5m", "$US26.2b", "USD 3bn".
	currency := ""
	var money moneyPhrase
	if m.kind == claims.KindCount && !n.ordinal {
		if mp, start, ok := c.currencyBefore(m.from); ok {
			currency, money, m.from = mp.code, mp, start
		}
	}
	// Ranges: "20,000 to 25,000", "6.1-6.3", "three or four", "between 100 and 600".
	between := qt.between[c.word(m.from-1)]
	if j+1 < len(toks) && !n.share && !n.ratio && !n.rank {
		sep := toks[j].low
		isRange := qt.rangeSeps[sep] || between && sep == "and"
		if sep == "-" && !toks[j].space && toks[j+1].kind == tWord {
			isRange = false // "two-hour"
		}
		if isRange {
			k := j + 1
			sign := 1.0
			if s, ok := c.signAt(k); ok {
				sign, k = s, k+1
			}
			if between && c.word(k) == "the" && n.ordinal {
				k++ // "between the tenth and the fifteenth"
			}
			if n2, ok2 := parseNum(c.text, toks, k, false); ok2 && n2.vague == nil && n2.ordinal == n.ordinal && n.vague == nil && n.rng == nil && sign*n2.v > lo {
				if (c.word(m.from-1) == "from" || c.word(m.from-2) == "from" && currency != "") && sep == "to" {
					// "from 400 to 527": a change, not a range. The first
					// figure is superseded; the second is read on its own.
					m.supersede = true
					j = n2.to
					// unit and noun are read after the second figure
					hi = lo
				} else {
					hi = sign * n2.v
					j = n2.to
					tol = 0
					if between {
						m.from--
					}
				}
			}
		}
	}
	// Units after the figure: "40 kilometres", "155-mile-per-hour",
	// "21.4 ° C", "51°30′N", "29 years old", "$5 million dollars".
	if !n.share && !n.ratio && !n.rank {
		if !n.ordinal && currency == "" {
			if mp, next, ok := c.moneyAfter(j, m, &n); ok {
				currency, money, j = mp.code, mp, next
			}
		}
		if currency == "" {
			var ok bool
			j, ok = c.unitAfter(m, &n, j, &lo, &hi, &tol)
			if !ok {
				return nil, false
			}
		}
	}
	if currency != "" && money.factor == 1 && lo == hi && j > n.to {
		// "3 dollars 50 cents", "thirteen dollars and forty-five cents"
		j = c.minorAfter(j, currency, &lo, &hi)
	}
	if currency != "" {
		m.kind, m.unit = claims.KindMoney, currency
		if money.factor != 1 {
			lo, hi = lo*money.factor, hi*money.factor
			if money.name != "" {
				m.m().unitAs = strings.Join(money.words, " ") // "cents", "pence"
			}
		}
	}
	// Magnitude written before: "magnitude 6.1", "magnitude-6.1".
	if m.kind == claims.KindCount && !n.ordinal && m.unit == "" {
		k := m.from - 1
		if c.word(k) == "-" || c.word(k) == "of" {
			k-- // "magnitude-6.1", "a magnitude of 6.1"
		}
		for _, p := range qt.units[c.word(k)] {
			if p.u.before && len(p.words) == 1 {
				m.kind, m.unit, m.ud = p.u.kind, p.u.unit, p.u
				lo, hi = p.u.convert(lo), p.u.convert(hi)
				break
			}
		}
	}
	// A fraction of something is a share of it: "a third of voters",
	// "two-thirds of those killed"; a fraction hyphenated to a noun is a
	// modifier: "a two-thirds majority".
	if n.frac && m.kind == claims.KindCount && m.unit == "" {
		if c.word(j) == "of" {
			m.kind, m.unit = claims.KindPercent, "percent"
			lo, hi = lo*100, hi*100
		} else if n.to > n.from+1 && c.word(n.to-2) == "-" {
			return nil, false
		}
	}
	// Head noun: "59 Tomahawk cruise missiles", "ten of our servicemen".
	if m.kind == claims.KindCount && m.noun < 0 && !m.age && m.unit == "" && !n.rank {
		j = c.headNoun(m, i, j)
		if j < 0 {
			return nil, false
		}
	}
	// Any other plural noun right after the figure: "12 hangars", "two
	// runways". Such counts go to the lexicon's catch-all class.
	// Only figures in digits: "two sides" and "three things" are talk,
	// not counts.
	// A vague quantity names its noun after "of": "hundreds of gunshots".
	if m.kind == claims.KindCount && m.noun < 0 && !m.age && !m.ordinal && m.unit == "" && (!n.word || n.vague != nil) && j < len(toks) && c.x.lex.catchAll != "" {
		k := j
		if n.vague != nil && c.word(k) == "of" && k+1 < len(toks) {
			k++
		}
		t := toks[k]
		if t.kind == tWord && !t.cap && t.nl == 0 && len(t.low) >= 4 && strings.HasSuffix(t.low, "s") &&
			!c.is(k, wcNounStop) && !c.x.triggerWord[t.low] && !isNumberWord(t.low) && t.low != "times" {
			if _, isUnit := unitWords[t.low]; !isUnit {
				m.noun, m.class, m.category = k, c.x.lex.catchAll, t.low
				j = k + 1
			}
		}
	}
	// "aged 41", "who turns 70 next month": an age.
	if m.kind == claims.KindCount && m.noun < 0 && m.unit == "" && !n.ordinal && n.vague == nil && n.rng == nil &&
		lo == hi && lo >= 1 && lo <= 120 && lo == math.Trunc(lo) && qt.ageBefore[c.word(m.from-1)] {
		m.age, m.unit = true, "years"
	}
	// "the bodies of 16 people" counts bodies.
	if m.class != "" && m.from >= 2 && c.word(m.from-1) == "of" {
		if ref, isNoun := c.x.lex.nouns[c.word(m.from-2)]; isNoun && ref.class == "body" {
			m.class, m.category = ref.class, ref.category
		}
	}
	// A rate's period and the basis of money: "£230,000 per week", "$5m a
	// year before tax", "a gross salary of £100,000".
	if m.kind == claims.KindMoney || m.kind == claims.KindMeasure && m.dim() != "ratio" || m.kind == claims.KindCount && m.noun >= 0 {
		j = c.rateAfter(m, j)
	}
	// Qualifier before.
	qAt := m.from
	if c.word(qAt-1) == "the" && n.ordinal && !n.rank {
		qAt-- // "above the fifth"
	}
	if q, start, has := qualifierBefore(toks, qAt); has {
		// "over the" is not a qualifier; "some of" neither.
		m.qual = strings.Join(q.words, " ")
		m.from = start
		lo, hi = c.qualify(m, q.kind, lo, hi)
		tol = 0
	}
	// Suffix qualifiers: "or more", "or less", "or so", "plus", "or equal".
	if q, next, ok := suffixQualifier(toks, j); ok && !(q.words[0] == "plus" && m.noun >= 0) && !c.boundFollows(q, next) {
		switch q.kind {
		case qGE:
			hi, m.val.HiOpen = math.Inf(1), false
		case qLE:
			if lo >= 0 && !c.signed(m) {
				lo = 0
			} else {
				lo = math.Inf(-1)
			}
			m.val.LoOpen = false
		case qApprox:
			m.val.Approx = true
		case qClose:
			m.val.LoOpen, m.val.HiOpen = false, false
		}
		if q.kind != qClose || m.qual != "" {
			if m.qual != "" {
				m.qual += " " + strings.Join(q.words, " ")
			} else {
				m.qual = strings.Join(q.words, " ")
			}
			if q.words[0] == "+" {
				m.qual = "+"
			}
			j = next
			tol = 0
		}
	}
	if m.val.Approx {
		tol = ApproxTolerance
	}
	if m.kind == claims.KindPercent && c.falls(m, j) && lo >= 0 {
		// "fell 3.3%", "a 10% fall": a change below zero
		lo, hi = -hi, -lo
		m.val.LoOpen, m.val.HiOpen = m.val.HiOpen, m.val.LoOpen
	}
	m.val.Lo, m.val.Hi, m.val.Tol = lo, hi, tol
	if m.ordinal {
		m.kind = claims.KindOrdinal
	}
	if m.age {
		m.kind = claims.KindCount
	}
	if m.noun >= 0 && m.noun+1 > j {
		j = m.noun + 1
	}
	m.to = j
	// "at least 30 and at most 90": two bounds, one interval.
	c.joinBounds(m)
	// "1,200 deaths (95% CI, 400 to 2900)": the interval is the estimate's.
	c.intervalAfter(m)
	if m.supersede {
		// The second figure of "from 400 to 527" is read on its own.
		m.to, m.noun = n.to, -1
	}
	if m.val.Lo > m.val.Hi || math.IsNaN(m.val.Lo) || math.IsNaN(m.val.Hi) {
		return nil, false
	}
	return m, true
}

// upper reports whether the word toks[k] is written in capitals ("C",
// "MN", "USD").
func (c *docCtx) upper(k int) bool {
	t := c.toks[k]
	if !t.cap {
		return false
	}
	for _, r := range c.text[t.start:t.end] {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return true
}

// falls reports whether the share m, whose words end before toks[j], is a
// change that falls: "fell 3.3%", "down 3.2 percent", "a dip of around
// four percent", "a 10% fall", "3.3% lower"; not "fell to 3.3%".
func (c *docCtx) falls(m *mention, j int) bool {
	k := m.from - 1
	if w := c.word(k); w == "by" || w == "of" {
		k--
	}
	if c.toks != nil && k >= 0 && qt.fallsBefore[c.word(k)] && c.toks[k].kind == tWord {
		return true
	}
	return qt.fallsAfter[c.word(j)] && j < len(c.toks) && c.toks[j].kind == tWord
}

// signed reports whether m's dimension has figures below zero.
func (c *docCtx) signed(m *mention) bool {
	switch m.dim() {
	case "temperature", "latitude", "longitude":
		return true
	}
	return false
}

// signAt reads a sign at toks[k] for the number after it: "minus",
// "negative", a hyphen or the minus sign glued to the digits.
func (c *docCtx) signAt(k int) (float64, bool) {
	if k+1 >= len(c.toks) {
		return 0, false
	}
	w := c.toks[k].low
	if s, ok := qt.signs[w]; ok && c.toks[k].kind == tWord {
		return s, true
	}
	if (w == "-" || w == "−") && !c.toks[k+1].space && c.toks[k+1].kind == tNum {
		return -1, true
	}
	return 0, false
}

// signBefore reads what stands before the number at toks[i] and belongs
// to it: a sign ("-7°C", "minus 15", "−1.5", "negative ten") or the point
// of a decimal without its leading zero (".25").
func (c *docCtx) signBefore(m *mention, n *parsedNum, i int) {
	if m.numFrom != i || n.vague != nil {
		return
	}
	toks := c.toks
	k := i - 1
	if k >= 0 && toks[i].kind == tNum && toks[k].low == "." && !toks[i].space && (k == 0 || toks[k].space || !isWordOrNum(toks[k-1])) &&
		!strings.ContainsAny(toks[i].low, ".,") && n.to == i+1 {
		// ".25", "$.5"
		n.v = parseDecimal("0", toks[i].low)
		n.tol = 0
		m.from, m.numFrom = k, k
		k--
	}
	if k < 0 {
		return
	}
	w := toks[k].low
	switch {
	case toks[k].kind == tWord && qt.signs[w] != 0 && toks[m.numFrom].space:
		// "minus 15", "negative ten"; not "plus" after a figure ("87 plus")
		if w == "plus" && k > 0 && (toks[k-1].kind == tNum || isNumberWord(toks[k-1].low)) {
			return
		}
	case (w == "-" || w == "−" || w == "+") && !toks[m.numFrom].space && toks[m.numFrom].kind == tNum:
		// A hyphen is a sign only where it cannot join two things:
		// "-7°C", "(-5)", "at -40"; not "2017-18", "F-16", "pages 10-12".
		if k > 0 && !toks[k].space && w != "−" {
			if p := toks[k-1]; p.kind != tPunct || p.low == "-" || p.low == "/" {
				return
			}
		}
		if k > 0 && (toks[k-1].kind == tNum || isNumberWord(toks[k-1].low)) && w != "−" {
			return // "5 -3": a score or a range written apart
		}
	default:
		return
	}
	s := qt.signs[w]
	if w == "-" || w == "−" {
		s = -1
	}
	if w == "+" {
		s = 1
	}
	n.v *= s
	if n.rng != nil {
		n.rng.lo, n.rng.hi = s*n.rng.hi, s*n.rng.lo
		n.rng.loOpen, n.rng.hiOpen = n.rng.hiOpen, n.rng.loOpen
	}
	m.from, m.numFrom = k, k
}

func isWordOrNum(t token) bool { return t.kind == tWord || t.kind == tNum }

// decadePart narrows a decade by the part written before it: "the
// mid-30s" is [33, 37), "their late 40s" [47, 50).
func (c *docCtx) decadePart(m *mention, n *parsedNum) {
	k := m.numFrom - 1
	if c.word(k) == "-" && c.glued(k+1) {
		k--
	}
	p, ok := qt.decadeParts[c.word(k)]
	if !ok || n.to-n.from < 2 || n.rng.hi-n.rng.lo != 10 {
		return
	}
	base := n.rng.lo
	n.rng.lo, n.rng.hi = base+p[0], base+p[1]
	m.from, m.numFrom = k, k
}
