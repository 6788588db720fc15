package eval

import (
	"github.com/factcheck/factcheck"
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/rules"
)

// BuiltinChecker returns a Checker that runs what `factcheck check` runs
// with no flags: the default lexicon and the built-in rule pack.
func BuiltinChecker() (Checker, error) {
	set, err := rules.LoadFS(factcheck.BuiltinRules, "rules.d")
	if err != nil {
		return nil, err
	}
	lex, err := extract.DefaultLexicon()
	if err != nil {
		return nil, err
	}
	x := extract.New(lex)
	return func(docs []*claims.Document) ([]*claims.Claim, []*claims.Finding, error) {
		cs := x.Run(docs, extract.Options{})
		fs, err := set.Evaluate(claims.GroupClaims(cs))
		return cs, fs, err
	}, nil
}
