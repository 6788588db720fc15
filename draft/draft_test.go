package draft

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func seeds(t *testing.T) []*claims.Document {
	t.Helper()
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("seeds: %v (%d files)", err, len(files))
	}
	var docs []*claims.Document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &claims.Document{Source: filepath.Base(f), Raw: raw, Text: string(raw)})
	}
	return docs
}

// The two Al Jazeera seed articles are versions of one story; the others
// are independent reports.
func TestCopiesSeeds(t *testing.T) {
	got := Copies(seeds(t))
	want := map[string]string{
		"000_ff312d38b2bcc334.txt": "000_ff312d38b2bcc334.txt",
		"001_2367b6bd9743fcfc.txt": "000_ff312d38b2bcc334.txt",
		"002_d5e9c8767be263e8.txt": "002_d5e9c8767be263e8.txt",
		"003_0024e0a1f140758d.txt": "003_0024e0a1f140758d.txt",
		"004_a83c10c80409f3a7.txt": "004_a83c10c80409f3a7.txt",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Copies[%s] = %s, want %s", k, got[k], v)
		}
	}
}

func claim(src, slot string, v claims.Value) *claims.Claim {
	return &claims.Claim{Source: src, Slot: slot, Subject: "s", Value: v}
}

func gt(x float64) claims.Value { return claims.Value{Lo: x, Hi: inf(), LoOpen: true} }
func inf() float64              { return math.Inf(1) }

func TestAssess(t *testing.T) {
	src := []*claims.Claim{
		claim("a", "death_toll", claims.Exact(87)),
		claim("a2", "death_toll", claims.Exact(87)), // a copy of a
		claim("b", "death_toll", gt(80)),
		claim("c", "missile_count", claims.Exact(59)),
		claim("d", "missile_count", claims.Exact(59)),
		claim("e", "injured_count", claims.Exact(12)),
		claim("f", "injured_count", claims.Exact(20)),
	}
	early := claim("g", "arrested_count", claims.Exact(3))
	early.Superseded = true
	src = append(src, early, claim("h", "arrested_count", claims.Exact(9)))
	copies := map[string]string{"a": "a", "a2": "a", "b": "b", "c": "c", "d": "d"}
	tests := []struct {
		d           *claims.Claim
		want        Verdict
		independent int
	}{
		{claim("draft", "death_toll", claims.Exact(87)), Supported, 2},
		{claim("draft", "death_toll", claims.Exact(78)), Contradicted, 0},
		{claim("draft", "death_toll", gt(50)), LessPrecise, 3 - 1},
		{claim("draft", "missile_count", claims.Exact(58)), Contradicted, 0},
		{claim("draft", "veto_count", claims.Exact(6)), Unsupported, 0},
		{claim("draft", "injured_count", claims.Exact(12)), Disputed, 1},
		{claim("draft", "arrested_count", claims.Exact(3)), Outdated, 0},
	}
	for _, tt := range tests {
		as := Assess([]*claims.Claim{tt.d}, src, copies)
		if len(as) != 1 {
			t.Fatalf("%s %v: %d assessments", tt.d.Slot, tt.d.Value, len(as))
		}
		if as[0].Verdict != tt.want || as[0].Independent != tt.independent {
			t.Errorf("%s %v: verdict %s (%d independent), want %s (%d)", tt.d.Slot, tt.d.Value, as[0].Verdict, as[0].Independent, tt.want, tt.independent)
		}
	}
}

func TestSilences(t *testing.T) {
	text := "Intro.\n<!-- factcheck-disable-next-line conflict: toll updated at 14:00 -->\nThe attack killed 78 people.\n"
	doc := &claims.Document{Source: "draft.md", Raw: []byte(text), Text: text}
	ss := Silences(doc)
	if len(ss) != 1 || ss[0].Line != 3 || ss[0].Reason != "toll updated at 14:00" || len(ss[0].Rules) != 1 || ss[0].Rules[0] != "conflict" {
		t.Fatalf("Silences = %+v", ss)
	}
	d := claim("draft.md", "death_toll", claims.Exact(78))
	d.Span.Line = 3
	other := claim("draft.md", "death_toll", claims.Exact(78))
	other.Span.Line = 4
	as := []*Assessment{{Claim: d, Verdict: Contradicted}, {Claim: other, Verdict: Contradicted}, {Claim: d, Verdict: Unsupported}}
	ApplySilences(as, ss)
	if as[0].Silenced != "toll updated at 14:00" {
		t.Errorf("line 3 contradicted: silenced %q", as[0].Silenced)
	}
	if as[1].Silenced != "" {
		t.Errorf("line 4 must not be silenced, got %q", as[1].Silenced)
	}
	if as[2].Silenced != "" {
		t.Errorf("an unsupported verdict is not a conflict; silenced %q", as[2].Silenced)
	}
	if ws := UnknownNames("draft.md", ss); len(ws) != 0 {
		t.Errorf("known names warned of: %v", ws)
	}
	// A misspelt name silences nothing, and says so where it stands.
	text = "Intro.\n  <!-- factcheck-disable-next-line precision, conflcit: checked -->\nThe attack killed 78 people.\n"
	ss = Silences(&claims.Document{Source: "draft.md", Raw: []byte(text), Text: text})
	ws := UnknownNames("draft.md", ss)
	if len(ws) != 1 || !strings.HasPrefix(ws[0].String(), `draft.md:2:47: factcheck-disable-next-line: unknown rule "conflcit" silences nothing (known: conflict,`) {
		t.Errorf("UnknownNames = %v", ws)
	}
}
