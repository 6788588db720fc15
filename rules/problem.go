package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// A Problem is one thing wrong with a rule or rule test file.
type Problem struct {
	// File names the file as the caller named it (dir joined with the
	// file's name).
	File string
	// Line and Col are 1-based; Col counts characters. Line is 0 when the
	// problem has no place in the file (it cannot be read, say).
	Line, Col int
	Msg       string
	// Source is the text of the offending line, without its line break.
	Source string
}

// String renders p as "file:line:col: message", then, when the line is
// known, the line itself and a caret under the column.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, max(p.Col, 1))
	}
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Line > 0 && p.Source != "" {
		b.WriteString("\n    ")
		b.WriteString(p.Source)
		b.WriteString("\n    ")
		b.WriteString(caretLine(p.Source, p.Col))
	}
	return b.String()
}

// caretLine returns spaces (tabs where the source has tabs, so the caret
// lines up) up to column col, and a caret.
func caretLine(src string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range src {
		if i >= col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	for ; i < col; i++ {
		b.WriteByte(' ')
	}
	b.WriteByte('^')
	return b.String()
}

// A LoadError holds every problem found loading a set of rules or rule
// tests, ordered by file, line and column.
type LoadError struct {
	Problems []Problem
}

// Error prints the problems one after another, each with its source line
// and caret.
func (e *LoadError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	return strings.Join(parts, "\n")
}

// problems collects the problems of one load.
type problems []Problem

func (ps *problems) add(p Problem) { *ps = append(*ps, p) }

// err returns the collected problems as a *LoadError, or nil.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return &LoadError{Problems: out}
}
