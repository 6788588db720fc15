package rules_test

import (
	"fmt"
	"testing"

	"github.com/factcheck/factcheck"
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/rules"
)

// TestEmbeddedPack loads the pack as the binary holds it and runs its tests.
func TestEmbeddedPack(t *testing.T) {
	s, err := rules.LoadFS(factcheck.BuiltinRules, "rules.d")
	if err != nil {
		t.Fatal(err)
	}
	results, err := rules.RunTests(s, factcheck.BuiltinRules, "rules.d")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Status == rules.TestFail {
			t.Error(r)
		}
	}
}

// Example shows the seed story's death toll and meeting length through the
// built-in pack.
func Example() {
	s, err := rules.LoadFS(factcheck.BuiltinRules, "rules.d")
	if err != nil {
		fmt.Println(err)
		return
	}
	toll := func(id, source string, v claims.Value, quote string) *claims.Claim {
		return &claims.Claim{ID: id, Source: source, Kind: claims.KindCount, Slot: "death_toll",
			Subject: "chemical attack", Unit: "people", Value: v, Text: quote}
	}
	meeting := func(id, source string, v claims.Value, quote string) *claims.Claim {
		return &claims.Claim{ID: id, Source: source, Kind: claims.KindDuration, Slot: "meeting_duration",
			Unit: "s", Value: v, Text: quote}
	}
	cs := []*claims.Claim{
		toll("c1", "ap.txt", claims.Value{Lo: 24, Hi: 144, Vague: true}, "dozens"),
		toll("c2", "bbc.txt", mustParse(">80"), "more than 80 people"),
		toll("c3", "cnn.txt", mustParse(">=87"), "at least 87 people"),
		meeting("c4", "ap.txt", claims.Exact(7200), "two hours"),
		meeting("c5", "bbc.txt", mustParse("~7200"), "about two hours"),
	}
	findings, err := s.Evaluate(claims.GroupClaims(cs))
	if err != nil {
		fmt.Println(err)
	}
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Rule, f.Message)
	}
	// Output:
	// info precision: the death toll of the chemical attack: figures differ in precision: dozens (ap.txt), more than 80 people (bbc.txt), at least 87 people (cnn.txt); all hold if the figure is between 87 and 144
}

func mustParse(s string) claims.Value {
	v, err := rules.ParseValue(s)
	if err != nil {
		panic(err)
	}
	return v
}
