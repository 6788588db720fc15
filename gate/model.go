package gate

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/factcheck/factcheck/claims"
)

// FormatVersion is the version of the weights file format.
const FormatVersion = 1

// A Model is a fitted gate: a logistic regression over the features of a
// pair of claims, and the two thresholds chosen from labelled data.
type Model struct {
	// Bias is the log-odds of a pair with every feature 0.
	Bias float64
	// Weights holds one weight per feature, in the order of FeatureNames.
	Weights []float64
	// Link is the pair threshold: claims are grouped (average linkage)
	// while the mean probability between two groups is at least Link.
	Link float64
	// Alarm is the confidence a group needs for a finding at warning or
	// error; below it a finding is info at most.
	Alarm float64
	// Training says what the weights were fit on, as the file records it.
	Training Training
	// Rate, when set, converts money between currencies (see Rate); nil
	// compares money in one currency only.
	Rate Rate
}

// Training records how a weights file was made.
type Training struct {
	Corpus     string  `json:"corpus"`
	Half       string  `json:"half"`
	Stories    int     `json:"stories"`
	Pairs      int     `json:"pairs"`
	Same       int     `json:"same"`
	L2         float64 `json:"l2"`
	Iterations int     `json:"iterations"`
	// Command is what rebuilds the file.
	Command string `json:"command"`
}

// file is the weights file's JSON form.
type file struct {
	Version  int      `json:"version"`
	Comment  string   `json:"comment,omitempty"`
	Bias     float64  `json:"bias"`
	Weights  []weight `json:"weights"`
	Link     float64  `json:"link"`
	Alarm    float64  `json:"alarm"`
	Training Training `json:"training"`
}

type weight struct {
	Feature string  `json:"feature"`
	Weight  float64 `json:"weight"`
}

//go:embed weights.json
var defaultWeights []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model of the weights file built into factcheck
// (gate/weights.json, which `make train` rebuilds).
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Parse(defaultWeights)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("gate/weights.json: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Parse reads a weights file. The file must list exactly the features
// this version of the gate computes, in its order: a file fit for other
// features is an error that says to run `make train`.
func Parse(data []byte) (*Model, error) {
	var f file
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("read weights: %w", err)
	}
	if f.Version != FormatVersion {
		return nil, fmt.Errorf("weights file version %d, want %d", f.Version, FormatVersion)
	}
	names := FeatureNames()
	var got []string
	for _, w := range f.Weights {
		got = append(got, w.Feature)
	}
	if !slices.Equal(got, names) {
		return nil, fmt.Errorf("the weights are for the features %s, the gate computes %s: run make train",
			strings.Join(got, ", "), strings.Join(names, ", "))
	}
	m := &Model{Bias: f.Bias, Link: f.Link, Alarm: f.Alarm, Training: f.Training, Weights: make([]float64, len(names))}
	for i, w := range f.Weights {
		if math.IsNaN(w.Weight) || math.IsInf(w.Weight, 0) {
			return nil, fmt.Errorf("weight of %s is not a number", w.Feature)
		}
		m.Weights[i] = w.Weight
	}
	for _, t := range []struct {
		name string
		v    float64
	}{{"link", m.Link}, {"alarm", m.Alarm}} {
		if !(t.v >= 0 && t.v <= 1) {
			return nil, fmt.Errorf("%s threshold %v is not between 0 and 1", t.name, t.v)
		}
	}
	return m, nil
}

// Marshal writes m as a weights file, one feature's weight a line: the
// same model gives the same bytes. Numbers are rounded to six decimals.
func (m *Model) Marshal() ([]byte, error) {
	names := FeatureNames()
	if len(m.Weights) != len(names) {
		return nil, fmt.Errorf("%d weights for %d features", len(m.Weights), len(names))
	}
	js := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err) // strings, numbers and a struct of them
		}
		return string(b)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"version\": %d,\n", FormatVersion)
	fmt.Fprintf(&b, "  \"comment\": %s,\n", js("the comparability gate's weights, one per feature of package gate, in its order: written by make train (cmd/factcheck-train), not by hand"))
	fmt.Fprintf(&b, "  \"bias\": %s,\n  \"weights\": [\n", js(round6(m.Bias)))
	for i, n := range names {
		sep := ","
		if i == len(names)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    {\"feature\": %s, \"weight\": %s}%s\n", js(n), js(round6(m.Weights[i])), sep)
	}
	fmt.Fprintf(&b, "  ],\n  \"link\": %s,\n  \"alarm\": %s,\n", js(round6(m.Link)), js(round6(m.Alarm)))
	fmt.Fprintf(&b, "  \"training\": %s\n}\n", js(m.Training))
	return b.Bytes(), nil
}

func round6(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 6, 64), 64)
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// A Batch is a run's claims prepared for the gate: what it reads off
// each claim, and what some features count over the claims of each
// source (how many values a source gives under one slot and subject).
type Batch struct {
	m     *Model
	infos map[*claims.Claim]*info
	// z and zv are Group's scratch: the log-odds of a block's pairs.
	z, zv []float32
}

// Prepare prepares cs for the gate.
func (m *Model) Prepare(cs []*claims.Claim) *Batch {
	b := &Batch{m: m, infos: make(map[*claims.Claim]*info, len(cs))}
	infos := make([]info, len(cs))
	ctx := make([]uint64, 2*contextWindow*len(cs))
	cache := map[string][]string{}
	words := func(s string) []string {
		if s == "" {
			return nil
		}
		w, ok := cache[s]
		if !ok {
			w = contentWords(s)
			cache[s] = w
		}
		return w
	}
	for i, c := range cs {
		room := ctx[2*contextWindow*i : 2*contextWindow*i : 2*contextWindow*(i+1)]
		fillInfo(&infos[i], c, words, room)
		b.infos[c] = &infos[i]
	}
	countValues(cs, b.infos)
	return b
}

// info returns what the gate reads off c; a claim not in the batch is
// taken alone.
func (b *Batch) info(c *claims.Claim) *info {
	if in, ok := b.infos[c]; ok {
		return in
	}
	in := newInfo(c)
	in.keyValues, in.slotValues = 1, 1
	return in
}

// Features returns the feature values of the pair (x, y), in the order
// of FeatureNames; when a hard rule (Comparable) keeps them apart, it
// returns nil and the rule.
func (b *Batch) Features(x, y *claims.Claim) ([]float64, string) {
	ix, iy := b.info(x), b.info(y)
	if why := b.m.comparable(ix, iy); why != "" {
		return nil, why
	}
	v := make([]float64, len(features))
	b.m.vector(ix, iy, v)
	return v, ""
}

// Prob returns the probability that x and y state the same fact: 0 when
// a hard rule keeps them apart.
func (b *Batch) Prob(x, y *claims.Claim) float64 {
	v, why := b.Features(x, y)
	if why != "" {
		return 0
	}
	return sigmoid(b.m.logit(v))
}

// countValues sets each claim's keyValues and slotValues: the number of
// distinct values its source gives under its slot, frame key (role,
// owner, rate, what is counted) and subject, and under its slot and frame
// key. Sorted, a value that cannot hold together with the one before it
// (claims.Overlaps) is another.
func countValues(cs []*claims.Claim, infos map[*claims.Claim]*info) {
	type src struct{ story, source string }
	bySource := map[src][]*info{}
	for _, c := range cs {
		k := src{c.Story, c.Source}
		bySource[k] = append(bySource[k], infos[c])
	}
	// distinct counts the values of run: sorted, a value that does not
	// overlap the one before it starts another.
	var vs []claims.Value
	distinct := func(run []*info) int {
		vs = vs[:0]
		for _, in := range run {
			vs = append(vs, in.c.Value)
		}
		slices.SortFunc(vs, func(a, b claims.Value) int {
			return cmp.Or(cmp.Compare(a.Lo, b.Lo), cmp.Compare(a.Hi, b.Hi), cmp.Compare(a.Date, b.Date), cmp.Compare(a.Text, b.Text))
		})
		n := 1
		for i := 1; i < len(vs); i++ {
			if !claims.Overlaps(vs[i-1], vs[i]) {
				n++
			}
		}
		return n
	}
	sameSlot := func(a, b *info) bool { return a.kind == b.kind && a.slot == b.slot && a.fkey == b.fkey }
	for _, list := range bySource {
		// Claims of one kind, slot and frame key, then of one subject,
		// side by side.
		slices.SortStableFunc(list, func(a, b *info) int {
			return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.slot, b.slot), cmp.Compare(a.fkey, b.fkey), cmp.Compare(a.subject, b.subject))
		})
		for i := 0; i < len(list); {
			j := i + 1
			for j < len(list) && sameSlot(list[j], list[i]) {
				j++
			}
			slot := distinct(list[i:j])
			for k := i; k < j; {
				l := k + 1
				for l < j && list[l].subject == list[k].subject {
					l++
				}
				key := distinct(list[k:l])
				for _, in := range list[k:l] {
					in.keyValues, in.slotValues = key, slot
				}
				k = l
			}
			i = j
		}
	}
}

func (m *Model) comparable(a, b *info) string {
	return comparable(a.c, b.c, a.dim, b.dim, a.currency, b.currency, m.Rate)
}

// apart is the hard rule that keeps a and b apart, or noRule.
func (m *Model) apart(a, b *info) hardRule {
	return apart(a.c, b.c, a.dim, b.dim, a.currency, b.currency, m.Rate)
}

// vector fills x with the features of (a, b).
func (m *Model) vector(a, b *info, x []float64) {
	noFrames := !a.frameSays && !b.frameSays
	for i := range features {
		if noFrames && frameOnly[i] {
			x[i] = 0 // what neither frame says is no evidence
			continue
		}
		x[i] = features[i].value(a, b)
	}
	if a.currency != b.currency && m.Rate != nil {
		if r, ok := m.Rate(a.c.Story, b.currency, a.currency); ok {
			x[magnitudeIndex] = scaledMagnitude(a, b, r)
			x[magnitudeFarIndex] = 0
			if va, vb := a.c.Value.Mid(), b.c.Value.Mid()*r; va != 0 && vb != 0 && (va < 0) == (vb < 0) && math.Abs(math.Log2(va/vb)) >= farLog2 {
				x[magnitudeFarIndex] = 1
			}
		}
	}
}

var (
	magnitudeIndex    = slices.Index(FeatureNames(), "magnitude")
	magnitudeFarIndex = slices.Index(FeatureNames(), "magnitude_far")
)

func scaledMagnitude(a, b *info, r float64) float64 {
	return ratio(a.c.Value.Mid(), b.c.Value.Mid()*r)
}

// score returns the log-odds of the pair (a, b), as logit of vector
// gives it (to rounding), and the part of it the value features give.
// It is what Group computes for every pair, so it reads the features
// without calling each feature's function (and the frame-only features
// only when a frame says anything; otherwise they are 0); only a pair of
// two currencies with a rate goes through vector. TestScoreIsLogit holds
// it to logit of vector.
func (m *Model) score(a, b *info) (z, zv float64) {
	if a.currency != b.currency && m.Rate != nil {
		var buf [maxFeatures]float64 // on the stack: this runs for every pair
		x := buf[:len(features)]
		m.vector(a, b, x)
		return m.logit(x), m.valueLogit(x)
	}
	w, f := m.Weights, &fi
	z = m.Bias
	add := func(i int, v bool) {
		if v {
			z += w[i]
		}
	}
	if a.frameSays || b.frameSays {
		z += m.frameScore(a, b)
	}
	sameSlot := a.slot != "" && a.slot == b.slot
	sameKey := sameSlot && a.subject == b.subject
	add(f.keyEqual, sameKey)
	add(f.slotEqual, sameSlot)
	sameFrame := a.fkey == b.fkey
	add(f.keyOneValue, sameKey && sameFrame && a.keyValues == 1 && b.keyValues == 1)
	add(f.slotOneValue, sameSlot && sameFrame && a.slotValues == 1 && b.slotValues == 1)
	add(f.slotConflict, a.slot != "" && b.slot != "" && a.slot != b.slot)
	add(f.slotOpen, a.slot == "" || b.slot == "")
	if a.subject != b.subject || len(a.subjectW) == 0 {
		switch relate(a.subjectW, b.subjectW) {
		case partial:
			add(f.subjectOverlap, a.subject != b.subject)
		case disjoint:
			add(f.subjectConflict, true)
		}
	}
	add(f.subjectOne, (a.subject == "") != (b.subject == ""))
	add(f.subjectNameConflict, a.subjectName && b.subjectName && relate(a.subjectW, b.subjectW) == disjoint)
	add(f.unitEqual, a.unit != "" && a.unit == b.unit)
	add(f.unitConflict, a.unit != "" && b.unit != "" && a.unit != b.unit)
	if a.time != "" && b.time != "" {
		agree := timesAgree(a.time, b.time)
		add(f.timeEqual, agree)
		add(f.timeConflict, !agree)
	}
	oneSource := a.c.Source == b.c.Source
	add(f.sameSource, oneSource)
	if oneSource && sameSentence(a, b) {
		add(f.sameSentence, a.slot == b.slot && a.subject == b.subject)
		add(f.sameSentenceOtherKey, a.slot != b.slot || a.subject != b.subject)
	}
	if !oneSource {
		if v := dice(a.context, b.context); v != 0 {
			z += w[f.contextOverlap] * v
		}
		if v := sameNeighbours(a, b); v != 0 {
			z += w[f.contextSame] * v
		}
	}
	switch relate(a.attrW, b.attrW) {
	case same, partial:
		add(f.attributionEqual, true)
	case disjoint:
		add(f.attributionConflict, true)
	}
	if v := magnitude(a, b); v != 0 {
		c := w[f.magnitude] * v
		z += c
		zv += c
	}
	if v := magnitudeFar(a, b); v != 0 {
		c := w[f.magnitudeFar] * v
		z += c
		zv += c
	}
	if v := dateGap(a, b); v != 0 {
		c := w[f.dateGap] * v
		z += c
		zv += c
	}
	if k := f.kind[a.kind]; k != 0 {
		z += w[k-1]
	}
	return z, zv
}

// maxFeatures bounds the number of features, so that score keeps a
// pair's on the stack.
const maxFeatures = 64

// frameScore is the part of score the frame-only features give (see
// frameOnly), for two claims at least one of whose frames says anything.
func (m *Model) frameScore(a, b *info) float64 {
	w, f := m.Weights, &fi
	z := 0.0
	add := func(i int, v bool) {
		if v {
			z += w[i]
		}
	}
	switch relate(a.countsW, b.countsW) {
	case same:
		z += w[f.countsEqual]
	case partial:
		z += w[f.countsOverlap]
	case disjoint:
		z += w[f.countsConflict]
	}
	add(f.countsOne, (len(a.countsW) == 0) != (len(b.countsW) == 0))
	switch relate(a.ownerW, b.ownerW) {
	case same:
		z += w[f.ownerEqual]
	case disjoint:
		z += w[f.ownerConflict]
	}
	add(f.ownerOne, (len(a.ownerW) == 0) != (len(b.ownerW) == 0))
	add(f.roleEqual, a.role != claims.RoleTotal && a.role == b.role)
	add(f.rolePart, (a.role == claims.RolePart) != (b.role == claims.RolePart))
	add(f.roleReference, (a.role == claims.RoleReference) != (b.role == claims.RoleReference))
	add(f.roleForecast, (a.role == claims.RoleForecast) != (b.role == claims.RoleForecast))
	add(f.roleChange, isChange(a.role) != isChange(b.role))
	add(f.roleEstimate, (a.role == claims.RoleEstimate) != (b.role == claims.RoleEstimate))
	add(f.perEqual, a.per != "" && a.per == b.per)
	add(f.perConflict, a.per != "" && b.per != "" && a.per != b.per)
	add(f.perOne, (a.per == "") != (b.per == ""))
	add(f.basisConflict, a.basis != "" && b.basis != "" && a.basis != b.basis)
	switch relate(a.eventW, b.eventW) {
	case same:
		z += w[f.eventEqual]
	case disjoint:
		z += w[f.eventConflict]
	}
	switch relate(a.placeW, b.placeW) {
	case same:
		z += w[f.placeEqual]
	case disjoint:
		z += w[f.placeConflict]
	}
	if g := (b2f(a.generic) + b2f(b.generic)) / 2; g != 0 {
		z += w[f.generic] * g
	}
	return z
}

// fi holds the indices of the features score reads by name.
var fi = func() (out struct {
	keyEqual, slotEqual, keyOneValue, slotOneValue, slotConflict, slotOpen,
	subjectOverlap, subjectConflict, subjectOne, subjectNameConflict, unitEqual, unitConflict, timeEqual, timeConflict,
	sameSource, sameSentence, sameSentenceOtherKey, contextOverlap, contextSame,
	attributionEqual, attributionConflict, magnitude, magnitudeFar, dateGap,
	countsEqual, countsOverlap, countsConflict, countsOne, ownerEqual, ownerConflict, ownerOne,
	roleEqual, rolePart, roleReference, roleForecast, roleChange, roleEstimate,
	perEqual, perConflict, perOne, basisConflict, eventEqual, eventConflict, placeEqual, placeConflict, generic int
	kind map[claims.Kind]int // the kind feature's index + 1
}) {
	at := func(name string) int {
		i := slices.Index(FeatureNames(), name)
		if i < 0 {
			panic("gate: no feature " + name)
		}
		return i
	}
	o := &out
	for _, p := range []struct {
		dst  *int
		name string
	}{
		{&o.keyEqual, "key_equal"}, {&o.slotEqual, "slot_equal"}, {&o.keyOneValue, "key_one_value"},
		{&o.slotOneValue, "slot_one_value"}, {&o.slotConflict, "slot_conflict"}, {&o.slotOpen, "slot_open"},
		{&o.subjectOverlap, "subject_overlap"}, {&o.subjectConflict, "subject_conflict"},
		{&o.subjectOne, "subject_one"}, {&o.subjectNameConflict, "subject_name_conflict"},
		{&o.unitEqual, "unit_equal"}, {&o.unitConflict, "unit_conflict"},
		{&o.timeEqual, "time_equal"}, {&o.timeConflict, "time_conflict"},
		{&o.sameSource, "same_source"}, {&o.sameSentence, "same_sentence"}, {&o.sameSentenceOtherKey, "same_sentence_other_key"},
		{&o.contextOverlap, "context_overlap"}, {&o.contextSame, "context_same"},
		{&o.attributionEqual, "attribution_equal"}, {&o.attributionConflict, "attribution_conflict"},
		{&o.magnitude, "magnitude"}, {&o.magnitudeFar, "magnitude_far"}, {&o.dateGap, "date_gap"},
		{&o.countsEqual, "counts_equal"}, {&o.countsOverlap, "counts_overlap"}, {&o.countsConflict, "counts_conflict"},
		{&o.countsOne, "counts_one"}, {&o.ownerEqual, "owner_equal"}, {&o.ownerConflict, "owner_conflict"}, {&o.ownerOne, "owner_one"},
		{&o.roleEqual, "role_equal"}, {&o.rolePart, "role_part"}, {&o.roleReference, "role_reference"},
		{&o.roleForecast, "role_forecast"}, {&o.roleChange, "role_change"}, {&o.roleEstimate, "role_estimate"},
		{&o.perEqual, "per_equal"}, {&o.perConflict, "per_conflict"}, {&o.perOne, "per_one"}, {&o.basisConflict, "basis_conflict"},
		{&o.eventEqual, "event_equal"}, {&o.eventConflict, "event_conflict"}, {&o.placeEqual, "place_equal"},
		{&o.placeConflict, "place_conflict"}, {&o.generic, "generic"},
	} {
		*p.dst = at(p.name)
	}
	o.kind = map[claims.Kind]int{}
	for _, k := range []claims.Kind{claims.KindCount, claims.KindMoney, claims.KindDuration, claims.KindPercent,
		claims.KindMeasure, claims.KindOrdinal, claims.KindDate, claims.KindText} {
		o.kind[k] = at("kind_"+string(k)) + 1
	}
	o.kind[claims.KindTime] = o.kind[claims.KindDate]
	return out
}()

// valueFeatures are the indices of the features read off the values
// themselves (how far apart they are), which a group's confidence leaves
// out.
var valueFeatures = []int{slices.Index(FeatureNames(), "magnitude"), slices.Index(FeatureNames(), "magnitude_far"),
	slices.Index(FeatureNames(), "date_gap")}

// valueLogit is the part of the log-odds of x that the value features
// give.
func (m *Model) valueLogit(x []float64) float64 {
	z := 0.0
	for _, i := range valueFeatures {
		z += m.Weights[i] * x[i]
	}
	return z
}

func (m *Model) logit(x []float64) float64 {
	z := m.Bias
	for i, v := range x {
		z += m.Weights[i] * v
	}
	return z
}

// logit is the inverse of sigmoid: the log-odds of probability p.
func logit(p float64) float64 { return math.Log(p / (1 - p)) }

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
