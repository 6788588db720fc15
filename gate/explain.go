package gate

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// An Explanation says why the gate does or does not take two claims to
// state the same fact.
type Explanation struct {
	A, B *claims.Claim
	// Rule is the hard rule that keeps them apart ("different
	// currencies …"), or "" when the model scored them.
	Rule string
	// Terms holds every feature's value and its contribution to the
	// log-odds (value times weight), in the order of FeatureNames; empty
	// when Rule is set.
	Terms []Term
	// Bias is the log-odds of a pair with every feature 0; Logit the
	// pair's log-odds, Bias plus the contributions; Prob the probability.
	Bias, Logit, Prob float64
	// Link and Alarm are the model's thresholds.
	Link, Alarm float64
}

// A Term is one feature of a pair.
type Term struct {
	Feature, Doc                string
	Value, Weight, Contribution float64
}

// Linked reports whether the pair reaches the link threshold on its own.
// As the grouping does, it compares log-odds.
func (e *Explanation) Linked() bool {
	return e.Rule == "" && float32(e.Logit) >= float32(logit(e.Link))
}

// Explain returns why the gate does or does not take a and b to state the
// same fact: the hard rule that keeps them apart, or every feature's value
// and contribution, the probability and the decision. all is the run's
// claims, over which some features count (nil: a and b alone).
func (m *Model) Explain(a, b *claims.Claim, all []*claims.Claim) *Explanation {
	if all == nil {
		all = []*claims.Claim{a, b}
	}
	return m.Prepare(all).Explain(a, b)
}

// Explain is Model.Explain over the batch's claims.
func (bt *Batch) Explain(a, b *claims.Claim) *Explanation {
	m := bt.m
	e := &Explanation{A: a, B: b, Bias: m.Bias, Link: m.Link, Alarm: m.Alarm}
	x, why := bt.Features(a, b)
	if why != "" {
		e.Rule = why
		return e
	}
	e.Logit = m.Bias
	for i, f := range features {
		t := Term{Feature: f.Name, Doc: f.Doc, Value: x[i], Weight: m.Weights[i], Contribution: x[i] * m.Weights[i]}
		e.Logit += t.Contribution
		e.Terms = append(e.Terms, t)
	}
	e.Prob = sigmoid(e.Logit)
	return e
}

// Write prints e for a user: both claims with their frames, then the
// decision and the features that made it (those with a value other than
// 0, largest contribution first in absolute size).
func (e *Explanation) Write(w io.Writer) error {
	var b strings.Builder
	for i, c := range []*claims.Claim{e.A, e.B} {
		fmt.Fprintf(&b, "claim %d: %s:%d:%d %q\n", i+1, c.Source, c.Span.Line, c.Span.Col, c.Text)
		for _, l := range Describe(c) {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	switch {
	case e.Rule != "":
		fmt.Fprintf(&b, "not compared: %s\n", e.Rule)
	case e.Linked():
		fmt.Fprintf(&b, "same fact: probability %.2f, at or above the link threshold %.2f\n", e.Prob, e.Link)
	default:
		fmt.Fprintf(&b, "different facts: probability %.2f, below the link threshold %.2f\n", e.Prob, e.Link)
	}
	if e.Rule == "" {
		terms := make([]Term, 0, len(e.Terms))
		for _, t := range e.Terms {
			if t.Value != 0 && math.Abs(t.Contribution) >= 0.005 {
				terms = append(terms, t)
			}
		}
		sortTerms(terms)
		fmt.Fprintf(&b, "  %-22s %6s %7s %8s\n", "feature", "value", "weight", "log-odds")
		for _, t := range terms {
			fmt.Fprintf(&b, "  %-22s %6.2f %7.2f %+8.2f  %s\n", t.Feature, t.Value, t.Weight, t.Contribution, t.Doc)
		}
		fmt.Fprintf(&b, "  %-22s %6s %7s %+8.2f  %s\n", "bias", "", "", e.Bias, "every pair starts here")
		fmt.Fprintf(&b, "  %-22s %6s %7s %+8.2f  %s\n", "total", "", "", e.Logit, fmt.Sprintf("probability %.2f", e.Prob))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sortTerms orders terms by the absolute size of their contribution,
// largest first; ties keep the feature order.
func sortTerms(ts []Term) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && math.Abs(ts[j].Contribution) > math.Abs(ts[j-1].Contribution); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// Describe returns lines that say what the gate reads off c: its kind,
// value, slot and subject, every part of its frame the text gave, who
// says it, and the parts of its frame it lacks.
func Describe(c *claims.Claim) []string {
	lines := []string{fmt.Sprintf("kind %s, value %s, slot %s, subject %s",
		c.Kind, valueText(c), orNone(c.Slot), orNone(c.Subject))}
	f := c.Frame
	parts := []struct{ name, v string }{
		{"dimension", f.Dimension}, {"unit as written", f.Unit}, {"currency", f.Currency}, {"per", f.Per},
		{"basis", f.Basis}, {"counts", f.Counts}, {"owner", f.Owner}, {"role", f.Role}, {"part of", f.PartOf},
		{"event", f.Event}, {"place", f.Place}, {"time", f.Time},
	}
	var have, lack []string
	for _, p := range parts {
		if p.v != "" {
			have = append(have, p.name+" "+strconv.Quote(p.v))
		} else {
			lack = append(lack, p.name)
		}
	}
	if len(have) > 0 {
		lines = append(lines, "frame: "+strings.Join(have, ", "))
	}
	if len(lack) > 0 {
		lines = append(lines, "frame does not say: "+strings.Join(lack, ", "))
	}
	if f.Generic {
		lines = append(lines, "generic: the text says nothing of what the figure is of, so it is no evidence of an alarm")
	}
	if c.Attribution != "" {
		lines = append(lines, "said by: "+c.Attribution)
	}
	if c.AsOf != "" {
		lines = append(lines, "as of: "+c.AsOf)
	}
	return lines
}

// valueText writes c's value plainly: a date, a text, or its interval
// with the normalised unit.
func valueText(c *claims.Claim) string {
	v := c.Value
	switch {
	case v.Date != "":
		return v.Date
	case v.Text != "":
		return strconv.Quote(v.Text)
	}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	var s string
	switch {
	case v.IsPoint():
		s = num(v.Lo)
	case math.IsInf(v.Hi, 1) && !math.IsInf(v.Lo, -1):
		s = ">" + num(v.Lo)
		if !v.LoOpen {
			s = ">=" + num(v.Lo)
		}
	case math.IsInf(v.Lo, -1) && !math.IsInf(v.Hi, 1):
		s = "<" + num(v.Hi)
		if !v.HiOpen {
			s = "<=" + num(v.Hi)
		}
	case v.Bounded():
		s = num(v.Lo) + "–" + num(v.Hi)
	default:
		s = "any"
	}
	if v.Approx {
		s = "~" + s
	}
	if c.Unit != "" {
		s += " " + c.Unit
	}
	return s
}
