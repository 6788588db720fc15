package extract

import (
	"math"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// A mention is a quantity the parser read: its tokens, value, unit and the
// noun that says what it counts.
type mention struct {
	from, to    int // tokens of the whole mention, qualifier to noun
	numFrom     int // first token of the number itself
	numTo       int
	val         claims.Value
	kind        claims.Kind
	unit        string
	noun        int // token of the head noun, or -1
	class       string
	category    string
	qual        string
	ordinal     bool
	age         bool
	floors      bool
	date        *dateMention
	supersede   bool     // "from 400 to 527": the first figure is replaced
	partitive   bool     // the noun came after "of": "five of the dead"
	ofTok       int      // token after "of" following a unit ("37 seconds of silence"), or -1
	derived     string   // how a remainder was worked out ("16 - 1"); see remainders
	whole       *mention // the total a remainder is the rest of
	partOf      *mention // the total this figure is a part of: "16 bodies, including one person"
	ofWhole     *mention // the whole of a partitive: "12" in "12 of the 20 passengers died" has "20 passengers"
	isWhole     bool     // this figure is the whole of a partitive
	ofGroup     bool     // "nine of them", "two of the injured": a part of a group counted elsewhere
	groupSlot   string   // the slot that counts the group ("injured_count"), "" for "them"
	refCategory bool     // the category is the referent's ("nine of them"), not the figure's own
	slot        string   // the slot the figure's own form decides ("128-9": votes for and against)
	compound    bool     // a figure hyphenated to its noun as a modifier: "an eight-building complex"
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
)

// ApproxTolerance is the relative tolerance of a hedged figure ("about 60"
// admits 57 to 63).
const ApproxTolerance = 0.05

// NearlyRange is how far below its figure "nearly"/"almost" reaches
// ("nearly 3" admits 2.7 to 3).
const NearlyRange = 0.10

type qualDef struct {
	words []string
	kind  qualKind
}

// prefixQualifiers, longest first so "well over" wins over "over".
var prefixQualifiers = []qualDef{
	{[]string{"in", "excess", "of"}, qGT}, {[]string{"more", "than"}, qGT}, {[]string{"greater", "than"}, qGT},
	{[]string{"higher", "than"}, qGT}, {[]string{"lower", "than"}, qLT},
	{[]string{"upwards", "of"}, qGT}, {[]string{"well", "over"}, qGT}, {[]string{"just", "over"}, qGT},
	{[]string{"well", "above"}, qGT}, {[]string{"north", "of"}, qGT}, {[]string{"over"}, qGT}, {[]string{"above"}, qGT},
	{[]string{"exceeding"}, qGT}, {[]string{"surpassing"}, qGT},
	{[]string{"no", "fewer", "than"}, qGE}, {[]string{"no", "less", "than"}, qGE}, {[]string{"not", "less", "than"}, qGE},
	{[]string{"a", "minimum", "of"}, qGE}, {[]string{"at", "least"}, qGE},
	{[]string{"as", "many", "as"}, qLE}, {[]string{"as", "much", "as"}, qLE}, {[]string{"as", "high", "as"}, qLE},
	{[]string{"no", "more", "than"}, qLE}, {[]string{"not", "more", "than"}, qLE}, {[]string{"a", "maximum", "of"}, qLE},
	{[]string{"up", "to"}, qLE}, {[]string{"at", "most"}, qLE},
	{[]string{"fewer", "than"}, qLT}, {[]string{"less", "than"}, qLT}, {[]string{"just", "under"}, qLT},
	{[]string{"just", "below"}, qLT}, {[]string{"under"}, qLT}, {[]string{"below"}, qLT},
	{[]string{"just", "short", "of"}, qNear}, {[]string{"close", "to"}, qNear}, {[]string{"nearly"}, qNear},
	{[]string{"almost"}, qNear}, {[]string{"approaching"}, qNear}, {[]string{"nearing"}, qNear},
	{[]string{"an", "estimated"}, qApprox}, {[]string{"approximately"}, qApprox}, {[]string{"roughly"}, qApprox},
	{[]string{"around"}, qApprox}, {[]string{"about"}, qApprox}, {[]string{"some"}, qApprox},
	{[]string{"estimated"}, qApprox}, {[]string{"circa"}, qApprox}, {[]string{"approx"}, qApprox},
	{[]string{"~"}, qApprox}, {[]string{"an", "approximate"}, qApprox},
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

// fractionWords after a hyphen make a fraction: "two-thirds".
var fractionWords = map[string]bool{"third": true, "thirds": true, "quarter": true, "quarters": true,
	"fifth": true, "fifths": true, "half": true, "tenth": true, "tenths": true}

// groupWords name the people a toll counts; "two of the injured" is a
// part of such a group.
var groupWords = map[string]string{"dead": "death_toll", "killed": "death_toll", "victims": "death_toll",
	"casualties": "death_toll", "injured": "injured_count", "wounded": "injured_count", "hurt": "injured_count",
	"missing": "missing_count", "survivors": "survivor_count"}

var determiners = map[string]bool{
	"the": true, "our": true, "their": true, "its": true, "his": true, "her": true, "those": true,
	"these": true, "them": true, "us": true, "whom": true, "which": true,
}

// compoundUnit reads a unit of two words at toks[j], written apart or
// hyphenated after the figure: "square miles", "-square-mile", "miles per
// hour", "-mile-per-hour", "km an hour". It returns the unit and the
// token after it.
func (c *docCtx) compoundUnit(j int) (unitDef, int, bool) {
	word := func(k int) string {
		if c.word(k) == "-" && k+1 < len(c.toks) && !c.toks[k].space && !c.toks[k+1].space {
			k++
		}
		return c.word(k)
	}
	skip := func(k int) int { // past a glued hyphen
		if c.word(k) == "-" && k+1 < len(c.toks) && !c.toks[k].space && !c.toks[k+1].space {
			return k + 1
		}
		return k
	}
	k := skip(j)
	if word(j) == "square" {
		k = skip(k + 1)
		if u, ok := unitWords[c.word(k)]; ok && u.unit == "m" {
			return unitDef{claims.KindMeasure, "m2", u.factor * u.factor}, k + 1, true
		}
		return unitDef{}, j, false
	}
	u, ok := unitWords[c.word(k)]
	if !ok || u.unit != "m" || c.toks[k].kind != tWord {
		return unitDef{}, j, false
	}
	q := skip(k + 1)
	if w := c.word(q); w == "per" || w == "an" || w == "a" {
		h := skip(q + 1)
		if c.word(h) == "hour" {
			return unitDef{claims.KindMeasure, "m/s", u.factor / 3600}, h + 1, true
		}
	}
	return unitDef{}, j, false
}

// qualifierBefore matches a qualifier ending just before token i.
// The longest match wins: "no more than 6" is at most 6, not more than 6.
func qualifierBefore(toks []token, i int) (qualDef, int, bool) {
	best, found := qualDef{}, false
	for _, q := range prefixQualifiers {
		n := len(q.words)
		if i-n < 0 || found && n <= len(best.words) {
			continue
		}
		ok := true
		for k, w := range q.words {
			if toks[i-n+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			best, found = q, true
		}
	}
	if !found {
		return qualDef{}, i, false
	}
	return best, i - len(best.words), true
}

func (c *docCtx) word(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].low
}

// glued reports whether toks[i] follows toks[i-1] with no space.
func (c *docCtx) glued(i int) bool { return i < len(c.toks) && !c.toks[i].space }

// quantity reads a quantity whose number starts at toks[i].
func (c *docCtx) quantity(i int) (*mention, bool) {
	toks := c.toks
	var n parsedNum
	ok := false
	w := toks[i].low
	// Article forms: "a dozen", "a couple of", "a few", "several", "an hour".
	switch {
	case (w == "a" || w == "an") && i+1 < len(toks):
		nx := toks[i+1].low
		switch nx {
		case "dozen":
			n, ok = parsedNum{v: 12, from: i, to: i + 2, word: true}, true
		case "couple":
			to := i + 2
			if c.word(to) == "of" {
				to++
			}
			n, ok = parsedNum{from: i, to: to, word: true, vague: &vagueRange{2, 3}}, true
		case "few", "handful":
			to := i + 2
			if c.word(to) == "of" {
				to++
			}
			n, ok = parsedNum{from: i, to: to, word: true, vague: &vagueRange{2, 6}}, true
		case "hundred", "thousand", "million", "billion":
			n, ok = parsedNum{v: scales[nx], from: i, to: i + 2, word: true}, true
		default:
			if u, isUnit := unitWords[nx]; isUnit && (u.kind == claims.KindDuration || u.kind == claims.KindMeasure) && len(nx) > 2 {
				// "an hour", "a mile": only after a qualifier or "for"/"lasted".
				prev := c.word(i - 1)
				if _, _, q := qualifierBefore(toks, i); q || prev == "for" || prev == "lasted" || prev == "within" {
					n, ok = parsedNum{v: 1, from: i, to: i + 1, word: true}, true
				}
			}
		}
	case w == "half" && c.word(i+1) == "an" && c.word(i+2) == "hour":
		n, ok = parsedNum{v: 0.5, from: i, to: i + 2, word: true}, true
	case w == "several":
		n, ok = parsedNum{from: i, to: i + 1, word: true, vague: &vagueRange{3, 9}}, true
	default:
		n, ok = parseNumber(c.text, toks, i)
	}
	if !ok {
		return nil, false
	}
	// "Flight 302", "Route 91": a number after an identifier word names.
	if i > 0 && toks[i].kind == tNum && toks[i-1].kind == tWord && c.x.lex.identifier[toks[i-1].low] && toks[i-1].cap {
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
	m := &mention{from: i, numFrom: i, to: n.to, numTo: n.to, noun: -1, ofTok: -1, kind: claims.KindCount, ordinal: n.ordinal}
	lo, hi := n.v, n.v
	tol := n.tol
	if n.vague != nil {
		lo, hi = n.vague.lo, n.vague.hi
		m.val.Vague = true
		m.val.HiOpen = true
	}
	if n.approx {
		m.val.Approx = true
	}
	j := n.to
	// Currency before: "$3bn", "US$ 2m", "£5m".
	currency := ""
	if i > 0 {
		if cur, isCur := currencySymbols[toks[i-1].low]; isCur {
			currency = cur
			m.from = i - 1
			if i > 1 && toks[i-2].low == "us" && !toks[i-1].space {
				m.from = i - 2
			}
			if toks[i-1].low == "$" && i > 1 && !toks[i-1].space && toks[i-2].kind == tWord {
				switch toks[i-2].low {
				case "a", "au":
					currency = "AUD"
				case "c", "ca":
					currency = "CAD"
				case "nz":
					currency = "NZD"
				case "hk":
					currency = "HKD"
				}
			}
		} else if cur, isCur := currencyWords[toks[i-1].low]; isCur && strings.ToUpper(toks[i-1].low) == cur && toks[i-1].kind == tWord {
			currency = cur
			m.from = i - 1
		}
	}
	// Ranges: "20,000 to 25,000", "6.1-6.3", "three or four", "between 100 and 600".
	between := c.word(m.from-1) == "between"
	if j+1 < len(toks) {
		sep := toks[j].low
		isRange := sep == "-" || sep == "–" || sep == "to" || sep == "or" || (between && sep == "and")
		if sep == "-" && !toks[j].space && toks[j+1].kind == tWord {
			isRange = false // "two-hour"
		}
		if isRange {
			if n2, ok2 := parseNum(c.text, toks, j+1, false); ok2 && n2.vague == nil && !n2.ordinal && n.vague == nil && n2.v > n.v {
				if c.word(m.from-1) == "from" && sep == "to" {
					// "from 400 to 527": a change, not a range. The first
					// figure is superseded; the second is read on its own.
					m.supersede = true
					j = n2.to
					// unit and noun are read after the second figure
					hi = n.v
				} else {
					hi = n2.v
					j = n2.to
					tol = 0
					if between {
						m.from--
					}
				}
			}
		}
	}
	// Units of two words: "155 miles per hour", "223-square-mile".
	if u, next, ok := c.compoundUnit(j); ok {
		m.kind, m.unit = u.kind, u.unit
		lo, hi = lo*u.factor, hi*u.factor
		j = next
	}
	// Hyphenated units: "two-hour", "64-year-old", "24-storey", "6.1-magnitude".
	if m.unit == "" && j+1 < len(toks) && toks[j].low == "-" && !toks[j].space && toks[j+1].kind == tWord && !toks[j+1].space {
		hw := toks[j+1].low
		switch {
		case hw == "year" && c.word(j+2) == "-" && c.word(j+3) == "old":
			m.age, m.unit = true, "years"
			j += 4
		case hw == "magnitude":
			m.kind, m.unit = claims.KindMeasure, "Mw"
			j += 2
		default:
			if u, isUnit := unitWords[hw]; isUnit && hw != "m" {
				m.kind, m.unit = u.kind, u.unit
				lo, hi = lo*u.factor, hi*u.factor
				j += 2
			} else if ref, isNoun := c.x.lex.nouns[hw]; isNoun {
				m.noun, m.class, m.category = j+1, ref.class, ref.category
				m.floors = ref.class == "floor"
				m.compound = true
				j += 2
			} else if fractionWords[hw] || toks[j+1].kind == tWord && !strings.HasSuffix(hw, "s") {
				// "two-thirds of those killed"; "an eight-building
				// complex", "a three-bedroom flat": a modifier, not a count
				return nil, false
			}
		}
	}
	// Units and currencies after the number.
	if m.unit == "" && j < len(toks) {
		uw := toks[j].low
		switch {
		case uw == "%" || (uw == "per" && c.word(j+1) == "cent") || uw == "percent" || uw == "pc":
			m.kind, m.unit = claims.KindPercent, "percent"
			j++
			if uw == "per" {
				j++
			}
			if c.word(j) == "points" {
				j++
				m.unit = "percentage points"
			}
		case currencyWords[uw] != "" && currency == "" && (toks[j].kind == tWord):
			currency = currencyWords[uw]
			j++
		case uw == "magnitude" && m.kind == claims.KindCount:
			m.kind, m.unit = claims.KindMeasure, "Mw"
			j++
		default:
			if u, isUnit := unitWords[uw]; isUnit && toks[j].kind == tWord && !(uw == "m" && currency != "") && !n.ordinal {
				if u.unit == "degC" && (c.word(j+1) == "fahrenheit" || c.word(j+1) == "f") {
					m.kind, m.unit = claims.KindMeasure, "degF"
					j += 2
				} else {
					m.kind, m.unit = u.kind, u.unit
					lo, hi = lo*u.factor, hi*u.factor
					j++
					if u.unit == "degC" && (c.word(j) == "celsius" || c.word(j) == "centigrade" || c.word(j) == "c") {
						j++
					}
				}
				if c.word(j) == "of" && j+1 < len(toks) && toks[j+1].kind == tWord {
					m.ofTok = j + 1
				}
			}
		}
	}
	if currency != "" {
		m.kind, m.unit = claims.KindMoney, currency
	}
	// Magnitude written before: "magnitude 6.1", "magnitude-6.1".
	if m.kind == claims.KindCount && !n.ordinal {
		k := m.from - 1
		if c.word(k) == "-" || c.word(k) == "of" {
			k-- // "magnitude-6.1", "a magnitude of 6.1"
		}
		if c.word(k) == "magnitude" {
			m.kind, m.unit = claims.KindMeasure, "Mw"
		}
	}
	// Head noun: "59 Tomahawk cruise missiles", "ten of our servicemen".
	if m.kind == claims.KindCount && m.noun < 0 && !m.age {
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
				return nil, false // "could reach three figures"
			}
			if stopNoun[t.low] || c.x.triggerWord[t.low] || k > j && t.kind == tWord && isNumberWord(t.low) {
				break
			}
		}
	}
	// Any other plural noun right after the figure: "12 hangars", "two
	// runways". Such counts go to the lexicon's catch-all class.
	// Only figures in digits: "two sides" and "three things" are talk,
	// not counts.
	// A vague quantity names its noun after "of": "hundreds of gunshots".
	if m.kind == claims.KindCount && m.noun < 0 && !m.age && !m.ordinal && (!n.word || n.vague != nil) && j < len(toks) && c.x.lex.catchAll != "" {
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
	// "the bodies of 16 people" counts bodies.
	if m.class != "" && m.from >= 2 && c.word(m.from-1) == "of" {
		if ref, isNoun := c.x.lex.nouns[c.word(m.from-2)]; isNoun && ref.class == "body" {
			m.class, m.category = ref.class, ref.category
		}
	}
	// Qualifier before.
	if q, start, has := qualifierBefore(toks, m.from); has {
		// "over the" is not a qualifier; "some of" neither.
		m.qual = strings.Join(q.words, " ")
		m.from = start
		switch q.kind {
		case qGT:
			hi, m.val.LoOpen, m.val.HiOpen = math.Inf(1), true, false
		case qGE:
			hi, m.val.HiOpen = math.Inf(1), false
		case qLE:
			lo = 0
			m.val.HiOpen = false
		case qLT:
			lo, m.val.HiOpen = 0, true
		case qNear:
			lo = hi * (1 - NearlyRange)
		case qApprox:
			m.val.Approx = true
		}
		tol = 0
	}
	// Suffix qualifiers: "or more", "or so", "plus".
	switch {
	case c.word(j) == "or" && (c.word(j+1) == "more" || c.word(j+1) == "greater"):
		hi, m.val.HiOpen = math.Inf(1), false
		m.qual = "or more"
		j += 2
	case c.word(j) == "or" && c.word(j+1) == "so":
		m.val.Approx = true
		m.qual = "or so"
		j += 2
	case c.word(j) == "+" && !toks[j].space || c.word(j) == "plus" && m.noun < 0:
		hi, m.val.HiOpen = math.Inf(1), false
		m.qual = "+"
		j++
	}
	if m.val.Approx {
		tol = ApproxTolerance
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
	if m.supersede {
		// The second figure of "from 400 to 527" is read on its own.
		m.to, m.noun = n.to, -1
	}
	return m, true
}

func isNumberWord(w string) bool {
	if _, ok := units[w]; ok {
		return true
	}
	_, ok := tens[w]
	return ok
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
