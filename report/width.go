package report

import (
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// fitColumns returns the width of each column of a table of header and
// rows that makes it at most width columns wide, borders and padding
// included: the widest columns are narrowed first, to one cap, so that a
// long quotation wraps before a short position does; no column is made
// narrower than its header. width 0 keeps every column at its natural
// width.
func fitColumns(header []string, rows [][]string, width int) []int {
	n := len(header)
	natural := make([]int, n)
	floor := make([]int, n)
	for i, h := range header {
		natural[i] = twwidth.Width(h)
		floor[i] = natural[i] // no column is narrower than its header
	}
	for _, row := range rows {
		for i, cell := range row {
			for _, line := range strings.Split(cell, "\n") {
				natural[i] = max(natural[i], twwidth.Width(line))
			}
		}
	}
	if width <= 0 {
		return natural
	}
	budget := width - (3*n + 1) // "│ " before each cell, " " after, the last "│"
	sum := func(limit int) int {
		s := 0
		for i, w := range natural {
			s += max(min(w, limit), min(floor[i], w))
		}
		return s
	}
	if sum(1<<30) <= budget {
		return natural
	}
	// The largest cap at which the table fits.
	lo, hi := 0, 0
	for _, w := range natural {
		hi = max(hi, w)
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if sum(mid) <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := make([]int, n)
	for i, w := range natural {
		out[i] = max(min(w, lo), min(floor[i], w))
	}
	return out
}

// wrapText breaks s into lines of at most width display columns, at
// spaces where it can and inside a word where a word is longer than a
// line.
func wrapText(s string, width int) string {
	if width <= 0 || twwidth.Width(s) <= width {
		return s
	}
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW = 0
	}
	for _, word := range strings.Fields(s) {
		w := twwidth.Width(word)
		if lineW > 0 && lineW+1+w <= width {
			line.WriteByte(' ')
			line.WriteString(word)
			lineW += 1 + w
			continue
		}
		if lineW > 0 {
			flush()
		}
		for w > width {
			// A word longer than the line: break it.
			cut, cw := 0, 0
			for i, r := range word {
				rw := twwidth.Width(string(r))
				if cw+rw > width {
					cut = i
					break
				}
				cw += rw
			}
			if cut == 0 {
				break
			}
			lines = append(lines, word[:cut])
			word = word[cut:]
			w = twwidth.Width(word)
		}
		line.WriteString(word)
		lineW = w
	}
	if lineW > 0 {
		flush()
	}
	return strings.Join(lines, "\n")
}

// wrapLine wraps a line of prose (a finding's heading) to width, the lines
// after the first indented by two spaces; width 0 leaves it whole.
func wrapLine(s string, width int) string {
	if width <= 0 || twwidth.Width(s) <= width {
		return s
	}
	first := wrapText(s, width)
	head, rest, ok := strings.Cut(first, "\n")
	if !ok {
		return first
	}
	return head + "\n" + indent(wrapText(strings.ReplaceAll(rest, "\n", " "), width-2), "  ")
}

func indent(s, by string) string {
	return by + strings.ReplaceAll(s, "\n", "\n"+by)
}
