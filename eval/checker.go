package eval

import (
	"github.com/factcheck/factcheck"
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/gate"
	"github.com/factcheck/factcheck/rules"
)

// A Pipeline is what `factcheck check` runs: extraction, the gate's
// grouping, and the rules.
type Pipeline struct {
	Extractor *extract.Extractor
	Rules     *rules.Set
	// Gate groups the claims and gives each group its confidence; nil
	// groups them by equal slot and subject (claims.GroupClaims) with no
	// alarm threshold, as factcheck did before the gate.
	Gate *gate.Model
}

// BuiltinPipeline returns what `factcheck check` runs with no flags, with
// the gate model (nil: grouping by slot and subject): the default
// lexicon and the built-in rule pack.
func BuiltinPipeline(model *gate.Model) (*Pipeline, error) {
	set, err := rules.LoadFS(factcheck.BuiltinRules, "rules.d")
	if err != nil {
		return nil, err
	}
	lex, err := extract.DefaultLexicon()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Extractor: extract.New(lex), Rules: set, Gate: model}, nil
}

// BuiltinChecker returns the Checker of what `factcheck check` runs with
// no flags: BuiltinPipeline with the built-in gate (gate.Default).
func BuiltinChecker() (Checker, error) {
	model, err := gate.Default()
	if err != nil {
		return nil, err
	}
	p, err := BuiltinPipeline(model)
	if err != nil {
		return nil, err
	}
	return p.Check, nil
}

// Extract reads the claims of docs as check does.
func (p *Pipeline) Extract(docs []*claims.Document) []*claims.Claim {
	return p.Extractor.Run(docs, extract.Options{})
}

// Judge groups claims and runs the rules on the groups, as check does.
func (p *Pipeline) Judge(cs []*claims.Claim) ([]*claims.Group, []*claims.Finding, error) {
	if p.Gate == nil {
		groups := claims.GroupClaims(cs)
		fs, err := p.Rules.Evaluate(groups)
		return groups, fs, err
	}
	groups := p.Gate.Group(cs)
	fs, err := p.Rules.Evaluate(groups, rules.MinAlarmConfidence(p.Gate.Alarm))
	return groups, fs, err
}

// Check is the pipeline as a Checker.
func (p *Pipeline) Check(docs []*claims.Document) ([]*claims.Claim, []*claims.Group, []*claims.Finding, error) {
	cs := p.Extract(docs)
	groups, fs, err := p.Judge(cs)
	return cs, groups, fs, err
}
