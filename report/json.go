package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/factcheck/factcheck/claims"
)

// The JSON shapes of the output contract. claims has no JSON tags on
// purpose: the contract is written down here, in one place.
type (
	jsonOutput struct {
		Version  int            `json:"version"`
		Sources  []jsonSource   `json:"sources"`
		Claims   []jsonClaim    `json:"claims"`
		Groups   *[]jsonGroup   `json:"groups,omitempty"`
		Findings *[]jsonFinding `json:"findings,omitempty"`
		Draft    *[]jsonDraft   `json:"draft,omitempty"`
		Copies   *[]jsonCopy    `json:"copies,omitempty"`
		Summary  jsonSummary    `json:"summary"`
	}
	jsonSource struct {
		ID        string `json:"id"`
		Path      string `json:"path"`
		Title     string `json:"title"`
		Published string `json:"published"`
	}
	jsonClaim struct {
		ID          string        `json:"id"`
		Source      string        `json:"source"`
		Kind        string        `json:"kind"`
		Slot        string        `json:"slot"`
		Subject     string        `json:"subject"`
		Text        string        `json:"text"`
		Span        jsonSpan      `json:"span"`
		Value       jsonValue     `json:"value"`
		Unit        string        `json:"unit"`
		Sentence    string        `json:"sentence"`
		Attribution string        `json:"attribution,omitempty"`
		Qualifier   string        `json:"qualifier,omitempty"`
		Superseded  bool          `json:"superseded,omitempty"`
		Derived     string        `json:"derived,omitempty"`
		AsOf        string        `json:"as_of,omitempty"`
		Frame       *claims.Frame `json:"frame,omitempty"`
	}
	jsonSpan struct {
		Start int `json:"start"`
		End   int `json:"end"`
		Line  int `json:"line"`
		Col   int `json:"col"`
	}
	jsonValue struct {
		Lo     *float64 `json:"lo"`
		Hi     *float64 `json:"hi"`
		LoOpen bool     `json:"lo_open"`
		HiOpen bool     `json:"hi_open"`
		Approx bool     `json:"approx"`
		Tol    *float64 `json:"tol,omitempty"`
		Vague  bool     `json:"vague,omitempty"`
		Date   string   `json:"date,omitempty"`
		Text   string   `json:"text,omitempty"`
	}
	jsonGroup struct {
		Story   string   `json:"story,omitempty"`
		Slot    string   `json:"slot"`
		Subject string   `json:"subject"`
		Claims  []string `json:"claims"`
		// Confidence is how sure the grouping is that the claims state
		// one fact, from 0 to 1, to three decimals.
		Confidence float64 `json:"confidence"`
	}
	jsonFinding struct {
		Rule        string        `json:"rule"`
		Severity    string        `json:"severity"`
		Story       string        `json:"story,omitempty"`
		Slot        string        `json:"slot"`
		Subject     string        `json:"subject"`
		About       string        `json:"about"`
		Message     string        `json:"message"`
		Claims      []string      `json:"claims"`
		Fingerprint string        `json:"fingerprint"`
		Accepted    *jsonAccepted `json:"accepted,omitempty"`
	}
	jsonAccepted struct {
		Reason string `json:"reason"`
	}
	jsonSummary struct {
		Sources int `json:"sources"`
		// SourcesWithClaims counts the sources a claim was read from.
		SourcesWithClaims int           `json:"sources_with_claims"`
		Claims            int           `json:"claims"`
		Findings          *jsonSeverity `json:"findings,omitempty"`
	}
	jsonSeverity struct {
		Error   int `json:"error"`
		Warning int `json:"warning"`
		Info    int `json:"info"`
	}
)

// JSON writes r as one indented JSON object: version, sources, claims and
// summary, and with withGroups (the check command) also groups, findings
// and the summary's finding counts. The object is jsonOutput, as
// encoding/json writes it with two-space indentation; the claims are
// written by appendClaim.
func JSON(w io.Writer, r *Result, withGroups bool) error {
	out := jsonOutput{
		Version: Version,
		Sources: make([]jsonSource, 0, len(r.Docs)),
		Summary: jsonSummary{Sources: len(r.Docs), SourcesWithClaims: sourcesWithClaims(r), Claims: len(r.Claims)},
	}
	for i, d := range r.Docs {
		out.Sources = append(out.Sources, jsonSource{
			ID: "s" + strconv.Itoa(i+1), Path: d.Source, Title: d.Title, Published: d.Published,
		})
	}
	if withGroups {
		groups := make([]jsonGroup, 0, len(r.Groups))
		for _, g := range r.Groups {
			groups = append(groups, jsonGroup{Story: g.Story, Slot: g.Slot, Subject: g.Subject, Claims: claimIDs(g.Claims),
				Confidence: math.Round(g.Confidence*1000) / 1000})
		}
		findings := make([]jsonFinding, 0, len(r.Findings))
		for _, f := range SortFindings(r.Findings) {
			jf := jsonFinding{
				Rule: f.Rule, Severity: f.Severity.String(), Story: f.Story, Slot: f.Slot, Subject: f.Subject,
				About: f.AboutWords(), Message: f.Message, Claims: claimIDs(f.Claims), Fingerprint: Fingerprint(f),
			}
			if reason, ok := r.accepted(f); ok {
				jf.Accepted = &jsonAccepted{Reason: reason}
			}
			findings = append(findings, jf)
		}
		out.Groups, out.Findings = &groups, &findings
		out.Draft, out.Copies = draftJSON(r)
		n := countSeverities(r.Findings)
		out.Summary.Findings = &jsonSeverity{
			Error: n[claims.SeverityError], Warning: n[claims.SeverityWarning], Info: n[claims.SeverityInfo],
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"sources\": ", out.Version)
	if err := writeIndented(bw, out.Sources); err != nil {
		return err
	}
	bw.WriteString(",\n  \"claims\": ")
	if len(r.Claims) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[\n")
		var b []byte
		for i, c := range r.Claims {
			b = append(b[:0], "    "...)
			b = appendClaim(b, c, "    ")
			if i < len(r.Claims)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			bw.Write(b)
		}
		bw.WriteString("  ]")
	}
	for _, f := range []struct {
		name string
		v    any
		ok   bool
	}{
		{"groups", out.Groups, out.Groups != nil},
		{"findings", out.Findings, out.Findings != nil},
		{"draft", out.Draft, out.Draft != nil},
		{"copies", out.Copies, out.Copies != nil},
		{"summary", out.Summary, true},
	} {
		if !f.ok {
			continue
		}
		fmt.Fprintf(bw, ",\n  %q: ", f.name)
		if err := writeIndented(bw, f.v); err != nil {
			return err
		}
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// JSONL writes one claim per line, each the same object as in JSON's
// claims array.
func JSONL(w io.Writer, cs []*claims.Claim) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var b []byte
	for _, c := range cs {
		b = appendClaim(b[:0], c, "")
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// claimJSON is c as the contract's jsonClaim. JSON and JSONL write the
// same object with appendClaim, without reflection; the tests hold the
// two together.
func claimJSON(c *claims.Claim) jsonClaim {
	return jsonClaim{
		ID: c.ID, Source: c.Source, Kind: string(c.Kind), Slot: c.Slot, Subject: c.Subject, Text: c.Text,
		Span:  jsonSpan{Start: c.Span.Start, End: c.Span.End, Line: c.Span.Line, Col: c.Span.Col},
		Value: valueJSON(c.Value), Unit: c.Unit, Sentence: c.Sentence,
		Attribution: c.Attribution, Qualifier: c.Qualifier, Superseded: c.Superseded,
		Derived: c.Derived, AsOf: c.AsOf, Frame: frameJSON(c.Frame),
	}
}

// frameJSON is the frame of a claim for the contract: nil when the
// extraction says nothing of what the figure is of.
func frameJSON(f claims.Frame) *claims.Frame {
	if f.Empty() {
		return nil
	}
	return &f
}

func valueJSON(v claims.Value) jsonValue {
	out := jsonValue{
		Lo: finite(v.Lo), Hi: finite(v.Hi), LoOpen: v.LoOpen, HiOpen: v.HiOpen,
		Approx: v.Approx, Vague: v.Vague, Date: v.Date, Text: v.Text,
	}
	if v.Approx {
		out.Tol = finite(v.Tol)
	}
	return out
}

// finite returns &x, or nil (JSON null) for an infinite or NaN x.
func finite(x float64) *float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return nil
	}
	return &x
}

func claimIDs(cs []*claims.Claim) []string {
	ids := make([]string, 0, len(cs))
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

// SortFindings returns fs in the order every format lists them: most
// severe first, then by rule, story, slot and subject, then by the source
// and offset of the first evidence claim. Findings equal in all of those
// keep their order.
func SortFindings(fs []*claims.Finding) []*claims.Finding {
	first := func(f *claims.Finding) (string, int) {
		if len(f.Claims) == 0 {
			return "", -1
		}
		return f.Claims[0].Source, f.Claims[0].Offset
	}
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b *claims.Finding) int {
		as, ao := first(a)
		bs, bo := first(b)
		return cmp.Or(
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Story, b.Story),
			cmp.Compare(a.Slot, b.Slot),
			cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(as, bs),
			cmp.Compare(ao, bo),
		)
	})
	return out
}

// countSeverities counts findings by severity.
func countSeverities(fs []*claims.Finding) map[claims.Severity]int {
	n := map[claims.Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	return n
}
