package extract

import (
	_ "embed"
	"fmt"
	"math"
	"math/big"
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
