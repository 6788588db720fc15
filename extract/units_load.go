package extract

import (
	"github.com/factcheck/factcheck/claims"
	"gopkg.in/yaml.v3"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// Loading numbers.yaml and units.yaml into the quantity tables, and
// indexing them for the parser.

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
