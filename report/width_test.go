package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// longResult is a run whose tables are far wider than a terminal: a long
// quotation, a long path and a long message.
func longResult() *Result {
	r := sample()
	for _, d := range r.Docs {
		d.Source = "wires/agence-france-presse/2017/04/12/" + d.Source
	}
	for _, c := range r.Claims {
		c.Source = "wires/agence-france-presse/2017/04/12/" + c.Source
		c.Text = "the chemical attack on the town of Khan Sheikhoun in the north-west of Syria, which killed " + c.Text
	}
	r.Findings[1].Message = "72 (wires/agence-france-presse/2017/04/12/wires/<bbc>.html) vs >80 (wires/agence-france-presse/2017/04/12/wires/ap.txt): the sources disagree"
	r.Draft = []*DraftVerdict{{Claim: r.Claims[0], Verdict: "contradicted", Conflict: r.Claims[1:2]}}
	return r
}

// TestTableFitsWidth: with a width, every line of the table formats is
// at most that wide and no word of a cell is lost; without one, lines
// are as long as their cells.
func TestTableFitsWidth(t *testing.T) {
	for _, width := range []int{80, 60} {
		for name, write := range map[string]func(*bytes.Buffer, *Result) error{
			"table":   func(b *bytes.Buffer, r *Result) error { return Table(b, r) },
			"extract": func(b *bytes.Buffer, r *Result) error { return ClaimTable(b, r) },
		} {
			r := longResult()
			r.Width = width
			var b bytes.Buffer
			if err := write(&b, r); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, line := range strings.Split(out, "\n") {
				if w := twwidth.Width(line); w > width {
					t.Errorf("%s at %d columns: a line of %d:\n%s", name, width, w, out)
					break
				}
			}
			// Wrapping adds white space and borders, nothing else.
			r.Width = 0
			var whole bytes.Buffer
			if err := write(&whole, r); err != nil {
				t.Fatal(err)
			}
			if ink(out) != ink(whole.String()) {
				t.Errorf("%s at %d columns: the text changed:\n%s", name, width, out)
			}
		}
	}
	// Without a width, nothing is wrapped.
	var b bytes.Buffer
	if err := Table(&b, longResult()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Khan Sheikhoun in the north-west of Syria, which killed more than 80 people") {
		t.Errorf("no width, yet wrapped:\n%s", b.String())
	}
}

func TestFitColumns(t *testing.T) {
	header := []string{"SOURCE", "TEXT", "VALUE"}
	rows := [][]string{{"a.txt:1:1", strings.Repeat("x", 100), "12"}}
	tests := []struct {
		width int
		want  []int
	}{
		{0, []int{9, 100, 5}},
		{200, []int{9, 100, 5}},
		// 60 - 10 (borders and padding) = 50 for the cells: the wide
		// column takes what the narrow ones leave.
		{60, []int{9, 36, 5}},
		// Too narrow even for the headers: each column keeps its header's.
		{10, []int{6, 4, 5}},
	}
	for _, tt := range tests {
		got := fitColumns(header, rows, tt.width)
		if len(got) != 3 || got[0] != tt.want[0] || got[1] != tt.want[1] || got[2] != tt.want[2] {
			t.Errorf("fitColumns at %d = %v, want %v", tt.width, got, tt.want)
		}
	}
	if got := wrapText("a bb ccc dddddddddd e", 4); got != "a bb\nccc\ndddd\ndddd\ndd e" {
		t.Errorf("wrapText = %q", got)
	}
}

// ink returns the characters of s other than white space and box
// drawing, sorted.
func ink(s string) string {
	var rs []rune
	for _, r := range s {
		if !unicode.IsSpace(r) && (r < 0x2500 || r > 0x257f) {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(rs)
}
