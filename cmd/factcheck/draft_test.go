package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// draftOutput is the part of the JSON report a draft check adds.
type draftOutput struct {
	Claims []struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"claims"`
	Draft []struct {
		Claim    string   `json:"claim"`
		Verdict  string   `json:"verdict"`
		Conflict []string `json:"conflict"`
		Silenced string   `json:"silenced"`
	} `json:"draft"`
	Copies []struct {
		Source string `json:"source"`
		CopyOf string `json:"copy_of"`
	} `json:"copies"`
	Findings []struct {
		Rule     string    `json:"rule"`
		Claims   []string  `json:"claims"`
		Accepted *struct{} `json:"accepted"`
	} `json:"findings"`
}

// verdicts runs check --draft and returns the verdict on each draft
// figure, keyed by its text, and the parsed report.
func verdicts(t *testing.T, draft string, wantCode int) (map[string]string, draftOutput) {
	t.Helper()
	code, stdout, stderr := runCLI(t, nil, "check", "--format", "json", "--draft", draft, seeds)
	if code != wantCode {
		t.Fatalf("check --draft %s: exit %d, want %d\nstderr: %s", draft, code, wantCode, stderr)
	}
	var out draftOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("bad JSON: %v", err)
	}
	text := map[string]string{}
	for _, c := range out.Claims {
		text[c.ID] = strings.Join(strings.Fields(c.Text), " ") // a hard-wrapped draft
	}
	got := map[string]string{}
	for _, d := range out.Draft {
		got[text[d.Claim]] = d.Verdict
	}
	return got, out
}

func TestDraftFaithful(t *testing.T) {
	got, out := verdicts(t, "../../testdata/drafts/faithful.md", exitOK)
	want := []string{"about two hours", "59 cruise missiles", "more than 80 people", "ten countries", "eighth veto"}
	for _, w := range want {
		if got[w] != "supported" {
			t.Errorf("%q: verdict %q, want supported (all: %v)", w, got[w], got)
		}
	}
	for fig, v := range got {
		if v != "supported" {
			t.Errorf("faithful draft: %q is %s", fig, v)
		}
	}
	// The two Al Jazeera seeds are one story.
	if len(out.Copies) != 1 || !strings.HasSuffix(out.Copies[0].Source, "001_2367b6bd9743fcfc.txt") ||
		!strings.HasSuffix(out.Copies[0].CopyOf, "000_ff312d38b2bcc334.txt") {
		t.Errorf("copies = %+v, want 001 a copy of 000", out.Copies)
	}
}

func TestDraftWrongFigures(t *testing.T) {
	got, out := verdicts(t, "../../testdata/drafts/wrong.md", exitFindings)
	for _, w := range []string{"four-hour", "78 people", "58 missiles"} {
		if got[w] != "contradicted" {
			t.Errorf("%q: verdict %q, want contradicted (all: %v)", w, got[w], got)
		}
	}
	// Each contradiction names the sources that say otherwise.
	for _, d := range out.Draft {
		if d.Verdict == "contradicted" && len(d.Conflict) == 0 {
			t.Errorf("claim %s is contradicted by no claim", d.Claim)
		}
	}
	code, stdout, _ := runCLI(t, nil, "check", "--draft", "../../testdata/drafts/wrong.md", seeds)
	if code != exitFindings {
		t.Fatalf("table: exit %d", code)
	}
	for _, w := range []string{"four-hour", "78 people", "58 missiles", "002_d5e9c8767be263e8.txt", "004_a83c10c80409f3a7.txt"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("table output does not name %q", w)
		}
	}
}

func TestDraftUnsupported(t *testing.T) {
	got, _ := verdicts(t, "../../testdata/drafts/unsupported.md", exitOK)
	if got["12 people"] != "unsupported" {
		t.Errorf(`"12 people": verdict %q, want unsupported (all: %v)`, got["12 people"], got)
	}
	// An unsupported figure is a warning: --fail-on warning fails on it.
	code, _, _ := runCLI(t, nil, "check", "--fail-on", "warning", "--draft", "../../testdata/drafts/unsupported.md", seeds)
	if code != exitFindings {
		t.Errorf("--fail-on warning: exit %d, want 1", code)
	}
}

// A silenced finding is still reported, marked, and does not set the exit
// code; the comment itself is not read as text.
func TestDraftSilenced(t *testing.T) {
	got, out := verdicts(t, "../../testdata/drafts/silenced.md", exitOK)
	if len(got) != 1 || got["78 people"] != "contradicted" {
		t.Fatalf("verdicts = %v, want only 78 people contradicted", got)
	}
	if out.Draft[0].Silenced != "the desk has a newer toll from the ministry" {
		t.Errorf("silenced = %q", out.Draft[0].Silenced)
	}
	marked := false
	for _, f := range out.Findings {
		if f.Rule == "draft-contradicted" && f.Accepted != nil {
			marked = true
		}
	}
	if !marked {
		t.Errorf("the silenced finding is not in the JSON marked as accepted: %+v", out.Findings)
	}
}

// The sources' own disagreements are context: they do not set the exit
// code of a draft check.
func TestDraftSourcesDisagreeingIsContext(t *testing.T) {
	code, _, stderr := runCLI(t, nil, "check", "--draft", "../../testdata/drafts/faithful.md", "../../testdata/clusters/shayrat")
	if code != exitOK {
		t.Errorf("draft against a cluster with conflicts among its sources: exit %d, want 0\n%s", code, stderr)
	}
}

func TestDraftIsNotASource(t *testing.T) {
	code, _, stderr := runCLI(t, nil, "check", "--draft", "../../testdata/drafts/faithful.md", "../../testdata/drafts/faithful.md")
	if code != exitError || !strings.Contains(stderr, "both the draft and a source") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
