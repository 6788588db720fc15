package eval

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"path/filepath"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/gate"
	"github.com/factcheck/factcheck/rules"
)

// A LabelledPair is a pair of claims, each matched to a gold claim, labelled with whether the gold says they state the same
// fact (the same gold slot and subject).
type LabelledPair struct {
	A, B *claims.Claim
	Same bool
	// X holds the gate's features; nil when a hard rule keeps the two
	// apart (Rule says which).
	X    []float64
	Rule string
}

// CrossSource reports whether the pair's claims are of different sources:
// the pairs the scores count (as make eval's grouping F1 does).
func (lp LabelledPair) CrossSource() bool {
	return filepath.Base(lp.A.Source) != filepath.Base(lp.B.Source)
}

// LabelPairs returns the labelled pairs of the claims cs read from c: every
// pair of tool claims that m matches to gold claims, in the order of cs,
// of one source or two (CrossSource tells them apart). A tool claim matched to several gold claims states
// the same fact as another when any of its gold claims shares slot and
// subject with any of the other's.
func LabelPairs(c *Cluster, m Matching, cs []*claims.Claim) []LabelledPair {
	gold := map[string]GoldClaim{}
	for _, g := range c.Gold.Claims {
		gold[g.ID] = g
	}
	var matched []*claims.Claim
	for _, t := range cs {
		if len(m.T2G[t]) > 0 {
			matched = append(matched, t)
		}
	}
	batch := (&gate.Model{}).Prepare(cs)
	var out []LabelledPair
	for i, a := range matched {
		for _, b := range matched[i+1:] {
			same := false
			for _, ga := range m.T2G[a] {
				for _, gb := range m.T2G[b] {
					x, y := gold[ga], gold[gb]
					if x.Slot == y.Slot && x.Subject == y.Subject {
						same = true
					}
				}
			}
			x, rule := batch.Features(a, b)
			out = append(out, LabelledPair{A: a, B: b, Same: same, X: x, Rule: rule})
		}
	}
	return out
}

// PairScore counts labelled pairs a decision puts together or apart.
type PairScore struct{ TP, FP, FN, TN int }

func (s *PairScore) add(same, predicted bool) {
	switch {
	case same && predicted:
		s.TP++
	case predicted:
		s.FP++
	case same:
		s.FN++
	default:
		s.TN++
	}
}

// Precision, Recall and F1 are in percent.
func (s PairScore) Precision() float64 { return pct(s.TP, s.TP+s.FP) }
func (s PairScore) Recall() float64    { return pct(s.TP, s.TP+s.FN) }
func (s PairScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TrainOptions control TrainGate.
type TrainOptions struct {
	Fit gate.FitOptions
	// Corpus names the labelled stories in the weights file.
	Corpus string
	// Mutations per story when the alarm threshold is chosen.
	Mutations int
}

// An AlarmRow is what the tune half gives at one alarm threshold.
type AlarmRow struct {
	Alarm              float64
	Alarms, TrueAlarms int
	DisFound, DisTotal int
	MutFound, MutTotal int
	FalseFlags         int
}

// AlarmPrecision is the share of alarms that are true, in percent (100
// with none, as score.py counts it).
func (r AlarmRow) AlarmPrecision() float64 {
	if r.Alarms == 0 {
		return 100
	}
	return pct(r.TrueAlarms, r.Alarms)
}

// A TrainReport says how the gate was fit and how well it does.
type TrainReport struct {
	// TunePairs scores each tune story's pairs with the model fit on the
	// other tune stories (leave one story out), at the chosen link
	// threshold; CheckPairs the check half's with the final model.
	// LegacyTune and LegacyCheck score the same pairs by the legacy key
	// (equal slot and subject).
	TunePairs, CheckPairs, LegacyTune, LegacyCheck PairScore
	// TuneGroups and CheckGroups count gold pairs after grouping (as
	// make eval's grouping F1 does), leave one story out on the tune half.
	TuneGroups, CheckGroups, LegacyTuneGroups, LegacyCheckGroups PairScore
	// Links holds the tune half's grouping F1 at each link threshold tried.
	Links []LinkRow
	// Alarms holds the tune half's alarms at each alarm threshold tried.
	Alarms []AlarmRow
	Model  *gate.Model
}

// A LinkRow is the tune half's grouping at one link threshold, and its
// findings with no alarm threshold.
type LinkRow struct {
	Link   float64
	Groups PairScore
	Alarms AlarmRow
}

// The thresholds tried.
var (
	linkGrid  = grid(0.10, 0.90, 0.04)
	alarmGrid = grid(0, 0.98, 0.02)
)

func grid(lo, hi, step float64) []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := math.Round((lo+float64(i)*step)*100) / 100
		if v > hi+1e-9 {
			return out
		}
		out = append(out, v)
	}
}

// maxFalseFlags is the false flags a story may give, on average, at the
// thresholds chosen: half the one a story the issue allows, a margin for
// the stories the thresholds were not chosen on.
const maxFalseFlags = 0.5

// story is one cluster's extraction, matching and labelled pairs.
type story struct {
	c     *Cluster
	cs    []*claims.Claim
	m     Matching
	pairs []LabelledPair
}

// TrainGate fits the gate on the tune half of clusters and chooses its
// thresholds there:
//
//   - the weights, on the labelled pairs of every tune story (Fit);
//   - the link and alarm thresholds together, from the tune half's
//     findings at warning or error, each story grouped by the model fit
//     without it (leave one story out): of the pairs of linkGrid and
//     alarmGrid at which the rules give at most half a false flag a story,
//     the one with the best F1 of alarm precision and detection
//     (disagreements and mutations found), then the best grouping F1
//     (chooseThresholds).
//
// The check half is only scored (CheckPairs, CheckGroups). Everything runs
// in a fixed order, so the same clusters give the same model.
//
// p's gate is not used: the weights it would hold are the ones being fit.
func TrainGate(p *Pipeline, clusters []*Cluster, opt TrainOptions) (*gate.Model, *TrainReport, error) {
	var tune, check []*story
	for _, c := range clusters {
		s := &story{c: c}
		s.cs = p.Extract(docs(c, nil, Options{Published: true}))
		s.m = Match(c, s.cs)
		s.pairs = LabelPairs(c, s.m, s.cs)
		switch c.Half {
		case Tune:
			tune = append(tune, s)
		case Check:
			check = append(check, s)
		}
	}
	if len(tune) < 2 {
		return nil, nil, fmt.Errorf("train: %d stories in the tune half, want at least 2", len(tune))
	}
	fitOn := func(stories []*story, except *story) (*gate.Model, int, int, error) {
		var ps []gate.Pair
		same := 0
		for _, s := range stories {
			if s == except {
				continue
			}
			for _, lp := range s.pairs {
				if lp.X != nil {
					ps = append(ps, gate.Pair{X: lp.X, Same: lp.Same})
					if lp.Same {
						same++
					}
				}
			}
		}
		m, err := gate.Fit(ps, opt.Fit)
		return m, len(ps), same, err
	}
	final, npairs, nsame, err := fitOn(tune, nil)
	if err != nil {
		return nil, nil, err
	}
	loso := make([]*gate.Model, len(tune))
	for i, s := range tune {
		if loso[i], _, _, err = fitOn(tune, s); err != nil {
			return nil, nil, err
		}
	}
	rep := &TrainReport{}

	// The link and alarm thresholds, chosen together on the findings of
	// the tune half, each story judged by the model fit without it.
	ex := newExtractCache(p)
	var tables [][]AlarmRow
	for _, t := range linkGrid {
		row := LinkRow{Link: t}
		for i, s := range tune {
			m := *loso[i]
			m.Link = t
			row.Groups.addGroups(s, m.Group(s.cs))
		}
		ar, err := judgeTune(p, ex, tune, loso, t, alarmGrid, opt.Mutations)
		if err != nil {
			return nil, nil, err
		}
		row.Alarms = ar[0]
		rep.Links = append(rep.Links, row)
		tables = append(tables, ar)
	}
	li, ai := chooseThresholds(rep.Links, tables, len(tune))
	final.Link, final.Alarm = rep.Links[li].Link, tables[li][ai].Alarm
	rep.Alarms = tables[li]
	for i := range loso {
		loso[i].Link, loso[i].Alarm = final.Link, final.Alarm
	}

	final.Training = gate.Training{Corpus: opt.Corpus, Half: Tune, Stories: len(tune), Pairs: npairs, Same: nsame,
		L2: opt.Fit.L2, Iterations: opt.Fit.Iterations, Command: "make train"}
	rep.Model = final

	// The scores: leave one story out on the tune half, the final model
	// on the check half.
	for i, s := range tune {
		m := *loso[i]
		rep.TunePairs.addPairs(&m, s)
		rep.TuneGroups.addGroups(s, m.Group(s.cs))
		for _, lp := range s.pairs {
			if lp.CrossSource() {
				rep.LegacyTune.add(lp.Same, legacySame(lp.A, lp.B))
			}
		}
		rep.LegacyTuneGroups.addGroups(s, nil)
	}
	for _, s := range check {
		rep.CheckPairs.addPairs(final, s)
		rep.CheckGroups.addGroups(s, final.Group(s.cs))
		for _, lp := range s.pairs {
			if lp.CrossSource() {
				rep.LegacyCheck.add(lp.Same, legacySame(lp.A, lp.B))
			}
		}
		rep.LegacyCheckGroups.addGroups(s, nil)
	}
	return final, rep, nil
}

func legacySame(a, b *claims.Claim) bool {
	return a.Slot != "" && a.Slot == b.Slot && a.Subject == b.Subject
}

func (sc *PairScore) addPairs(m *gate.Model, s *story) {
	b := m.Prepare(s.cs)
	for _, lp := range s.pairs {
		if lp.CrossSource() {
			sc.add(lp.Same, lp.X != nil && b.Prob(lp.A, lp.B) >= m.Link)
		}
	}
}

// addGroups adds the gold pairs of s that groups put together or apart
// (GroupPairs; nil groups: the legacy key).
func (sc *PairScore) addGroups(s *story, groups []*claims.Group) {
	tp, fp, fn := GroupPairs(s.c, s.m, s.cs, groups)
	sc.TP += tp
	sc.FP += fp
	sc.FN += fn
}

// extractCache holds the claims of the documents a run has seen, so that
// each story and each mutation of it is extracted once.
type extractCache struct {
	p      *Pipeline
	claims map[uint64][]*claims.Claim
}

func newExtractCache(p *Pipeline) *extractCache {
	return &extractCache{p: p, claims: map[uint64][]*claims.Claim{}}
}

func (e *extractCache) extract(ds []*claims.Document) []*claims.Claim {
	k := docsKey(ds)
	cs, ok := e.claims[k]
	if !ok {
		cs = e.p.Extract(ds)
		e.claims[k] = cs
	}
	return cs
}

// judgeTune scores the tune half's findings at the link threshold and at
// each alarm threshold of alarms: each story, and each of its mutations,
// grouped once by the model fit without it, then judged by the rules at
// each alarm threshold.
func judgeTune(p *Pipeline, ex *extractCache, tune []*story, loso []*gate.Model, link float64, alarms []float64, mutations int) ([]AlarmRow, error) {
	rows := make([]AlarmRow, len(alarms))
	for i, s := range tune {
		model := *loso[i]
		model.Link = link
		groups := map[uint64][]*claims.Group{}
		for k, a := range alarms {
			check := func(ds []*claims.Document) ([]*claims.Claim, []*claims.Group, []*claims.Finding, error) {
				cs := ex.extract(ds)
				key := docsKey(ds)
				gs, ok := groups[key]
				if !ok {
					gs = model.Group(cs)
					groups[key] = gs
				}
				fs, err := p.Rules.Evaluate(gs, rules.MinAlarmConfidence(a))
				return cs, gs, fs, err
			}
			res, _, err := Score([]*Cluster{s.c}, check, Options{Mutations: mutations, Published: true})
			if err != nil {
				return nil, err
			}
			r := res[0]
			row := &rows[k]
			row.Alarm = a
			row.Alarms += r.Alarms
			row.TrueAlarms += r.TrueAlarms
			row.DisFound += r.DisFound
			row.DisTotal += r.DisTotal
			row.MutFound += r.MutFound
			row.MutTotal += r.MutTotal
			row.FalseFlags += r.FalseFlags
		}
	}
	return rows, nil
}

// docsKey identifies a set of documents by their sources and texts.
func docsKey(ds []*claims.Document) uint64 {
	h := fnv.New64a()
	for _, d := range ds {
		io.WriteString(h, d.Source)
		h.Write([]byte{0})
		io.WriteString(h, d.Text)
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// chooseThresholds picks the link and alarm thresholds (see TrainGate):
// tables[i][j] is what the tune half gives at link threshold links[i] and
// alarm threshold alarmGrid[j]. Of the pairs at which the stories give at
// most maxFalseFlags false flags each, the one with the best F1 of alarm
// precision and detection (disagreements and mutations found), then the
// best grouping F1, then the lowest thresholds; when no pair keeps to
// that, the one with the fewest false flags.
func chooseThresholds(links []LinkRow, tables [][]AlarmRow, stories int) (li, ai int) {
	li, ai = -1, -1
	better := func(i, j int) bool {
		if li < 0 {
			return true
		}
		a, b := tables[i][j], tables[li][ai]
		if fa, fb := alarmF1(a), alarmF1(b); fa != fb {
			return fa > fb
		}
		return links[i].Groups.F1() > links[li].Groups.F1()
	}
	for i := range tables {
		for j, r := range tables[i] {
			if float64(r.FalseFlags) <= maxFalseFlags*float64(stories) && better(i, j) {
				li, ai = i, j
			}
		}
	}
	if li >= 0 {
		return li, ai
	}
	for i := range tables {
		for j, r := range tables[i] {
			if li < 0 || r.FalseFlags < tables[li][ai].FalseFlags {
				li, ai = i, j
			}
		}
	}
	return li, ai
}

// alarmF1 is the F1 of a row's alarm precision and its detection: the
// disagreements and mutations found, as a share of all.
func alarmF1(r AlarmRow) float64 {
	p, rc := r.AlarmPrecision(), pct(r.DisFound+r.MutFound, r.DisTotal+r.MutTotal)
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}

// WriteTrainReport prints the report: the pair and grouping scores, the
// link thresholds and the alarm thresholds tried.
func WriteTrainReport(w io.Writer, r *TrainReport) {
	m := r.Model
	fmt.Fprintf(w, "fit on %d pairs (%d the same fact) of %d tune stories; link threshold %.2f, alarm threshold %.2f\n\n",
		m.Training.Pairs, m.Training.Same, m.Training.Stories, m.Link, m.Alarm)
	fmt.Fprintf(w, "%-34s %6s %6s %6s %6s %6s %6s\n", "", "TP", "FP", "FN", "P", "R", "F1")
	for _, row := range []struct {
		name string
		s    PairScore
	}{
		{"pairs, tune (leave one story out)", r.TunePairs},
		{"pairs, tune, legacy key", r.LegacyTune},
		{"pairs, check", r.CheckPairs},
		{"pairs, check, legacy key", r.LegacyCheck},
		{"groups, tune (leave one story out)", r.TuneGroups},
		{"groups, tune, legacy key", r.LegacyTuneGroups},
		{"groups, check", r.CheckGroups},
		{"groups, check, legacy key", r.LegacyCheckGroups},
	} {
		fmt.Fprintf(w, "%-34s %6d %6d %6d %5.1f%% %5.1f%% %5.1f%%\n", row.name, row.s.TP, row.s.FP, row.s.FN,
			row.s.Precision(), row.s.Recall(), row.s.F1())
	}
	fmt.Fprintf(w, "\nlink threshold, tune half (leave one story out), no alarm threshold:\n  %5s %8s %7s %7s %9s %9s %6s\n",
		"link", "group-F1", "alarms", "alarm-P", "dis-found", "mutation", "false")
	for _, l := range r.Links {
		mark := ""
		if l.Link == m.Link {
			mark = "  <- chosen"
		}
		a := l.Alarms
		fmt.Fprintf(w, "  %5.2f %7.1f%% %7d %6.0f%% %5d/%-3d %5d/%-3d %6d%s\n", l.Link, l.Groups.F1(), a.Alarms, a.AlarmPrecision(),
			a.DisFound, a.DisTotal, a.MutFound, a.MutTotal, a.FalseFlags, mark)
	}
	fmt.Fprintf(w, "\nalarm threshold, tune half (leave one story out), at the link threshold:\n  %5s %7s %7s %9s %9s %6s\n",
		"alarm", "alarms", "alarm-P", "dis-found", "mutation", "false")
	for _, a := range r.Alarms {
		mark := ""
		if a.Alarm == m.Alarm {
			mark = "  <- chosen"
		}
		fmt.Fprintf(w, "  %5.2f %7d %6.0f%% %5d/%-3d %5d/%-3d %6d%s\n", a.Alarm, a.Alarms, a.AlarmPrecision(),
			a.DisFound, a.DisTotal, a.MutFound, a.MutTotal, a.FalseFlags, mark)
	}
}
