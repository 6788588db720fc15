package gate

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func TestExplain(t *testing.T) {
	m := &Model{Bias: -2, Weights: make([]float64, len(features)), Link: 0.5, Alarm: 0.7}
	key := slices.Index(FeatureNames(), "key_equal")
	owner := slices.Index(FeatureNames(), "owner_conflict")
	m.Weights[key], m.Weights[owner] = 3, -4
	a := fig{id: "c1", src: "a.txt", slot: "percentage", subj: "vote", v: 58.2, text: "58.2%", kind: claims.KindPercent, frame: claims.Frame{Owner: "Alba"}}.claim()
	b := fig{id: "c2", src: "b.txt", slot: "percentage", subj: "vote", v: 58.2, text: "58.2 percent", kind: claims.KindPercent}.claim()
	c := fig{id: "c3", src: "b.txt", slot: "percentage", subj: "vote", v: 41.8, text: "41.8 percent", kind: claims.KindPercent, frame: claims.Frame{Owner: "Brun"}}.claim()
	a.Span, b.Span = claims.Span{Line: 3, Col: 14}, claims.Span{Line: 7, Col: 2}

	// The key alone: -2 + 3 = 1.
	e := m.Explain(a, b, nil)
	if e.Rule != "" || e.Logit != 1 || math.Abs(e.Prob-1/(1+math.Exp(-1))) > 1e-12 || !e.Linked() {
		t.Errorf("a, b: rule %q, log-odds %v, probability %v, linked %v; want 1, 0.731, linked", e.Rule, e.Logit, e.Prob, e.Linked())
	}
	sum := e.Bias
	for _, term := range e.Terms {
		sum += term.Contribution
		if term.Contribution != term.Value*term.Weight {
			t.Errorf("%s: contribution %v is not value times weight", term.Feature, term.Contribution)
		}
	}
	if sum != e.Logit {
		t.Errorf("bias and contributions add up to %v, log-odds %v", sum, e.Logit)
	}
	var out strings.Builder
	if err := e.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`claim 1: a.txt:3:14 "58.2%"`,
		`claim 2: b.txt:7:2 "58.2 percent"`,
		`frame: owner "Alba"`,
		"same fact: probability 0.73, at or above the link threshold 0.50",
		"key_equal", "+3.00",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Write: no %q in\n%s", want, out.String())
		}
	}

	// Owners in conflict: -2 + 3 - 4 = -3.
	e = m.Explain(a, c, nil)
	if e.Logit != -3 || e.Linked() {
		t.Errorf("a, c: log-odds %v, linked %v; want -3, not linked", e.Logit, e.Linked())
	}
	out.Reset()
	e.Write(&out)
	if !strings.Contains(out.String(), "different facts: probability 0.05, below the link threshold 0.50") ||
		!strings.Contains(out.String(), "owner_conflict") {
		t.Errorf("Write:\n%s", out.String())
	}

	// A hard rule: no features, the rule in words.
	d := fig{id: "c4", src: "b.txt", slot: "percentage", subj: "vote", v: 58.2, text: "58", kind: claims.KindCount}.claim()
	e = m.Explain(a, d, nil)
	if e.Rule != "different kinds (percent, count)" || e.Terms != nil || e.Linked() {
		t.Errorf("a, d: rule %q, %d terms, linked %v", e.Rule, len(e.Terms), e.Linked())
	}
	out.Reset()
	e.Write(&out)
	if !strings.Contains(out.String(), "not compared: different kinds (percent, count)") || strings.Contains(out.String(), "bias") {
		t.Errorf("Write:\n%s", out.String())
	}
}

func TestDescribe(t *testing.T) {
	c := &claims.Claim{Kind: claims.KindMoney, Slot: "wage", Unit: "GBP", Value: claims.Value{Lo: 290000, Hi: math.Inf(1), LoOpen: true},
		Frame: claims.Frame{Per: "week", Owner: "Alba"}, Attribution: "the club", AsOf: "2016-08-09"}
	got := strings.Join(Describe(c), "\n")
	want := `kind money, value >290000 GBP, slot wage, subject none
frame: per "week", owner "Alba"
frame does not say: dimension, unit as written, currency, basis, counts, role, part of, event, place, time
said by: the club
as of: 2016-08-09`
	if got != want {
		t.Errorf("Describe:\n%s\nwant:\n%s", got, want)
	}
}

func TestDescribeGeneric(t *testing.T) {
	c := &claims.Claim{Kind: claims.KindMoney, Slot: "money_amount", Unit: "USD", Value: claims.Exact(3e9),
		Frame: claims.Frame{Dimension: "money", Currency: "USD", Generic: true}}
	got := Describe(c)
	if want := "generic: the text says nothing of what the figure is of, so it is no evidence of an alarm"; got[len(got)-1] != want {
		t.Errorf("Describe ends %q, want %q", got[len(got)-1], want)
	}
}
