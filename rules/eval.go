package rules

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/factcheck/factcheck/claims"
)

// A Failure is one rule that failed at run time on one group.
type Failure struct {
	Rule string
	// File is the rule's file.
	File string
	// Key is the group's key.
	Key claims.Key
	Err error
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s: rule %s failed on %s: %v", f.File, f.Rule, groupName(f.Key), f.Err)
}

// groupName names a group as messages do: "slot (subject)", after the story
// when there is one.
func groupName(k claims.Key) string {
	s := k.Slot
	if k.Subject != "" {
		s += " (" + k.Subject + ")"
	}
	if k.Story != "" {
		s = k.Story + ": " + s
	}
	return s
}

// maxFailuresPerRule bounds the failures an EvalError lists for one rule.
const maxFailuresPerRule = 5

// An EvalError reports the rules that failed at run time. The other rules,
// and the failed ones on other groups, still produced their findings.
type EvalError struct {
	// Failures lists the first few failures of each rule, ordered by rule
	// and group.
	Failures []Failure
	// Omitted counts the failures left out of Failures.
	Omitted int
}

func (e *EvalError) Error() string {
	lines := make([]string, 0, len(e.Failures)+1)
	for _, f := range e.Failures {
		lines = append(lines, f.Error())
	}
	if e.Omitted > 0 {
		lines = append(lines, fmt.Sprintf("(and %d more rule failures)", e.Omitted))
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the failures, so errors.Is and errors.As see their causes.
func (e *EvalError) Unwrap() []error {
	out := make([]error, len(e.Failures))
	for i, f := range e.Failures {
		out[i] = f.Err
	}
	return out
}

// An EvalOption changes what Evaluate does.
type EvalOption func(*evalConfig)

type evalConfig struct {
	alarm float64 // the confidence a group needs for a warning or an error
}

// specificSources reports whether the evidence cs says what its figures
// are of, as an alarm needs: when some of its claims of different sources
// state values that cannot both be true, two such claims that are not
// generic; otherwise two claims of different sources that are not. It
// runs in time linear in len(cs) (a group may hold thousands of claims).
func specificSources(cs []*claims.Claim) bool {
	var spec []*claims.Claim
	for _, c := range cs {
		if !c.Frame.Generic {
			spec = append(spec, c)
		}
	}
	if !anyConflict(cs) {
		return twoSources(spec)
	}
	return anyConflict(spec)
}

// twoSources reports whether cs hold claims of two sources or more.
func twoSources(cs []*claims.Claim) bool {
	for _, c := range cs {
		if c.Source != cs[0].Source {
			return true
		}
	}
	return false
}

// anyConflict reports whether two claims of cs of different sources
// state values that cannot both be true (claims.Overlaps is false). Text
// values conflict when two differ and two sources give them; numbers and
// dates when the claim whose interval ends lowest and the one whose
// interval starts highest do, among claims of different sources.
func anyConflict(cs []*claims.Claim) bool {
	if len(cs) < 2 || !twoSources(cs) {
		return false
	}
	for _, c := range cs {
		if c.Value.Text != "" {
			for _, d := range cs {
				if d.Value.Text != c.Value.Text {
					return true // two texts, two sources: some pair of them is of two sources
				}
			}
			return false
		}
	}
	// The lowest end and the highest start, and the same among the
	// sources other than theirs.
	lowEnd := func(c *claims.Claim) (float64, bool) { _, hi, _, open := c.Value.Bounds(); return hi, open }
	highStart := func(c *claims.Claim) (float64, bool) { lo, _, open, _ := c.Value.Bounds(); return lo, open }
	below := func(x, y *claims.Claim) bool { // x ends before y ends
		a, ao := lowEnd(x)
		b, bo := lowEnd(y)
		return a < b || a == b && ao && !bo
	}
	above := func(x, y *claims.Claim) bool { // x starts after y starts
		a, ao := highStart(x)
		b, bo := highStart(y)
		return a > b || a == b && ao && !bo
	}
	pick := func(better func(x, y *claims.Claim) bool, except string) *claims.Claim {
		var best *claims.Claim
		for _, c := range cs {
			if c.Source != except && (best == nil || better(c, best)) {
				best = c
			}
		}
		return best
	}
	a, b := pick(below, "\x00"), pick(above, "\x00")
	if a.Source != b.Source {
		return !claims.Overlaps(a.Value, b.Value)
	}
	a2, b2 := pick(below, a.Source), pick(above, a.Source)
	return a2 != nil && !claims.Overlaps(a2.Value, b.Value) || b2 != nil && !claims.Overlaps(a.Value, b2.Value)
}

// MinAlarmConfidence makes a finding at warning or error on a group whose
// Confidence is below min an info finding, whose message says so: the
// grouping is not sure enough that the claims state one fact for the
// finding to be an alarm. Without it the group's confidence is not read.
func MinAlarmConfidence(min float64) EvalOption {
	return func(c *evalConfig) { c.alarm = min }
}

// Evaluate runs every rule of s on every group its When filter admits and
// returns the findings, sorted by rule id, story, slot, subject, and the
// source and offset of the first evidence claim.
//
// A rule that fails on a group (an expression error, the cost limit) is
// recorded and skipped; the rest go on. The error is then an *EvalError,
// returned with the findings of everything that did run.
//
// Groups are evaluated in parallel; the result does not depend on it.
func (s *Set) Evaluate(groups []*claims.Group, opts ...EvalOption) ([]*claims.Finding, error) {
	var cfg evalConfig
	for _, o := range opts {
		o(&cfg)
	}
	env, err := celEnv()
	if err != nil {
		return nil, err
	}
	rules := s.Rules()
	type result struct {
		findings []*claims.Finding
		failures []Failure
	}
	results := make([]result, len(groups))
	storySources := countStorySources(groups)
	work := func(i int) {
		g := groups[i]
		var gd *groupData
		for _, r := range rules {
			if !r.When.Match(g) {
				continue
			}
			if gd == nil {
				gd = env.newGroupData(g, storySources[g.Story])
			}
			f, err := r.evaluate(gd)
			if err != nil {
				results[i].failures = append(results[i].failures, Failure{Rule: r.ID, File: r.File, Key: g.Key, Err: err})
				continue
			}
			if f != nil {
				if f.Severity >= claims.SeverityWarning && !specificSources(f.Claims) {
					f.Severity = claims.SeverityInfo
					f.Message += " (info only: the figures that disagree do not both say what they are of; a figure with nothing counted, no owner, event or place is no evidence of an alarm)"
				}
				if f.Severity >= claims.SeverityWarning && g.Confidence < cfg.alarm {
					f.Severity = claims.SeverityInfo
					// The confidence rounded down, so that it never reads
					// as high as the threshold it is below.
					f.Message += fmt.Sprintf(" (info only: the grouping's confidence that these claims state one fact, %.2f, is below the %.2f an alarm needs)",
						math.Floor(g.Confidence*100)/100, cfg.alarm)
				}
				results[i].findings = append(results[i].findings, f)
			}
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(groups))
	if workers <= 1 {
		for i := range groups {
			work(i)
		}
	} else {
		// The workers take the next group from a counter: handing each
		// index over a channel kept the second core mostly idle.
		var next atomic.Int64
		var wg sync.WaitGroup
		var once sync.Once
		var fault any // a worker's panic, raised again on the caller's goroutine
		for range workers {
			wg.Go(func() {
				defer func() {
					if r := recover(); r != nil {
						once.Do(func() { fault = r })
						next.Store(int64(len(groups)))
					}
				}()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(groups) {
						return
					}
					work(i)
				}
			})
		}
		wg.Wait()
		if fault != nil {
			panic(fault)
		}
	}

	var findings []*claims.Finding
	var failures []Failure
	for _, r := range results {
		findings = append(findings, r.findings...)
		failures = append(failures, r.failures...)
	}
	SortFindings(findings)
	if len(failures) == 0 {
		return findings, nil
	}
	slices.SortStableFunc(failures, func(a, b Failure) int {
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Key.Story, b.Key.Story),
			cmp.Compare(a.Key.Slot, b.Key.Slot), cmp.Compare(a.Key.Subject, b.Key.Subject))
	})
	e := &EvalError{}
	perRule := map[string]int{}
	for _, f := range failures {
		if perRule[f.Rule]++; perRule[f.Rule] > maxFailuresPerRule {
			e.Omitted++
			continue
		}
		e.Failures = append(e.Failures, f)
	}
	return findings, e
}

// countStorySources counts the distinct sources of the claims of each
// story's groups.
func countStorySources(groups []*claims.Group) map[string]int {
	type key struct{ story, source string }
	seen := map[key]bool{}
	n := map[string]int{}
	for _, g := range groups {
		for _, c := range g.Claims {
			if k := (key{g.Story, c.Source}); !seen[k] {
				seen[k] = true
				n[g.Story]++
			}
		}
	}
	return n
}

// SortFindings sorts findings into the order Evaluate returns them: by
// rule id, story, slot, subject, then the source and offset of the first
// evidence claim.
func SortFindings(fs []*claims.Finding) {
	first := func(f *claims.Finding) (string, int) {
		if len(f.Claims) == 0 {
			return "", -1
		}
		return f.Claims[0].Source, f.Claims[0].Offset
	}
	slices.SortStableFunc(fs, func(a, b *claims.Finding) int {
		as, ao := first(a)
		bs, bo := first(b)
		return cmp.Or(cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Story, b.Story), cmp.Compare(a.Slot, b.Slot),
			cmp.Compare(a.Subject, b.Subject), cmp.Compare(as, bs), cmp.Compare(ao, bo))
	})
}

// evaluate runs r on one group: nil when the condition is false.
func (r *Rule) evaluate(gd *groupData) (*claims.Finding, error) {
	act := &activation{g: gd, params: r.params}
	out, err := eval(r.cond, act)
	if err != nil {
		return nil, fmt.Errorf("condition: %w", err)
	}
	fire, ok := out.(types.Bool)
	if !ok {
		return nil, fmt.Errorf("condition gave %s, not a bool", out.Type().TypeName())
	}
	if !fire {
		return nil, nil
	}
	g := gd.group
	evidence := slices.Clone(g.Claims)
	if r.evid != nil {
		out, err := eval(r.evid, act)
		if err != nil {
			return nil, fmt.Errorf("evidence: %w", err)
		}
		if evidence, err = evidenceClaims(out, gd); err != nil {
			return nil, fmt.Errorf("evidence: %w", err)
		}
	}
	msg := r.Message
	if r.msg != nil {
		// A message expression that fails falls back to the static message.
		if out, err := eval(r.msg, act); err == nil {
			if s, ok := out.(types.String); ok {
				msg = string(s)
			}
		}
	}
	if msg == "" {
		msg = r.Title
	}
	return &claims.Finding{
		Rule: r.ID, Severity: r.Severity,
		Story: g.Story, Slot: g.Slot, Subject: g.Subject, About: gd.obj.About,
		Message: msg, Claims: evidence,
	}, nil
}

// eval runs a program, turning a CEL error value into a Go error.
func eval(p *program, act *activation) (ref.Val, error) {
	out, _, err := p.prg.Eval(act)
	if err != nil {
		return nil, err
	}
	if types.IsError(out) {
		if e, ok := out.Value().(error); ok {
			return nil, e
		}
		return nil, errors.New(out.(*types.Err).String())
	}
	return out, nil
}

// evidenceClaims returns the group's claims listed in an evidence value,
// once each, in the group's order.
func evidenceClaims(v ref.Val, gd *groupData) ([]*claims.Claim, error) {
	objs, _, err := listObjs(v)
	if err != nil {
		return nil, err
	}
	idx := make([]int, 0, len(objs))
	for _, o := range objs {
		if o.claim == nil || o.index < 0 || o.index >= len(gd.objs) || gd.group.Claims[o.index] != o.claim {
			return nil, fmt.Errorf("%s is not one of the group's claims", o.show())
		}
		idx = append(idx, o.index)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	out := make([]*claims.Claim, len(idx))
	for i, k := range idx {
		out[i] = gd.group.Claims[k]
	}
	return out, nil
}
