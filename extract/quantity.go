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

// stopNoun ends the search for a head noun after a number.
var stopNoun = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "to": true, "and": true,
	"or": true, "but": true, "were": true, "was": true, "is": true, "are": true, "be": true, "been": true,
	"being": true, "have": true, "has": true, "had": true, "that": true, "which": true, "who": true,
	"whom": true, "said": true, "says": true, "from": true, "with": true, "by": true, "for": true,
	"as": true, "after": true, "before": true, "during": true, "since": true, "than": true, "into": true,
	"per": true, "of": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"this": true, "these": true, "those": true, "their": true, "its": true, "his": true, "her": true,
	"our": true, "when": true, "where": true, "while": true, "not": true, "no": true, "it": true,
	"they": true, "he": true, "she": true, "we": true, "you": true, "i": true, "across": true,
	"over": true, "under": true, "out": true, "up": true, "down": true, "ago": true, "later": true,
	"earlier": true, "each": true, "every": true, "all": true, "both": true, "including": true,
}

// groupWords name the people a toll counts; "two of the injured" is a
// part of such a group.
var groupWords = map[string]string{"dead": "death_toll", "killed": "death_toll", "victims": "death_toll",
	"casualties": "death_toll", "injured": "injured_count", "wounded": "injured_count", "hurt": "injured_count",
	"missing": "missing_count", "survivors": "survivor_count"}

var determiners = map[string]bool{
	"the": true, "our": true, "their": true, "its": true, "his": true, "her": true, "those": true,
	"these": true, "them": true, "us": true, "whom": true, "which": true,
}

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
			!stopNoun[t.low] && !c.x.triggerWord[t.low] && !isNumberWord(t.low) && t.low != "times" {
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

// headNoun finds the noun a count counts after toks[j]: "59 Tomahawk
// cruise missiles", "ten of our servicemen", "two of the injured". It
// returns the token after the mention so far, or -1 when the figure is
// no count ("could reach three figures").
func (c *docCtx) headNoun(m *mention, i, j int) int {
	toks := c.toks
	k := j
	if c.word(k) == "of" {
		k++
		if determiners[c.word(k)] {
			k++
		}
	}
	partitive := k > j
	if g, ok := groupWords[c.word(k)]; ok && partitive && c.sentOf[k] == c.sentOf[i] {
		// "two of the injured": a part of a group a toll counts
		m.noun, m.class, m.partitive, m.ofGroup, m.groupSlot = k, "person", true, true, g
		j = k + 1
	}
	if partitive && m.noun < 0 {
		// "106 of those", "23 of them": the whole named before.
		if w := c.word(k - 1); (w == "those" || w == "them" || w == "these" || w == "whom") && (k >= len(toks) || toks[k].kind != tWord || stopNoun[toks[k].low]) {
			if ref, at, ok := c.previousNoun(m.from); ok {
				m.noun, m.class, m.category, m.partitive = at, ref.class, ref.category, true
				m.ofGroup, m.refCategory = true, true // the group's slot and category are the referent's
				j = k                                 // the evidence is "seven of whom", "106 of those"
			}
		}
	}
	for steps := 0; m.noun < 0 && k < len(toks) && steps < 4; k, steps = k+1, steps+1 {
		t := toks[k]
		if c.sentOf[k] != c.sentOf[i] {
			break
		}
		if t.kind == tPunct {
			if t.low == "-" && !t.space {
				continue
			}
			break
		}
		if t.kind == tNum && partitive && k+1 < len(toks) {
			// "23 of Grenfell's 129 flats": the part counts what the
			// whole counts.
			if ref, isNoun := c.x.lex.nouns[toks[k+1].low]; isNoun {
				m.class, m.category, m.partitive = ref.class, ref.category, true
			}
			break
		}
		if t.kind != tWord {
			break
		}
		if ref, isNoun := c.x.lex.nouns[t.low]; isNoun {
			m.noun, m.class, m.category = k, ref.class, ref.category
			// A compound keeps its last noun: "59 Tomahawk cruise missiles".
			for q := k + 1; q < len(toks) && q <= k+2 && toks[q].kind == tWord; q++ {
				if r2, ok := c.x.lex.nouns[toks[q].low]; ok && r2.class == ref.class {
					m.noun, m.category = q, r2.category
					if ref.category != "" {
						m.category = ref.category
					}
				} else if stopNoun[toks[q].low] || c.x.triggerWord[toks[q].low] {
					break
				}
			}
			// "300 drones and missiles": one count of two kinds.
			if w := c.word(m.noun + 1); (w == "and" || w == "or") && m.noun+2 < len(toks) {
				if r2, ok := c.x.lex.nouns[toks[m.noun+2].low]; ok && r2.class == ref.class && r2.category != m.category {
					m.noun, m.category = m.noun+2, ""
				}
			}
			j = m.noun + 1
			m.floors = ref.class == "floor"
			m.partitive = partitive
			if g, ok := groupWords[t.low]; ok && partitive {
				m.ofGroup, m.groupSlot = true, g
			}
			break
		}
		if t.low == "figures" || t.low == "digits" {
			return -1 // "could reach three figures"
		}
		if stopNoun[t.low] || c.x.triggerWord[t.low] || k > j && t.kind == tWord && isNumberWord(t.low) {
			break
		}
	}
	return j
}

// previousNoun finds the counted noun of the nearest figure before token i
// in the same or the previous sentence: what "those" in "106 of those"
// stands for.
func (c *docCtx) previousNoun(i int) (nounRef, int, bool) {
	si := c.sentOf[i]
	for k := i - 1; k >= 0 && c.sentOf[k] >= si-1; k-- {
		if c.toks[k].kind != tWord || k == 0 {
			continue
		}
		p := c.toks[k-1]
		if ref, ok := c.x.lex.nouns[c.toks[k].low]; ok && (p.kind == tNum || isNumberWord(p.low)) {
			return ref, k, true
		}
	}
	return nounRef{}, -1, false
}
