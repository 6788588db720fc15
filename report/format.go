package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// Formats lists the output formats of the check command, in the order the
// documentation gives them.
var Formats = []string{"table", "line", "json", "sarif", "github", "markdown", "html"}

// Write writes r to w in format, one of Formats.
func Write(w io.Writer, format string, r *Result) error {
	switch format {
	case "table":
		return Table(w, r)
	case "line":
		return Line(w, r)
	case "json":
		return JSON(w, r, true)
	case "sarif":
		return SARIF(w, r)
	case "github":
		return GitHub(w, r)
	case "markdown":
		return Markdown(w, r)
	case "html":
		return HTML(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, FormatList())
}

// FormatList returns the formats as "table, line, … or html".
func FormatList() string {
	return strings.Join(Formats[:len(Formats)-1], ", ") + " or " + Formats[len(Formats)-1]
}

// NeedsText reports whether format quotes or locates evidence in the
// documents' text (claims.Document Raw and Text): html shows the texts,
// sarif and github give the end of each span. The other formats need only
// the claims and the documents' names, titles and dates, so a caller may
// release the text (claims.Document.Release) once the claims are read.
func NeedsText(format string) bool {
	switch format {
	case "html", "sarif", "github":
		return true
	}
	return false
}

// IsFormat reports whether name is one of Formats.
func IsFormat(name string) bool { return slices.Contains(Formats, name) }

// Line writes one line per finding, most severe first:
//
//	path:line:col: severity rule: about: message [fingerprint]
//
// The position is that of the finding's first evidence claim; a finding
// with no evidence has none. An accepted finding ends with
// " (accepted: reason)".
func Line(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, f := range SortFindings(r.Findings) {
		if len(f.Claims) > 0 {
			fmt.Fprintf(bw, "%s: ", position(f.Claims[0]))
		}
		fmt.Fprintf(bw, "%s %s: %s [%s]", f.Severity, f.Rule, headline(f), Fingerprint(f))
		if reason, ok := r.accepted(f); ok {
			fmt.Fprintf(bw, " (accepted: %s)", oneLine(reason))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// groupLabel says what a finding is about in words (claims.Finding
// AboutWords: "the death toll of the chemical attack"), preceded by
// "story: " when there is a story.
func groupLabel(f *claims.Finding) string {
	g := f.AboutWords()
	if f.Story != "" {
		g = f.Story + ": " + g
	}
	return g
}

// keyLabel names a finding's group by its key: "slot (subject)", preceded
// by "story: " when there is a story, as rule messages used to start.
func keyLabel(f *claims.Finding) string {
	g := f.Slot
	if f.Subject != "" {
		g += " (" + f.Subject + ")"
	}
	if f.Story != "" {
		g = f.Story + ": " + g
	}
	return g
}

// shortMessage returns f's message on one line, without a leading label
// that groupLabel already says: the words about the figures (the
// built-in rules' messages start with them) or "slot (subject)", with or
// without the story.
func shortMessage(f *claims.Finding) string {
	msg := oneLine(f.Message)
	for _, label := range []string{groupLabel(f), f.AboutWords(), keyLabel(f)} {
		if rest, ok := strings.CutPrefix(msg, label+": "); ok {
			return rest
		}
	}
	return msg
}

// headline returns "about: message" for f on one line, or the message
// alone when it already says what it is about: the words about the
// figures, or the slot and the subject (a custom rule's "death toll of
// the chemical attack: 5 vs 7").
func headline(f *claims.Finding) string {
	msg := shortMessage(f)
	low := strings.ToLower(msg)
	names := func(s string) bool {
		s = strings.ToLower(s)
		return hasWords(low, s) || hasWords(low, strings.ReplaceAll(s, "_", " "))
	}
	story := f.Story == "" || names(f.Story)
	if story && names(f.AboutWords()) {
		return msg
	}
	if f.Slot != "" && names(f.Slot) && (f.Subject == "" || names(f.Subject)) && story {
		return msg
	}
	return groupLabel(f) + ": " + msg
}

// hasWords reports whether s holds words as whole words: not "s" in
// "lines".
func hasWords(s, words string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], words)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(words)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) &&
			(end == len(s) || !unicode.IsLetter(after) && !unicode.IsDigit(after)) {
			return true
		}
		i = start + 1
	}
}

// evidenceLabel describes a claim as evidence: `"five people" = 5`, with
// "(superseded)" and "according to …" when they apply.
func evidenceLabel(c *claims.Claim) string {
	s := fmt.Sprintf("%q = %s", oneLine(c.Text), c.FormatValue()) + valueNotes(c)
	if c.Attribution != "" {
		s += ", according to " + oneLine(c.Attribution)
	}
	return s
}

// valueNotes returns what a reader must know about c's value beside the
// value itself: " (superseded)" when the text calls it earlier, " (worked
// out: 16 - 1)" when the text gives it only by arithmetic.
func valueNotes(c *claims.Claim) string {
	s := ""
	if c.Derived != "" {
		s += " (worked out: " + c.Derived + ")"
	}
	if c.AsOf != "" {
		s += " (as of " + claims.FormatDate(c.AsOf) + ")"
	}
	if c.Superseded {
		s += " (superseded)"
	}
	return s
}

// endPosition returns the line and column just after c's evidence in its
// document, or the start position when the document is unknown.
func (r *Result) endPosition(c *claims.Claim) (line, col int) {
	d := r.doc(c.Source)
	if d == nil || c.Span.End > len(d.Raw) || c.Span.End < c.Span.Start {
		return c.Span.Line, c.Span.Col + len([]rune(c.Text))
	}
	return d.Position(c.Span.End)
}
