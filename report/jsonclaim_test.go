package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// encodeJSON is how encoding/json writes v: the reference appendClaim must
// match.
func encodeJSON(t testing.TB, v any, prefix, indent string) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, indent)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// jsonReference writes r as JSON did before appendClaim: the whole
// jsonOutput through encoding/json.
func jsonReference(t testing.TB, r *Result, withGroups bool) []byte {
	t.Helper()
	out := jsonOutput{
		Version: Version,
		Sources: make([]jsonSource, 0, len(r.Docs)),
		Claims:  make([]jsonClaim, 0, len(r.Claims)),
		Summary: jsonSummary{Sources: len(r.Docs), Claims: len(r.Claims)},
	}
	for i, d := range r.Docs {
		out.Sources = append(out.Sources, jsonSource{ID: fmt.Sprintf("s%d", i+1), Path: d.Source, Title: d.Title, Published: d.Published})
	}
	for _, c := range r.Claims {
		out.Claims = append(out.Claims, claimJSON(c))
	}
	if withGroups {
		groups := make([]jsonGroup, 0, len(r.Groups))
		for _, g := range r.Groups {
			groups = append(groups, jsonGroup{Story: g.Story, Slot: g.Slot, Subject: g.Subject, Claims: claimIDs(g.Claims),
				Confidence: math.Round(g.Confidence*1000) / 1000})
		}
		findings := make([]jsonFinding, 0, len(r.Findings))
		for _, f := range SortFindings(r.Findings) {
			findings = append(findings, jsonFinding{Rule: f.Rule, Severity: f.Severity.String(), Story: f.Story, Slot: f.Slot, Subject: f.Subject,
				About: f.AboutWords(), Message: f.Message, Claims: claimIDs(f.Claims), Fingerprint: Fingerprint(f)})
		}
		out.Groups, out.Findings = &groups, &findings
		out.Draft, out.Copies = draftJSON(r)
		n := countSeverities(r.Findings)
		out.Summary.Findings = &jsonSeverity{Error: n[claims.SeverityError], Warning: n[claims.SeverityWarning], Info: n[claims.SeverityInfo]}
	}
	return append(encodeJSON(t, out, "", "  "), '\n')
}

// randomClaim returns a claim whose strings hold the characters JSON
// escapes (quotes, backslashes, control characters, U+2028, invalid
// UTF-8, HTML) and whose numbers span the float formats.
func randomClaim(r *rand.Rand, i int) *claims.Claim {
	pieces := []string{"", "a", "more than 80 people", `"quoted"`, `back\slash`, "tab\there", "new\nline", "\r\b\f\x00\x01\x1f\x7f",
		"<b>&amp;</b>", "Russia’s", "é ü ß", "\u2028\u2029", "\xff\xfe bad", "日本語", "emoji 😀", "/slash/"}
	str := func() string {
		s := ""
		for n := r.IntN(4); n > 0; n-- {
			s += pieces[r.IntN(len(pieces))]
		}
		return s
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 59, 80.5, 1e-7, 1.5e-6, 1e-6, 123456789012345678901234.0, 1e21, 9.99e20, 3e9, 0.05,
		math.Inf(1), math.Inf(-1), math.NaN(), 17345, 1.0 / 3, -2.5e-10}
	f := func() float64 { return floats[r.IntN(len(floats))] }
	return &claims.Claim{
		ID: "c" + string(rune('0'+i%10)), Source: str(), Kind: claims.Kind(str()), Slot: str(), Subject: str(), Text: str(),
		Span:  claims.Span{Start: r.IntN(1 << 20), End: r.IntN(1 << 20), Line: r.IntN(1000), Col: r.IntN(200) - 1},
		Value: claims.Value{Lo: f(), Hi: f(), LoOpen: r.IntN(2) == 0, HiOpen: r.IntN(2) == 0, Approx: r.IntN(2) == 0, Tol: f(), Vague: r.IntN(2) == 0, Date: str(), Text: str()},
		Unit:  str(), Sentence: str(), Qualifier: str(), Attribution: str(), Superseded: r.IntN(2) == 0,
		Derived: []string{"", str()}[r.IntN(2)], AsOf: []string{"", str()}[r.IntN(2)],
		Frame: claims.Frame{Dimension: []string{"", str()}[r.IntN(2)], Counts: []string{"", str()}[r.IntN(2)],
			Owner: []string{"", str()}[r.IntN(2)], Per: []string{"", str()}[r.IntN(3)/2], Time: []string{"", str()}[r.IntN(2)]},
	}
}

// TestClaimJSONMatchesEncoding checks that appendClaim writes exactly what
// encoding/json writes for claimJSON, compact (JSONL) and indented (the
// claims array of JSON), and that JSON as a whole is what encoding/json
// writes for the object.
func TestClaimJSONMatchesEncoding(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var cs []*claims.Claim
	for i := range 2000 {
		c := randomClaim(r, i)
		cs = append(cs, c)
		if got, want := appendClaim(nil, c, ""), encodeJSON(t, claimJSON(c), "", ""); !bytes.Equal(got, want) {
			t.Fatalf("compact:\n got %s\nwant %s", got, want)
		}
		if got, want := appendClaim(nil, c, "    "), encodeJSON(t, claimJSON(c), "    ", "  "); !bytes.Equal(got, want) {
			t.Fatalf("indented:\n got %s\nwant %s", got, want)
		}
	}
	for _, n := range []int{0, 1, 3, len(cs)} {
		res := &Result{Docs: []*claims.Document{{Source: "a.txt", Title: "<T>"}}, Claims: cs[:n],
			Groups: claims.GroupClaims(cs[:n]), Findings: []*claims.Finding{{Rule: "conflict", Severity: claims.SeverityError, Slot: "x", Claims: cs[:min(n, 2)]}}}
		for _, withGroups := range []bool{false, true} {
			var got bytes.Buffer
			if err := JSON(&got, res, withGroups); err != nil {
				t.Fatal(err)
			}
			if want := jsonReference(t, res, withGroups); !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("JSON with %d claims (groups %v) differs from encoding/json:\n got %.600s\nwant %.600s", n, withGroups, got.Bytes(), want)
			}
		}
	}
}

// FuzzClaimJSON compares appendClaim with encoding/json on arbitrary
// strings and numbers.
func FuzzClaimJSON(f *testing.F) {
	f.Add("more than 80 people", "\u2028\xff\"\\", 80.0, math.Inf(1))
	f.Fuzz(func(t *testing.T, s1, s2 string, lo, hi float64) {
		c := &claims.Claim{ID: s1, Text: s2, Sentence: s1 + s2, Subject: s2, Value: claims.Value{Lo: lo, Hi: hi, Approx: true, Tol: lo, Date: s1}}
		if got, want := appendClaim(nil, c, ""), encodeJSON(t, claimJSON(c), "", ""); !bytes.Equal(got, want) {
			t.Fatalf("compact:\n got %s\nwant %s", got, want)
		}
		if got, want := appendClaim(nil, c, "    "), encodeJSON(t, claimJSON(c), "    ", "  "); !bytes.Equal(got, want) {
			t.Fatalf("indented:\n got %s\nwant %s", got, want)
		}
	})
}
