package gate_test

import (
	"fmt"
	"testing"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/eval"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/gate"
)

// BenchmarkGroup groups the claims of the labelled stories, each taken
// ten times as a story of its own (as the feeds of BenchmarkCheck are).
func BenchmarkGroup(b *testing.B) {
	clusters, err := eval.LoadClusters("../testdata/gold")
	if err != nil || len(clusters) == 0 {
		b.Fatalf("load gold: %v", err)
	}
	lex, err := extract.DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	x := extract.New(lex)
	var cs []*claims.Claim
	for k := range 10 {
		for _, c := range clusters {
			var docs []*claims.Document
			for _, f := range c.Files {
				docs = append(docs, &claims.Document{Source: f, Story: fmt.Sprintf("%s#%d", c.Name, k), Raw: c.Texts[f], Text: string(c.Texts[f])})
			}
			cs = append(cs, x.Run(docs, extract.Options{})...)
		}
	}
	m, err := gate.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ReportMetric(float64(len(cs)), "claims")
	for b.Loop() {
		m.Group(cs)
	}
}
