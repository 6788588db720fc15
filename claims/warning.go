package claims

import "fmt"

// A Warning is something the user should know about an input that is not
// an error: an input left out, an article no claim was read from, a
// figure too large to hold exactly. Extraction and rule loading return
// them; only the command prints them.
type Warning struct {
	// Source is the file (or JSONL record) the warning is about.
	Source string
	// Line and Col locate it, 1-based; 0 when it has no place.
	Line, Col int
	// Msg says what happened, lower case, no final period.
	Msg string
}

// String returns "source:line:col: msg", leaving out what is unknown.
func (w Warning) String() string {
	switch {
	case w.Source == "":
		return w.Msg
	case w.Line > 0 && w.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", w.Source, w.Line, w.Col, w.Msg)
	case w.Line > 0:
		return fmt.Sprintf("%s:%d: %s", w.Source, w.Line, w.Msg)
	}
	return w.Source + ": " + w.Msg
}

// ReportMarker is written into every report factcheck writes in a format
// that can carry it unseen (the HTML page's generator, a Markdown comment,
// a JSON field), so that a report saved beside the articles is never read
// back as one of them.
const ReportMarker = "factcheck-report"
