package extract

import (
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestDatelines checks that a dateline, in every form wires write one,
// dates the report and never the event: its date is the document's
// Published date, no claim is read from it, and "Tuesday" in the story
// is the Tuesday before it.
func TestDatelines(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	const story = " A fire tore through a warehouse on Tuesday night, killing three workers, officials said.\n"
	tests := []struct {
		dateline, published string
	}{
		{"RIVERSIDE, March 14, 2026 -", "2026-03-14"},
		{"RIVERSIDE, March 14, 2026 --", "2026-03-14"},
		{"RIVERSIDE, March 14, 2026 —", "2026-03-14"},
		{"RIVERSIDE, March 14, 2026 –", "2026-03-14"},
		{"RIVERSIDE, March 14, 2026 (Reuters) -", "2026-03-14"},
		{"RIVERSIDE, Calif., March 14, 2026 (AP) —", "2026-03-14"},
		{"RIVERSIDE, Saturday, March 14, 2026 -", "2026-03-14"},
		{"Saturday, March 14, 2026 -", "2026-03-14"},
		{"March 14, 2026 (Reuters) -", "2026-03-14"},
		{"Mar. 14, 2026 (UPI) --", "2026-03-14"},
		{"NEW YORK, Mar. 14, 2026 /PRNewswire/ --", "2026-03-14"},
		{"RIVERSIDE, 14 March 2026 (AFP) -", "2026-03-14"},
		{"RIVERSIDE, Calif. (Reuters) -", ""},
	}
	for _, tt := range tests {
		text := tt.dateline + story
		doc := &claims.Document{Source: "a.txt", Raw: []byte(text), Text: text}
		cs := x.Run([]*claims.Document{doc}, Options{})
		if doc.Published != tt.published {
			t.Errorf("%q: published %q, want %q", tt.dateline, doc.Published, tt.published)
		}
		var tuesday, toll bool
		for _, c := range cs {
			if int(c.Span.Start) < len(tt.dateline) {
				t.Errorf("%q: claim %s %q read from the dateline", tt.dateline, c.Slot, c.Text)
			}
			switch c.Text {
			case "Tuesday":
				tuesday = true
				if tt.published != "" && c.Value.Date != "2026-03-10" {
					t.Errorf("%q: Tuesday is %s, want 2026-03-10", tt.dateline, c.Value.Date)
				}
			case "three workers":
				toll = true
			}
		}
		if !tuesday && tt.published != "" || !toll {
			t.Errorf("%q: claims %v; want the Tuesday and the toll", tt.dateline, texts(cs))
		}
	}
}

func texts(cs []*claims.Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return out
}
