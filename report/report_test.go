package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

var inf = math.Inf(1)

// sample is a small run: two sources, three claims, one group, two
// findings.
func sample() *Result {
	docs := []*claims.Document{
		{Source: "wires/ap.txt", Title: "Strike", Published: "2017-04-12"},
		{Source: "wires/<bbc>.html"},
	}
	c1 := &claims.Claim{
		ID: "c1", Source: "wires/ap.txt", Kind: claims.KindCount, Slot: "death_toll", Subject: "chemical attack",
		Text: "more than 80 people", Span: claims.Span{Start: 10, End: 29, Line: 2, Col: 5},
		Value: claims.Value{Lo: 80, Hi: inf, LoOpen: true}, Unit: "people",
		Sentence: "More than 80 people died.", Qualifier: "more than",
	}
	c2 := &claims.Claim{
		ID: "c2", Source: "wires/<bbc>.html", Kind: claims.KindCount, Slot: "death_toll", Subject: "chemical attack",
		Text: "72 people", Span: claims.Span{Start: 100, End: 109, Line: 7, Col: 1},
		Value: claims.Exact(72), Unit: "people", Sentence: "Officials said 72 people died.",
		Attribution: "officials",
	}
	c3 := &claims.Claim{
		ID: "c3", Source: "wires/<bbc>.html", Kind: claims.KindDuration, Slot: "meeting_duration", Subject: "Tillerson\u2013Putin meeting",
		Text: "about two\nhours", Span: claims.Span{Start: 200, End: 215, Line: 9, Col: 3},
		Value: claims.Value{Lo: 7200, Hi: 7200, Approx: true, Tol: 0.25}, Unit: "s",
		Sentence: "They met for about two hours.", Qualifier: "about", Superseded: true,
	}
	g := &claims.Group{Key: claims.Key{Slot: "death_toll", Subject: "chemical attack"}, Kind: claims.KindCount, Unit: "people", Claims: []*claims.Claim{c1, c2},
		Confidence: 0.8125}
	return &Result{
		Docs:   docs,
		Claims: []*claims.Claim{c1, c2, c3},
		Groups: []*claims.Group{g},
		Findings: []*claims.Finding{
			{Rule: "precision", Severity: claims.SeverityInfo, Slot: "death_toll", Subject: "chemical attack", Message: "death_toll (chemical attack): figures differ in precision", Claims: []*claims.Claim{c1}},
			{Rule: "numeric-conflict", Severity: claims.SeverityError, Slot: "death_toll", Subject: "chemical attack", Message: "72 vs >80", Claims: []*claims.Claim{c1, c2}},
		},
	}
}

const sampleJSON = `{
  "version": 1,
  "sources": [
    {
      "id": "s1",
      "path": "wires/ap.txt",
      "title": "Strike",
      "published": "2017-04-12"
    },
    {
      "id": "s2",
      "path": "wires/<bbc>.html",
      "title": "",
      "published": ""
    }
  ],
  "claims": [
    {
      "id": "c1",
      "source": "wires/ap.txt",
      "kind": "count",
      "slot": "death_toll",
      "subject": "chemical attack",
      "text": "more than 80 people",
      "span": {
        "start": 10,
        "end": 29,
        "line": 2,
        "col": 5
      },
      "value": {
        "lo": 80,
        "hi": null,
        "lo_open": true,
        "hi_open": false,
        "approx": false
      },
      "unit": "people",
      "sentence": "More than 80 people died.",
      "qualifier": "more than"
    },
    {
      "id": "c2",
      "source": "wires/<bbc>.html",
      "kind": "count",
      "slot": "death_toll",
      "subject": "chemical attack",
      "text": "72 people",
      "span": {
        "start": 100,
        "end": 109,
        "line": 7,
        "col": 1
      },
      "value": {
        "lo": 72,
        "hi": 72,
        "lo_open": false,
        "hi_open": false,
        "approx": false
      },
      "unit": "people",
      "sentence": "Officials said 72 people died.",
      "attribution": "officials"
    },
    {
      "id": "c3",
      "source": "wires/<bbc>.html",
      "kind": "duration",
      "slot": "meeting_duration",
      "subject": "Tillerson–Putin meeting",
      "text": "about two\nhours",
      "span": {
        "start": 200,
        "end": 215,
        "line": 9,
        "col": 3
      },
      "value": {
        "lo": 7200,
        "hi": 7200,
        "lo_open": false,
        "hi_open": false,
        "approx": true,
        "tol": 0.25
      },
      "unit": "s",
      "sentence": "They met for about two hours.",
      "qualifier": "about",
      "superseded": true
    }
  ],
  "groups": [
    {
      "slot": "death_toll",
      "subject": "chemical attack",
      "claims": [
        "c1",
        "c2"
      ],
      "confidence": 0.813
    }
  ],
  "findings": [
    {
      "rule": "numeric-conflict",
      "severity": "error",
      "slot": "death_toll",
      "subject": "chemical attack",
      "about": "the death toll of the chemical attack",
      "message": "72 vs >80",
      "claims": [
        "c1",
        "c2"
      ],
      "fingerprint": "408723f90be1d144"
    },
    {
      "rule": "precision",
      "severity": "info",
      "slot": "death_toll",
      "subject": "chemical attack",
      "about": "the death toll of the chemical attack",
      "message": "death_toll (chemical attack): figures differ in precision",
      "claims": [
        "c1"
      ],
      "fingerprint": "b6ba9c9799992792"
    }
  ],
  "summary": {
    "sources": 2,
    "sources_with_claims": 2,
    "claims": 3,
    "findings": {
      "error": 1,
      "warning": 0,
      "info": 1
    }
  }
}
`

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, sample(), true); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != sampleJSON {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, sampleJSON)
	}
}

func TestJSONExtract(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, sample(), false); err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"groups", "findings"} {
		if _, ok := out[k]; ok {
			t.Errorf("extract JSON has %q", k)
		}
	}
	if got := out["summary"]; !equalJSON(got, map[string]any{"sources": 2.0, "sources_with_claims": 2.0, "claims": 3.0}) {
		t.Errorf("extract summary = %v", got)
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// TestJSONEmpty checks that arrays are [] and never null.
func TestJSONEmpty(t *testing.T) {
	for _, withGroups := range []bool{false, true} {
		var b bytes.Buffer
		if err := JSON(&b, &Result{}, withGroups); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "null") {
			t.Errorf("JSON of an empty result has null:\n%s", b.String())
		}
	}
	var b bytes.Buffer
	r := sample()
	r.Groups[0].Claims = nil
	r.Findings[0].Claims = nil
	if err := JSON(&b, r, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), `"claims": null`) {
		t.Errorf("JSON has a null claims list:\n%s", b.String())
	}
}

func TestJSONL(t *testing.T) {
	var b bytes.Buffer
	if err := JSONL(&b, sample().Claims); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("JSONL wrote %d lines, want 3:\n%s", len(lines), b.String())
	}
	want := `{"id":"c1","source":"wires/ap.txt","kind":"count","slot":"death_toll","subject":"chemical attack","text":"more than 80 people","span":{"start":10,"end":29,"line":2,"col":5},"value":{"lo":80,"hi":null,"lo_open":true,"hi_open":false,"approx":false},"unit":"people","sentence":"More than 80 people died.","qualifier":"more than"}`
	if lines[0] != want {
		t.Errorf("JSONL line 1\n got %s\nwant %s", lines[0], want)
	}
	// Each line is the same object as in JSON's claims array.
	var full struct{ Claims []json.RawMessage }
	var jb bytes.Buffer
	if err := JSON(&jb, sample(), false); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(jb.Bytes(), &full); err != nil {
		t.Fatal(err)
	}
	for i, line := range lines {
		var x, y any
		json.Unmarshal([]byte(line), &x)
		json.Unmarshal(full.Claims[i], &y)
		if !equalJSON(x, y) {
			t.Errorf("JSONL line %d differs from JSON claim %d", i+1, i+1)
		}
	}
}

const sampleTable = `ERROR numeric-conflict: the death toll of the chemical attack: 72 vs >80 [408723f90be1d144]
┌──────────────────────┬───────────────────────┬──────────────┬─────────────┐
│ SOURCE               │ TEXT                  │ VALUE        │ ATTRIBUTION │
├──────────────────────┼───────────────────────┼──────────────┼─────────────┤
│ wires/ap.txt:2:5     │ "more than 80 people" │ more than 80 │             │
│ wires/<bbc>.html:7:1 │ "72 people"           │ 72           │ officials   │
└──────────────────────┴───────────────────────┴──────────────┴─────────────┘

INFO precision: the death toll of the chemical attack: figures differ in precision [b6ba9c9799992792]
┌──────────────────┬───────────────────────┬──────────────┐
│ SOURCE           │ TEXT                  │ VALUE        │
├──────────────────┼───────────────────────┼──────────────┤
│ wires/ap.txt:2:5 │ "more than 80 people" │ more than 80 │
└──────────────────┴───────────────────────┴──────────────┘

1 error, 0 warnings, 1 info in 2 sources
`

func TestTable(t *testing.T) {
	var b bytes.Buffer
	if err := Table(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != sampleTable {
		t.Errorf("Table:\n%s\nwant:\n%s", got, sampleTable)
	}
}

func TestTableNoFindings(t *testing.T) {
	var b bytes.Buffer
	r := sample()
	r.Findings = nil
	r.Docs = r.Docs[:1]
	if err := Table(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "no findings\nagreed by more than one source:\n  the death toll of the chemical attack: more than 80, 72 (2 sources)\n0 errors, 0 warnings, 0 info in 1 source\n"
	if got := b.String(); got != want {
		t.Errorf("Table = %q, want %q", got, want)
	}
}

func TestSummaryLine(t *testing.T) {
	fs := func(sev ...claims.Severity) []*claims.Finding {
		var out []*claims.Finding
		for _, s := range sev {
			out = append(out, &claims.Finding{Severity: s})
		}
		return out
	}
	var docs []*claims.Document
	var cs []*claims.Claim
	for _, src := range []string{"a", "b", "c", "d", "e"} {
		docs = append(docs, &claims.Document{Source: src})
		cs = append(cs, &claims.Claim{Source: src, Slot: "death_toll"})
	}
	unslotted := []*claims.Claim{{Source: "c"}}
	tests := []struct {
		r    *Result
		want string
	}{
		{&Result{Docs: docs, Claims: cs, Findings: fs(claims.SeverityWarning, claims.SeverityInfo, claims.SeverityInfo, claims.SeverityInfo)}, "0 errors, 1 warning, 3 info in 5 sources"},
		{&Result{Docs: docs[:1], Claims: cs[:1], Findings: fs(claims.SeverityError, claims.SeverityError, claims.SeverityWarning, claims.SeverityWarning)}, "2 errors, 2 warnings, 0 info in 1 source"},
		{&Result{}, "0 errors, 0 warnings, 0 info in 0 sources"},
		// Sources nothing was read from are counted apart.
		{&Result{Docs: docs, Claims: cs[:2]}, "0 errors, 0 warnings, 0 info in 5 sources (claims read from 2)"},
		{&Result{Docs: docs[:3], Claims: append(cs[:1:1], unslotted...)}, "0 errors, 0 warnings, 0 info in 3 sources (claims read from 1)"},
	}
	for _, tt := range tests {
		if got := summaryLine(tt.r); got != tt.want {
			t.Errorf("summaryLine = %q, want %q", got, tt.want)
		}
	}
}

const sampleClaimTable = `┌────┬──────────────────────┬──────────────────┬─────────────────────────┬───────────────┬────────┬───────────────────────┐
│ ID │ SOURCE               │ SLOT             │ SUBJECT                 │ VALUE         │ UNIT   │ TEXT                  │
├────┼──────────────────────┼──────────────────┼─────────────────────────┼───────────────┼────────┼───────────────────────┤
│ c1 │ wires/ap.txt:2:5     │ death_toll       │ chemical attack         │ more than 80  │ people │ "more than 80 people" │
│ c2 │ wires/<bbc>.html:7:1 │ death_toll       │ chemical attack         │ 72            │ people │ "72 people"           │
│ c3 │ wires/<bbc>.html:9:3 │ meeting_duration │ Tillerson–Putin meeting │ about 2 hours │ s      │ "about two hours"     │
└────┴──────────────────────┴──────────────────┴─────────────────────────┴───────────────┴────────┴───────────────────────┘
3 claims in 2 sources
`

func TestClaimTable(t *testing.T) {
	var b bytes.Buffer
	if err := ClaimTable(&b, sample()); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != sampleClaimTable {
		t.Errorf("ClaimTable:\n%s\nwant:\n%s", got, sampleClaimTable)
	}
}

// TestValueString: ValueString is claims.FormatValue without a frame (its
// own tests are in package claims).
func TestValueString(t *testing.T) {
	tests := []struct {
		kind claims.Kind
		v    claims.Value
		unit string
		want string
	}{
		{claims.KindCount, claims.Exact(59), "missiles", "59"},
		{claims.KindCount, claims.Value{Lo: 80, Hi: inf, LoOpen: true}, "people", "more than 80"},
		{claims.KindCount, claims.Value{Lo: 87, Hi: inf}, "people", "at least 87"},
		{claims.KindCount, claims.Value{Lo: 0, Hi: 10}, "people", "up to 10"},
		{claims.KindCount, claims.Value{Lo: -inf, Hi: 3, HiOpen: true}, "", "fewer than 3"},
		{claims.KindCount, claims.Value{Lo: 24, Hi: 144, Vague: true}, "people", "between 24 and 144 (vague)"},
		{claims.KindCount, claims.Unbounded(), "people", "any"},
		{claims.KindDuration, claims.Value{Lo: 7200, Hi: 7200, Approx: true, Tol: 0.1}, "s", "about 2 hours"},
		{claims.KindDuration, claims.Value{Lo: 6 * 365.25 * 86400, Hi: 6 * 365.25 * 86400}, "s", "6 years"},
		{claims.KindMoney, claims.Exact(3e9), "USD", "$3bn"},
		{claims.KindMoney, claims.Exact(1.25), "GBP", "£1.25"},
		{claims.KindPercent, claims.Exact(2), "percent", "2%"},
		{claims.KindOrdinal, claims.Exact(8), "", "8th"},
		{claims.KindDate, claims.Value{Lo: 17268, Hi: 17268, Date: "2017-04-12"}, "", "12 April 2017"},
		{claims.KindText, claims.Value{Lo: -inf, Hi: inf, Text: "China"}, "", "China"},
	}
	for _, tt := range tests {
		if got := ValueString(tt.kind, tt.v, tt.unit); got != tt.want {
			t.Errorf("ValueString(%s, %+v, %q) = %q, want %q", tt.kind, tt.v, tt.unit, got, tt.want)
		}
	}
}

func TestFindingHeading(t *testing.T) {
	tests := []struct {
		f    claims.Finding
		want string
	}{
		// What the finding is about, in words from the slot and subject.
		{claims.Finding{Rule: "r", Severity: claims.SeverityWarning, Slot: "s", Subject: "x", Message: "m"}, "WARNING r: the s of the x: m"},
		// A message that starts with the slot and subject, or with the
		// words, does not say them twice.
		{claims.Finding{Rule: "r", Severity: claims.SeverityWarning, Slot: "s", Subject: "x", Message: "s (x): m"}, "WARNING r: the s of the x: m"},
		{claims.Finding{Rule: "r", Severity: claims.SeverityWarning, Slot: "s", Subject: "x", Message: "the s of the x: m"}, "WARNING r: the s of the x: m"},
		{claims.Finding{Rule: "r", Severity: claims.SeverityError, Slot: "s", Message: "two\nlines"}, "ERROR r: the s: two lines"},
		{claims.Finding{Rule: "r", Severity: claims.SeverityInfo, Story: "st", Slot: "s", Subject: "x", Message: "st: s (x): m"}, "INFO r: st: the s of the x: m"},
		// The words a rule gave the finding (from the claims' frames).
		{claims.Finding{Rule: "conflict", Severity: claims.SeverityError, Slot: "money_amount", About: "Pogba's wage", Message: "Pogba's wage: £230,000 a week (a) vs £200,000 a week (b)"},
			"ERROR conflict: Pogba's wage: £230,000 a week (a) vs £200,000 a week (b)"},
		{claims.Finding{Rule: "r", Severity: claims.SeverityError, Slot: "money_amount", About: "Pogba's wage", Message: "m"}, "ERROR r: Pogba's wage: m"},
		// Without them, the words of the frame the evidence shares.
		{claims.Finding{Rule: "r", Severity: claims.SeverityError, Slot: "money_amount", Message: "m",
			Claims: []*claims.Claim{{Frame: claims.Frame{Counts: "transfer fee"}}, {Frame: claims.Frame{Counts: "transfer fee", Owner: "United"}}}},
			"ERROR r: United's transfer fee: m"},
		// A custom rule's message that names its slot and subject in words
		// of its own is not prefixed with them again.
		{claims.Finding{Rule: "toll", Severity: claims.SeverityError, Slot: "death_toll", Subject: "chemical attack", Message: "The death toll of the chemical attack differs: 5 vs 7"},
			"ERROR toll: The death toll of the chemical attack differs: 5 vs 7"},
		{claims.Finding{Rule: "toll", Severity: claims.SeverityError, Slot: "death_toll", Subject: "chemical attack", Message: "death_toll differs: 5 vs 7"},
			"ERROR toll: the death toll of the chemical attack: death_toll differs: 5 vs 7"},
		{claims.Finding{Rule: "toll", Severity: claims.SeverityError, Slot: "death_toll", Message: "Toll: 5 vs 7"},
			"ERROR toll: the death toll: Toll: 5 vs 7"},
	}
	for _, tt := range tests {
		if got := findingHeading(&tt.f); got != tt.want {
			t.Errorf("findingHeading(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestFindingOrderIsStable(t *testing.T) {
	r := sample()
	var a, b bytes.Buffer
	if err := Table(&a, r); err != nil {
		t.Fatal(err)
	}
	r.Findings[0], r.Findings[1] = r.Findings[1], r.Findings[0]
	if err := Table(&b, r); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Errorf("Table depends on the order findings arrive in")
	}
}
