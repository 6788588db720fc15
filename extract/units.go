package extract

import (
	_ "embed"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/factcheck/factcheck/claims"
)

// The words of numbers and the table of units are data: numbers.yaml and
// units.yaml, built into the binary and read once, when the package is
// loaded, as the lexicon is. Their formats are documented in the files.
var (
	//go:embed numbers.yaml
	builtinNumbers []byte
	//go:embed units.yaml
	builtinUnits []byte
)

// Seconds in the units of time (a month is 30.4375 days, a year 365.25).
const (
	minute = 60.0
	hour   = 3600.0
	day    = 86400.0
	week   = 7 * day
	month  = 30.4375 * day
	year   = 365.25 * day
)

// A phrase is a unit, a qualifier or another expression of one or more
// lower-case words, as tokens.
type phrase []string

// unitDef says what a unit is and how its figures convert to its
// dimension's unit: (value + offset) × num / den.
type unitDef struct {
	kind   claims.Kind
	unit   string // the dimension's unit: what claims.Claim.Unit holds
	name   string // the unit as written, for claims.Frame.Unit ("mi", "degF")
	dim    string // the dimension ("length", "temperature")
	num    float64
	den    float64
	offset float64
	factor *big.Rat // num / den, exactly
	off    *big.Rat // offset, exactly (nil for none)
	// The factor fn/fd and the offset on/od in integers, when they fit
	// (int is false otherwise): a conversion is then integer arithmetic
	// and one division.
	fn, fd, on, od int64
	ints           bool
	glued          bool // only glued to the digits: "50p", "9mm"
	before         bool // may be written before its figure: "magnitude 6.1"
	caps           byte // 'u': written in capitals ("22MN"); 'l': in lower case ("5in"); 0: either
}

// convert converts v in u to its dimension's unit.
// The product is worked out exactly, as the decimals are written ("10
// pounds" is 4.5359237 kg, not 4.535923700000001), and rounded once.
func (u *unitDef) convert(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	if u.num == 1 && u.den == 1 && u.offset == 0 {
		return v
	}
	if u.factor == nil {
		return (v + u.offset) * u.num / u.den
	}
	if u.ints {
		if f, ok := u.intConvert(v); ok {
			return f
		}
	}
	x, ok := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	if !ok {
		return (v + u.offset) * u.num / u.den
	}
	if u.off != nil {
		x.Add(x, u.off)
	}
	f, _ := x.Mul(x, u.factor).Float64()
	return f
}

// A unitPhrase is one way of writing a unit.
type unitPhrase struct {
	words phrase
	u     *unitDef
}

// A moneyPhrase is one way of writing a currency (or its minor unit,
// when factor is not 1).
type moneyPhrase struct {
	words  phrase
	code   string
	factor float64
	name   string // the minor unit as written ("cent", "penny"), or ""
}

// A tagPhrase is a phrase that means tag: a rate's period, a basis.
type tagPhrase struct {
	words phrase
	tag   string
}

// hemisphere says what a hemisphere letter does to a coordinate.
type hemisphere struct {
	sign float64
	u    *unitDef
}

// quantTables is what numbers.yaml and units.yaml say.
type quantTables struct {
	// numbers.yaml
	cardinals, tens, ordinals, denominators, scales map[string]float64
	abbrev                                          map[string]abbrevScale
	dozen                                           map[string]bool
	vague                                           map[string]vagueRange
	signs                                           map[string]float64
	point                                           map[string]bool
	shareOf                                         []phrase
	multiples                                       map[string]float64
	multipleSuffixes                                map[string]bool
	decadeParts                                     map[string][2]float64
	odd                                             map[string]bool
	rangeSeps                                       map[string]bool
	between                                         map[string]bool
	qualByLast, qualByFirst, suffixByFirst          map[string][]qualDef // longest first
	boundJoins                                      []phrase
	fallsBefore, fallsAfter                         map[string]bool
	intervalWords                                   []phrase

	// units.yaml
	dims          map[string]*unitDef // each dimension's own unit
	units         map[string][]unitPhrase
	byName        map[string]*unitDef
	degrees       map[string]bool
	scaleLetters  map[string]*unitDef
	minuteMarks   map[string]bool
	secondMarks   map[string]bool
	hemispheres   map[string]hemisphere
	metreContext  map[string]bool
	massContext   map[string]bool
	diffBefore    map[string]bool
	diffAfter     []phrase
	moneyContext  map[string]bool
	ageAfter      []phrase
	ageBefore     map[string]bool
	rankBefore    map[string]bool
	symbols       map[string][]moneyPhrase // by first word: "$", "us $", "£"
	symbolsByLast map[string][]moneyPhrase // by last word, longest first
	moneyWords    map[string][]moneyPhrase // after it: "dollars", "australian dollars", "cents"
	minorGlued    map[string]moneyPhrase   // glued after the figure: "50p"
	codes         map[string]string        // "usd" → "USD", before or after the figure
	dollarAfter   map[string]string        // "$US26.2b"
	rates         map[string][]tagPhrase
	// Indexes of the words above, so that a figure followed by none of
	// them costs one lookup.
	tempWords       map[string]bool // may start a temperature's unit
	moneyAfterWords map[string]bool // may start a currency after a figure
	scaledCodes     map[string]scaledCode
	shareFirst      map[string]bool // the first words of share_of
	rateNotBefore   map[string]bool
	bases           map[string][]tagPhrase
}

// scaledCode is a scale glued to a currency code: "meur", "bnusd".
type scaledCode struct {
	scale float64
	code  string
}

// abbrevScale is an abbreviated scale: "k", "bn", "mln".
type abbrevScale struct {
	value float64
	apart bool // also written apart from the digits: "12.4 mln"
}

// qt holds the built-in tables; the package-level names the rest of the
// package reads are views of it.
var qt = mustLoadQuantTables()

var (
	units        = qt.cardinals // "one" … "nineteen"
	tens         = qt.tens
	ordinalWords = qt.ordinals
	// scales holds every scale word and abbreviation (quantityWord
	// starts quantities at them).
	scales     = allScales(qt)
	vagueWords = qt.vague
	// unitWords holds the first word of every unit written apart from
	// its figure: a figure before one is a measure, not a year.
	unitWords = apartUnits(qt)
)

// quantityStarts are the words, besides the number words, that a
// quantity can start with and that the extractor's loop must try:
// "quadrupled", "doubling". (Signs, "No" and the point of ".25" are read
// from the figure after them.)
var quantityStarts = func() map[string]bool {
	m := map[string]bool{}
	for w := range qt.multiples {
		m[w] = true
	}
	return m
}()

func apartUnits(t *quantTables) map[string]bool {
	m := map[string]bool{}
	for w, ps := range t.units {
		for _, p := range ps {
			if !p.u.glued {
				m[w] = true
			}
		}
	}
	return m
}

func allScales(t *quantTables) map[string]float64 {
	m := map[string]float64{}
	for w, v := range t.scales {
		m[w] = v
	}
	for w, a := range t.abbrev {
		m[w] = a.value
	}
	return m
}

func mustLoadQuantTables() *quantTables {
	t, err := loadQuantTables("numbers.yaml (built in)", builtinNumbers, "units.yaml (built in)", builtinUnits)
	if err != nil {
		panic(err)
	}
	return t
}

// loadQuantTables reads numbers.yaml and units.yaml. An error names the
// file, line and column.
func loadQuantTables(numFile string, numData []byte, unitFile string, unitData []byte) (*quantTables, error) {
	t := &quantTables{}
	if err := t.loadNumbers(numFile, numData); err != nil {
		return nil, err
	}
	if err := t.loadUnits(unitFile, unitData); err != nil {
		return nil, err
	}
	return t, nil
}

// yamlDoc decodes data and returns its top mapping, checked against keys.
func yamlDoc(file string, data []byte, keys ...string) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return nil, &LexiconError{File: file, Msg: "empty file"}
	}
	doc := root.Content[0]
	if err := checkKeys(file, doc, keys...); err != nil {
		return nil, err
	}
	var v struct {
		Version int `yaml:"version"`
	}
	if err := doc.Decode(&v); err != nil {
		return nil, yamlError(file, err)
	}
	if v.Version != 1 {
		line, col := keyPos(doc, "version")
		return nil, &LexiconError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("unsupported version %d (want 1)", v.Version)}
	}
	return doc, nil
}

// section returns the value of key in the mapping n, or nil.
func section(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// decodeInto decodes the section key of n into v; a missing section
// leaves v as it is.
func decodeInto(file string, n *yaml.Node, key string, v any) error {
	s := section(n, key)
	if s == nil {
		return nil
	}
	if err := s.Decode(v); err != nil {
		return yamlError(file, err)
	}
	return nil
}

func nodeErr(file string, n *yaml.Node, format string, args ...any) error {
	if n == nil {
		return &LexiconError{File: file, Msg: fmt.Sprintf(format, args...)}
	}
	return &LexiconError{File: file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

// toPhrase splits a phrase of the tables into its tokens; a hyphen inside
// a word matches a hyphen or a space ("pre-tax", "kilowatt-hour").
func toPhrase(s string) phrase {
	var p phrase
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if len(w) > 1 && strings.Contains(w, "-") {
			for _, part := range strings.Split(w, "-") {
				if part != "" {
					p = append(p, part)
				}
			}
			continue
		}
		p = append(p, w)
	}
	return p
}

func phrases(ss []string) []phrase {
	out := make([]phrase, 0, len(ss))
	for _, s := range ss {
		if p := toPhrase(s); len(p) > 0 {
			out = append(out, p)
		}
	}
	sortLongestFirst(out)
	return out
}

func sortLongestFirst(ps []phrase) {
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
}

func wordSet(ss []string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[strings.ToLower(s)] = true
	}
	return m
}

// pow10 holds the powers of ten a float64 holds exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
	1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// decimalParts splits v's shortest decimal form into mant × 10^exp.
func decimalParts(v float64) (mant, exp int64, ok bool) {
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], v, 'e', -1, 64) // "-4.5359237e+00"
	neg := false
	if len(b) > 0 && b[0] == '-' {
		neg, b = true, b[1:]
	}
	e := -1
	for i, c := range b {
		if c == 'e' {
			e = i
			break
		}
	}
	if e < 0 {
		return 0, 0, false
	}
	digits := 0
	for _, c := range b[:e] {
		if c == '.' {
			continue
		}
		if digits >= 17 {
			return 0, 0, false
		}
		mant = mant*10 + int64(c-'0')
		digits++
	}
	x, err := strconv.Atoi(string(b[e+1:]))
	if err != nil {
		return 0, 0, false
	}
	if neg {
		mant = -mant
	}
	return mant, int64(x - (digits - 1)), true
}

// intConvert converts v, as its shortest decimal a × 10^e, with integers:
// (a×10^e + on/od) × fn/fd, one division at the end; ok is false when a
// product does not fit in 53 bits.
func (u *unitDef) intConvert(v float64) (float64, bool) {
	a, e, ok := decimalParts(v)
	if !ok || e > 15 || e < -15 {
		return 0, false
	}
	// v = num/den
	num, den := a, int64(1)
	if e >= 0 {
		if num, ok = mul53(a, int64(pow10[e])); !ok {
			return 0, false
		}
	} else {
		den = int64(pow10[-e])
	}
	if u.on != 0 { // num/den + on/od
		x, ok1 := mul53(num, u.od)
		y, ok2 := mul53(u.on, den)
		d, ok3 := mul53(den, u.od)
		if !ok1 || !ok2 || !ok3 {
			return 0, false
		}
		num, den = x+y, d
	}
	n, ok1 := mul53(num, u.fn)
	d, ok2 := mul53(den, u.fd)
	if !ok1 || !ok2 {
		return 0, false
	}
	return float64(n) / float64(d), true
}

// mul53 multiplies a and b, ok while the product's magnitude is below
// 2^53 (a float64 holds it exactly).
func mul53(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(absInt(a)), uint64(absInt(b)))
	if hi != 0 || lo >= 1<<53 {
		return 0, false
	}
	p := int64(lo)
	if (a < 0) != (b < 0) {
		p = -p
	}
	return p, true
}

func absInt(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// intFraction gives a factor and an offset as fractions of int64s, when
// they fit in 53 bits.
func intFraction(factor, off *big.Rat) (fn, fd, on, od int64, ok bool) {
	small := func(r *big.Rat) (int64, int64, bool) {
		if r == nil {
			return 0, 1, true
		}
		n, d := r.Num(), r.Denom()
		if n.BitLen() > 53 || d.BitLen() > 53 {
			return 0, 0, false
		}
		return n.Int64(), d.Int64(), true
	}
	if factor == nil {
		return 0, 0, 0, 0, false
	}
	fn, fd, ok1 := small(factor)
	on, od, ok2 := small(off)
	return fn, fd, on, od, ok1 && ok2
}

// exactRatio reads a factor as an exact fraction ("1609.344", "5/9"); a
// factor written otherwise than in plain decimals has none.
func exactRatio(s string) *big.Rat {
	if len(s) > 40 || strings.Trim(s, "0123456789./ -") != "" {
		return nil
	}
	a, b, frac := strings.Cut(strings.TrimSpace(s), "/")
	n, ok := new(big.Rat).SetString(strings.TrimSpace(a))
	if !ok {
		return nil
	}
	if frac {
		d, ok := new(big.Rat).SetString(strings.TrimSpace(b))
		if !ok || d.Sign() == 0 {
			return nil
		}
		n.Quo(n, d)
	}
	return n
}

// ratio reads a factor: a number or a fraction "5/9".
func ratio(s string) (num, den float64, ok bool) {
	a, b, frac := strings.Cut(strings.TrimSpace(s), "/")
	n, err := strconv.ParseFloat(strings.TrimSpace(a), 64)
	if err != nil {
		return 0, 0, false
	}
	if !frac {
		return n, 1, true
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err != nil || d == 0 {
		return 0, 0, false
	}
	return n, d, true
}

func (t *quantTables) loadNumbers(file string, data []byte) error {
	doc, err := yamlDoc(file, data, "version", "cardinals", "tens", "ordinals", "denominators", "scales",
		"abbreviations", "dozen", "vague", "signs", "point", "share_of", "multiples", "multiple_suffixes",
		"decade_parts", "odd", "range_separators", "between", "qualifiers", "suffix_qualifiers", "bound_joins",
		"interval_words", "falls_before", "falls_after")
	if err != nil {
		return err
	}
	for _, s := range []struct {
		key string
		m   *map[string]float64
	}{{"cardinals", &t.cardinals}, {"tens", &t.tens}, {"ordinals", &t.ordinals}, {"denominators", &t.denominators},
		{"scales", &t.scales}, {"signs", &t.signs}, {"multiples", &t.multiples}} {
		*s.m = map[string]float64{}
		if err := decodeInto(file, doc, s.key, s.m); err != nil {
			return err
		}
	}
	var abbrev map[string]struct {
		Value float64 `yaml:"value"`
		Apart bool    `yaml:"apart"`
	}
	if err := decodeInto(file, doc, "abbreviations", &abbrev); err != nil {
		return err
	}
	t.abbrev = map[string]abbrevScale{}
	for w, a := range abbrev {
		t.abbrev[w] = abbrevScale{a.Value, a.Apart}
	}
	var vague map[string][2]float64
	if err := decodeInto(file, doc, "vague", &vague); err != nil {
		return err
	}
	t.vague = map[string]vagueRange{}
	for w, r := range vague {
		t.vague[w] = vagueRange{r[0], r[1]}
	}
	if err := decodeInto(file, doc, "decade_parts", &t.decadeParts); err != nil {
		return err
	}
	var lists struct {
		dozen, point, shareOf, suffixes, odd, seps, between, joins, interval, fallsBefore, fallsAfter []string
	}
	for _, s := range []struct {
		key string
		v   *[]string
	}{{"dozen", &lists.dozen}, {"point", &lists.point}, {"share_of", &lists.shareOf},
		{"multiple_suffixes", &lists.suffixes}, {"odd", &lists.odd}, {"range_separators", &lists.seps},
		{"between", &lists.between}, {"bound_joins", &lists.joins}, {"interval_words", &lists.interval},
		{"falls_before", &lists.fallsBefore}, {"falls_after", &lists.fallsAfter}} {
		if err := decodeInto(file, doc, s.key, s.v); err != nil {
			return err
		}
	}
	t.dozen, t.point, t.multipleSuffixes = wordSet(lists.dozen), wordSet(lists.point), wordSet(lists.suffixes)
	t.odd, t.rangeSeps, t.between = wordSet(lists.odd), wordSet(lists.seps), wordSet(lists.between)
	t.shareOf, t.boundJoins, t.intervalWords = phrases(lists.shareOf), phrases(lists.joins), phrases(lists.interval)
	t.fallsBefore, t.fallsAfter = wordSet(lists.fallsBefore), wordSet(lists.fallsAfter)
	kinds := map[string]qualKind{"gt": qGT, "ge": qGE, "le": qLE, "lt": qLT, "near": qNear, "approx": qApprox,
		"exact": qExact, "close": qClose}
	var err2 error
	read := func(key string, allowed ...string) []qualDef {
		s := section(doc, key)
		if s == nil {
			return nil
		}
		if err := checkKeys(file, s, allowed...); err != nil {
			err2 = err
			return nil
		}
		var m map[string][]string
		if err := s.Decode(&m); err != nil {
			err2 = yamlError(file, err)
			return nil
		}
		var out []qualDef
		for _, k := range allowed {
			for _, w := range m[k] {
				out = append(out, qualDef{toPhrase(w), kinds[k]})
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
		return out
	}
	index := func(qs []qualDef, last bool) map[string][]qualDef {
		m := map[string][]qualDef{}
		for _, q := range qs { // longest first, and so in each list
			w := q.words[0]
			if last {
				w = q.words[len(q.words)-1]
			}
			m[w] = append(m[w], q)
		}
		return m
	}
	quals := read("qualifiers", "gt", "ge", "le", "lt", "near", "approx", "exact")
	t.qualByLast, t.qualByFirst = index(quals, true), index(quals, false)
	t.suffixByFirst = index(read("suffix_qualifiers", "ge", "le", "approx", "close"), false)
	return err2
}

func (t *quantTables) loadUnits(file string, data []byte) error {
	doc, err := yamlDoc(file, data, "version", "dimensions", "units", "degrees", "difference_before", "difference_after", "scale_letters", "minute_marks",
		"second_marks", "hemispheres", "metre_context", "mass_context", "money_context", "age_after", "age_before", "rank_before", "currencies",
		"dollar_after", "minor_factor", "rates", "rate_not_before", "bases")
	if err != nil {
		return err
	}
	kinds := map[string]claims.Kind{"measure": claims.KindMeasure, "duration": claims.KindDuration,
		"percent": claims.KindPercent, "count": claims.KindCount}
	t.dims = map[string]*unitDef{}
	if s := section(doc, "dimensions"); s != nil {
		for i := 0; i+1 < len(s.Content); i += 2 {
			k, v := s.Content[i], s.Content[i+1]
			if err := checkKeys(file, v, "kind", "unit"); err != nil {
				return err
			}
			var d struct{ Kind, Unit string }
			if err := v.Decode(&d); err != nil {
				return yamlError(file, err)
			}
			kind, ok := kinds[d.Kind]
			if !ok {
				return nodeErr(file, v, "dimension %s: unknown kind %q", k.Value, d.Kind)
			}
			t.dims[k.Value] = &unitDef{kind: kind, unit: d.Unit, name: d.Unit, dim: k.Value, num: 1, den: 1}
		}
	}
	t.units, t.byName = map[string][]unitPhrase{}, map[string]*unitDef{}
	if s := section(doc, "units"); s != nil {
		for i := 0; i+1 < len(s.Content); i += 2 {
			k, v := s.Content[i], s.Content[i+1]
			if err := checkKeys(file, v, "name", "dimension", "factor", "offset", "words", "glued", "before", "case"); err != nil {
				return err
			}
			var d struct {
				Name      string   `yaml:"name"`
				Dimension string   `yaml:"dimension"`
				Factor    string   `yaml:"factor"`
				Offset    float64  `yaml:"offset"`
				Words     []string `yaml:"words"`
				Glued     bool     `yaml:"glued"`
				Before    bool     `yaml:"before"`
				Case      string   `yaml:"case"`
			}
			if err := v.Decode(&d); err != nil {
				return yamlError(file, err)
			}
			dim, ok := t.dims[d.Dimension]
			if !ok {
				return nodeErr(file, v, "unit %s: unknown dimension %q", k.Value, d.Dimension)
			}
			num, den, ok := ratio(d.Factor)
			if !ok || math.IsInf(num/den, 0) || math.IsNaN(num/den) || num == 0 {
				return nodeErr(file, v, "unit %s: factor %q is not a number or a fraction", k.Value, d.Factor)
			}
			u := &unitDef{kind: dim.kind, unit: dim.unit, name: k.Value, dim: d.Dimension, num: num, den: den,
				offset: d.Offset, glued: d.Glued, before: d.Before, factor: exactRatio(d.Factor)}
			if d.Offset != 0 {
				u.off, _ = new(big.Rat).SetString(strconv.FormatFloat(d.Offset, 'g', -1, 64))
			}
			u.fn, u.fd, u.on, u.od, u.ints = intFraction(u.factor, u.off)
			if d.Name != "" {
				u.name = d.Name
			}
			switch d.Case {
			case "":
			case "upper":
				u.caps = 'u'
			case "lower":
				u.caps = 'l'
			default:
				return nodeErr(file, v, "unit %s: case %q is not upper or lower", k.Value, d.Case)
			}
			if len(d.Words) == 0 {
				return nodeErr(file, v, "unit %s has no words", k.Value)
			}
			if _, dup := t.byName[k.Value]; dup {
				return nodeErr(file, k, "unit %s given twice", k.Value)
			}
			t.byName[k.Value] = u
			for _, w := range d.Words {
				p := toPhrase(w)
				t.units[p[0]] = append(t.units[p[0]], unitPhrase{p, u})
			}
		}
	}
	for w, ps := range t.units {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		t.units[w] = ps
	}
	var lists struct {
		degrees, minutes, seconds, metre, mass, money, age, ageBefore, rank, notBefore, diffBefore, diffAfter []string
	}
	for _, s := range []struct {
		key string
		v   *[]string
	}{{"degrees", &lists.degrees}, {"minute_marks", &lists.minutes}, {"second_marks", &lists.seconds},
		{"metre_context", &lists.metre}, {"mass_context", &lists.mass}, {"money_context", &lists.money}, {"age_after", &lists.age}, {"age_before", &lists.ageBefore},
		{"rank_before", &lists.rank}, {"rate_not_before", &lists.notBefore},
		{"difference_before", &lists.diffBefore}, {"difference_after", &lists.diffAfter}} {
		if err := decodeInto(file, doc, s.key, s.v); err != nil {
			return err
		}
	}
	t.degrees, t.minuteMarks, t.secondMarks = wordSet(lists.degrees), wordSet(lists.minutes), wordSet(lists.seconds)
	t.metreContext, t.massContext, t.rankBefore = wordSet(lists.metre), wordSet(lists.mass), wordSet(lists.rank)
	t.moneyContext, t.ageBefore = wordSet(lists.money), wordSet(lists.ageBefore)
	t.diffBefore, t.diffAfter = wordSet(lists.diffBefore), phrases(lists.diffAfter)
	t.ageAfter, t.rateNotBefore = phrases(lists.age), wordSet(lists.notBefore)
	unitNamed := func(n *yaml.Node, name string) (*unitDef, error) {
		if u, ok := t.byName[name]; ok {
			return u, nil
		}
		if u, ok := t.dims[name]; ok {
			return u, nil
		}
		return nil, nodeErr(file, n, "unknown unit %q", name)
	}
	var letters map[string]string
	if err := decodeInto(file, doc, "scale_letters", &letters); err != nil {
		return err
	}
	t.scaleLetters = map[string]*unitDef{}
	for l, name := range letters {
		u, err := unitNamed(section(doc, "scale_letters"), name)
		if err != nil {
			return err
		}
		t.scaleLetters[l] = u
	}
	var hemis map[string]struct {
		Sign      float64 `yaml:"sign"`
		Dimension string  `yaml:"dimension"`
	}
	if err := decodeInto(file, doc, "hemispheres", &hemis); err != nil {
		return err
	}
	t.hemispheres = map[string]hemisphere{}
	for w, h := range hemis {
		u, err := unitNamed(section(doc, "hemispheres"), h.Dimension)
		if err != nil {
			return err
		}
		t.hemispheres[w] = hemisphere{h.Sign, u}
	}
	minor := "1/100"
	if err := decodeInto(file, doc, "minor_factor", &minor); err != nil {
		return err
	}
	mn, md, ok := ratio(minor)
	if !ok {
		return nodeErr(file, section(doc, "minor_factor"), "minor_factor %q is not a number or a fraction", minor)
	}
	t.symbols, t.moneyWords, t.minorGlued, t.codes = map[string][]moneyPhrase{}, map[string][]moneyPhrase{}, map[string]moneyPhrase{}, map[string]string{}
	if s := section(doc, "currencies"); s != nil {
		for i := 0; i+1 < len(s.Content); i += 2 {
			k, v := s.Content[i], s.Content[i+1]
			if err := checkKeys(file, v, "symbols", "words", "codes", "minor", "minor_glued"); err != nil {
				return err
			}
			var c struct {
				Symbols    []string `yaml:"symbols"`
				Words      []string `yaml:"words"`
				Codes      []string `yaml:"codes"`
				Minor      []string `yaml:"minor"`
				MinorGlued []string `yaml:"minor_glued"`
			}
			if err := v.Decode(&c); err != nil {
				return yamlError(file, err)
			}
			code := k.Value
			add := func(m map[string][]moneyPhrase, w string, factor float64, name string) {
				p := toPhrase(w)
				m[p[0]] = append(m[p[0]], moneyPhrase{p, code, factor, name})
			}
			for _, w := range c.Symbols {
				add(t.symbols, w, 1, "")
			}
			for _, w := range c.Words {
				add(t.moneyWords, w, 1, "")
			}
			for _, w := range c.Minor {
				add(t.moneyWords, w, mn/md, "minor")
			}
			for _, w := range c.MinorGlued {
				t.minorGlued[strings.ToLower(w)] = moneyPhrase{phrase{w}, code, mn / md, "minor"}
			}
			for _, w := range c.Codes {
				t.codes[strings.ToLower(w)] = code
			}
		}
	}
	t.symbolsByLast = map[string][]moneyPhrase{}
	for _, ps := range t.symbols {
		for _, p := range ps {
			w := p.words[len(p.words)-1]
			t.symbolsByLast[w] = append(t.symbolsByLast[w], p)
		}
	}
	for _, m := range []map[string][]moneyPhrase{t.symbols, t.moneyWords, t.symbolsByLast} {
		for w, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
			m[w] = ps
		}
	}
	if err := decodeInto(file, doc, "dollar_after", &t.dollarAfter); err != nil {
		return err
	}
	tags := func(key string) (map[string][]tagPhrase, error) {
		var m map[string][]string
		if err := decodeInto(file, doc, key, &m); err != nil {
			return nil, err
		}
		out := map[string][]tagPhrase{}
		for tag, ws := range m {
			for _, w := range ws {
				p := toPhrase(w)
				out[p[0]] = append(out[p[0]], tagPhrase{p, tag})
			}
		}
		for w, ps := range out {
			sort.SliceStable(ps, func(i, j int) bool {
				if len(ps[i].words) != len(ps[j].words) {
					return len(ps[i].words) > len(ps[j].words)
				}
				return ps[i].tag < ps[j].tag
			})
			out[w] = ps
		}
		return out, nil
	}
	if t.rates, err = tags("rates"); err != nil {
		return err
	}
	if t.bases, err = tags("bases"); err != nil {
		return err
	}
	// The parser's mechanisms name these.
	for _, d := range []string{"ratio", "temperature difference", "temperature", "latitude", "longitude"} {
		if t.dims[d] == nil {
			return nodeErr(file, section(doc, "dimensions"), "dimension %q is missing", d)
		}
	}
	for _, u := range []string{"degC", "degF"} {
		if t.byName[u] == nil {
			return nodeErr(file, section(doc, "units"), "unit %q is missing", u)
		}
	}
	t.index()
	return nil
}

// index builds the indexes of the tables' words.
func (t *quantTables) index() {
	t.tempWords = map[string]bool{}
	for w := range t.degrees {
		t.tempWords[w] = true
	}
	for w := range t.scaleLetters {
		t.tempWords[w] = true
	}
	for w, ps := range t.units {
		for _, p := range ps {
			if p.u.dim == "temperature" {
				t.tempWords[w] = true
			}
		}
	}
	t.shareFirst = map[string]bool{}
	for _, p := range t.shareOf {
		t.shareFirst[p[0]] = true
	}
	t.scaledCodes = map[string]scaledCode{}
	for a, s := range t.abbrev {
		for c, code := range t.codes {
			t.scaledCodes[a+c] = scaledCode{s.value, code}
		}
	}
	t.moneyAfterWords = map[string]bool{}
	for _, m := range []map[string][]moneyPhrase{t.moneyWords} {
		for w := range m {
			t.moneyAfterWords[w] = true
		}
	}
	for w := range t.minorGlued {
		t.moneyAfterWords[w] = true
	}
	for w := range t.codes {
		t.moneyAfterWords[w] = true
	}
	for w := range t.scaledCodes {
		t.moneyAfterWords[w] = true
	}
}
