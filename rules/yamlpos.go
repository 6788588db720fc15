package rules

import (
	"errors"
	"fmt"
	"github.com/factcheck/factcheck/yamlfile"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yamlFile is a YAML file being decoded: its name, its lines for
// problem reports, and the problems found so far.
type yamlFile struct {
	name  string
	lines [][]rune
	probs *problems
}

func newYAMLFile(name string, data []byte, probs *problems) *yamlFile {
	f := &yamlFile{name: name, probs: probs}
	for _, l := range strings.Split(string(data), "\n") {
		f.lines = append(f.lines, []rune(strings.TrimSuffix(l, "\r")))
	}
	return f
}

// sourceLine returns line n (1-based), or "".
func (f *yamlFile) sourceLine(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	return string(f.lines[n-1])
}

// errorAt records a problem at a line and column.
func (f *yamlFile) errorAt(line, col int, format string, args ...any) {
	f.probs.add(Problem{File: f.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Source: f.sourceLine(line)})
}

// errorf records a problem at node n.
func (f *yamlFile) errorf(n *yaml.Node, format string, args ...any) {
	f.errorAt(n.Line, n.Column, format, args...)
}

// parse decodes the file's single YAML document. It reports a syntax error,
// an empty file or a second document as a problem and returns nil.
func (f *yamlFile) parse(data []byte) *yaml.Node {
	root, err := yamlfile.Decode(data)
	var syntax *yamlfile.SyntaxError
	var extra *yamlfile.ExtraDocError
	switch {
	case errors.Is(err, yamlfile.ErrEmpty):
		f.probs.add(Problem{File: f.name, Msg: "empty file"})
	case errors.As(err, &extra):
		f.errorf(extra.Node, "more than one YAML document: one rule or test suite per file")
	case errors.As(err, &syntax):
		f.syntaxError(syntax)
	}
	return root
}

// syntaxError records a yaml.v3 parse error. yaml.v3 gives a line (none
// means the first) but no column, so the column is that of the line's
// first non-blank character.
func (f *yamlFile) syntaxError(e *yamlfile.SyntaxError) {
	msg, line := e.Msg, e.Line
	line = min(max(line, 1), len(f.lines))
	col := 1
	if line >= 1 {
		for _, r := range f.lines[line-1] {
			if r != ' ' && r != '\t' {
				break
			}
			col++
		}
		if col > len(f.lines[line-1]) {
			col = 1
		}
	}
	f.errorAt(line, col, "YAML syntax error: %s", msg)
}

// pos is a place in a file: 1-based line and column (in characters).
type pos struct{ line, col int }

// exprPos maps a place in the value of scalar node n, given as CEL gives
// it (1-based line and 0-based column within the value, in characters), to
// the place in the file it was read from.
func (f *yamlFile) exprPos(n *yaml.Node, line, col int) pos {
	ps := f.valuePositions(n)
	if ps == nil {
		return pos{n.Line, n.Column}
	}
	off, l := 0, 1
	for _, r := range n.Value {
		if l >= line {
			break
		}
		off++
		if r == '\n' {
			l++
		}
	}
	off += max(col, 0)
	switch {
	case off < len(ps):
		return ps[off]
	case len(ps) > 0:
		last := ps[len(ps)-1]
		return pos{last.line, last.col + 1}
	}
	return pos{n.Line, n.Column}
}

// valuePositions returns the file position of every character of n.Value,
// by reading the scalar again from the file the way YAML does for its
// style, or nil when the result does not reproduce n.Value.
func (f *yamlFile) valuePositions(n *yaml.Node) []pos {
	if n.Kind != yaml.ScalarNode || n.Line < 1 || n.Line > len(f.lines) {
		return nil
	}
	var got []rune
	var ps []pos
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		got, ps = f.blockScalar(n, n.Style&yaml.FoldedStyle != 0)
		// Chomping decides the trailing line breaks; they hold no
		// expression text, so compare without them.
		want := strings.TrimRight(n.Value, "\n")
		k := utf8.RuneCountInString(want)
		if k > len(got) || string(got[:k]) != want {
			return nil
		}
		return ps[:min(len(ps), utf8.RuneCountInString(n.Value))]
	case n.Style&yaml.DoubleQuotedStyle != 0:
		got, ps = f.flowScalar(n, '"')
	case n.Style&yaml.SingleQuotedStyle != 0:
		got, ps = f.flowScalar(n, '\'')
	default:
		got, ps = f.flowScalar(n, 0)
	}
	if string(got) != n.Value {
		return nil
	}
	return ps
}

// blockScalar reads a literal (|) or folded (>) scalar whose indicator is
// at n's position, following libyaml's folding rules.
func (f *yamlFile) blockScalar(n *yaml.Node, folded bool) ([]rune, []pos) {
	start := n.Line // 0-based index of the first content line
	indent := -1
	for i := start; i < len(f.lines); i++ {
		l := f.lines[i]
		k := leadingSpaces(l)
		if k < len(l) {
			indent = k
			break
		}
	}
	if indent <= 0 {
		return nil, nil
	}
	var out []rune
	var ps []pos
	var leadingBreak []pos // the break ending the previous text line
	var trailing []pos     // breaks of empty lines since
	leadingBlank := false
	for i := start; i < len(f.lines); i++ {
		l := f.lines[i]
		k := leadingSpaces(l)
		if k == len(l) && k <= indent { // an empty line
			trailing = append(trailing, pos{i + 1, len(l) + 1})
			continue
		}
		if k < indent {
			break
		}
		content := l[indent:]
		trailingBlank := content[0] == ' ' || content[0] == '\t'
		if folded && len(leadingBreak) > 0 && !leadingBlank && !trailingBlank {
			if len(trailing) == 0 {
				out, ps = append(out, ' '), append(ps, leadingBreak[0])
			}
		} else {
			for _, p := range leadingBreak {
				out, ps = append(out, '\n'), append(ps, p)
			}
		}
		for _, p := range trailing {
			out, ps = append(out, '\n'), append(ps, p)
		}
		leadingBreak, trailing = nil, nil
		leadingBlank = trailingBlank
		for j, r := range content {
			out, ps = append(out, r), append(ps, pos{i + 1, indent + j + 1})
		}
		leadingBreak = []pos{{i + 1, len(l) + 1}}
	}
	for _, p := range leadingBreak {
		out, ps = append(out, '\n'), append(ps, p)
	}
	return out, ps
}

func leadingSpaces(l []rune) int {
	k := 0
	for k < len(l) && l[k] == ' ' {
		k++
	}
	return k
}

// flowScalar reads a plain (quote 0), single- or double-quoted scalar that
// starts at n's position, folding line breaks as YAML does, until it has
// as many characters as n.Value.
func (f *yamlFile) flowScalar(n *yaml.Node, quote rune) ([]rune, []pos) {
	want := utf8.RuneCountInString(n.Value)
	var out []rune
	var ps []pos
	i, j := n.Line-1, n.Column-1
	if quote != 0 {
		j++
	}
	for {
		l := f.lines[i]
		var pending []pos // blanks that count only if text follows on the line
		escapedBreak := false
		for j < len(l) && len(out) < want {
			r := l[j]
			switch {
			case quote == '\'' && r == '\'':
				if j+1 < len(l) && l[j+1] == '\'' {
					out, ps = flushBlanks(out, ps, l, pending)
					pending = nil
					out, ps = append(out, '\''), append(ps, pos{i + 1, j + 1})
					j += 2
					continue
				}
				return out, ps
			case quote == '"' && r == '"':
				return out, ps
			case quote == '"' && r == '\\':
				out, ps = flushBlanks(out, ps, l, pending)
				pending = nil
				if j+1 == len(l) {
					escapedBreak = true
					j++
					continue
				}
				dec, width := unescape(l[j+1:])
				if width < 0 {
					return nil, nil
				}
				for _, d := range dec {
					out, ps = append(out, d), append(ps, pos{i + 1, j + 1})
				}
				j += 1 + width
				continue
			case r == ' ' || r == '\t':
				pending = append(pending, pos{i + 1, j + 1})
				j++
				continue
			}
			out, ps = flushBlanks(out, ps, l, pending)
			pending = nil
			out, ps = append(out, r), append(ps, pos{i + 1, j + 1})
			j++
		}
		if len(out) >= want {
			out, ps = flushBlanks(out, ps, l, pending)
			return out, ps
		}
		// A line break: empty lines become line breaks, a lone break a
		// space, and the next line's leading blanks go.
		breakAt := pos{i + 1, len(l) + 1}
		i++
		var empties []pos
		for i < len(f.lines) && isBlankLine(f.lines[i]) {
			empties = append(empties, pos{i + 1, 1})
			i++
		}
		if i >= len(f.lines) {
			return out, ps
		}
		switch {
		case len(empties) > 0:
			for _, p := range empties {
				out, ps = append(out, '\n'), append(ps, p)
			}
		case !escapedBreak:
			out, ps = append(out, ' '), append(ps, breakAt)
		}
		l = f.lines[i]
		j = 0
		for j < len(l) && (l[j] == ' ' || l[j] == '\t') {
			j++
		}
	}
}

func flushBlanks(out []rune, ps []pos, l []rune, pending []pos) ([]rune, []pos) {
	for _, p := range pending {
		out, ps = append(out, l[p.col-1]), append(ps, p)
	}
	return out, ps
}

func isBlankLine(l []rune) bool {
	for _, r := range l {
		if r != ' ' && r != '\t' {
			return false
		}
	}
	return true
}

// unescape decodes the escape sequence after a backslash in a
// double-quoted scalar, returning its text and how many characters it
// took, or -1 when it is not one.
func unescape(s []rune) ([]rune, int) {
	if len(s) == 0 {
		return nil, -1
	}
	simple := map[rune]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13,
		'e': 27, ' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xA0, 'L': 0x2028, 'P': 0x2029}
	if r, ok := simple[s[0]]; ok {
		return []rune{r}, 1
	}
	digits := map[rune]int{'x': 2, 'u': 4, 'U': 8}[s[0]]
	if digits == 0 || len(s) < 1+digits {
		return nil, -1
	}
	v, err := strconv.ParseUint(string(s[1:1+digits]), 16, 32)
	if err != nil {
		return nil, -1
	}
	return []rune{rune(v)}, 1 + digits
}
