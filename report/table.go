package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Table writes the check report: for each finding, most severe first, a
// heading line "SEVERITY rule: about: message [fingerprint]" (the
// fingerprint an ignore file or a baseline names it by) and a table of its
// evidence, one row per claim (where, the quoted text, the value in words,
// who gave it when the text says); then a summary line such as
// "0 errors, 1 warning, 3 info in 5 sources".
func Table(w io.Writer, r *Result) error {
	if err := draftTable(w, r); err != nil {
		return err
	}
	fs := SortFindings(r.Findings)
	if len(fs) == 0 {
		if _, err := fmt.Fprintln(w, "no findings"); err != nil {
			return err
		}
	}
	for i, f := range fs {
		if i > 0 {
			if _, err := fmt.Fprintln(w); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintln(w, wrapLine(findingHeading(f)+" ["+Fingerprint(f)+"]", r.Width)); err != nil {
			return err
		}
		if reason, ok := r.accepted(f); ok {
			if _, err := fmt.Fprintln(w, wrapLine(fmt.Sprintf("accepted (%s): %s", Fingerprint(f), oneLine(reason)), r.Width)); err != nil {
				return err
			}
		}
		attributed := false
		for _, c := range f.Claims {
			attributed = attributed || c.Attribution != ""
		}
		header := []any{"source", "text", "value"}
		if attributed {
			header = append(header, "attribution")
		}
		rows := make([][]string, 0, len(f.Claims))
		for _, c := range f.Claims {
			val := c.FormatValue() + valueNotes(c)
			row := []string{position(c), strconv.Quote(oneLine(c.Text)), val}
			if attributed {
				row = append(row, oneLine(c.Attribution))
			}
			rows = append(rows, row)
		}
		if err := render(w, header, rows, r.Width); err != nil {
			return err
		}
	}
	if len(fs) > 0 {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	if lines := agreements(r); len(lines) > 0 {
		if _, err := fmt.Fprintf(w, "agreed by more than one source:\n%s\n", strings.Join(lines, "\n")); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, wrapLine(summaryLine(r), r.Width))
	return err
}

// agreements lists the groups that more than one source states and that
// no warning or error concerns, shown or not (in the baseline, below
// --min-severity): "  the missile count: 59 (2 sources)".
func agreements(r *Result) []string {
	flagged := maps.Clone(r.disputed)
	if flagged == nil {
		flagged = map[claims.Key]bool{}
	}
	for _, f := range r.Findings {
		if f.Severity >= claims.SeverityWarning {
			flagged[claims.Key{Story: f.Story, Slot: f.Slot, Subject: f.Subject}] = true
		}
	}
	var out []string
	for _, g := range r.Groups {
		srcs := g.Sources()
		if len(srcs) < 2 || flagged[g.Key] {
			continue
		}
		var vals []string
		for _, c := range g.Claims {
			v := c.FormatValue()
			if !slices.Contains(vals, v) {
				vals = append(vals, v)
			}
		}
		name := claims.CommonFrame(g.Claims).About(g.Slot, g.Subject)
		if g.Story != "" {
			name = g.Story + ": " + name
		}
		out = append(out, wrapLine(fmt.Sprintf("  %s: %s (%d sources)", name, strings.Join(vals, ", "), len(srcs)), r.Width))
	}
	return out
}

// ClaimTable writes the extract report: one table of all claims, then a
// line counting claims and sources.
func ClaimTable(w io.Writer, r *Result) error {
	rows := make([][]string, 0, len(r.Claims))
	for _, c := range r.Claims {
		rows = append(rows, []string{
			c.ID, position(c), c.Slot, c.Subject, c.FormatValue(), c.Unit, strconv.Quote(oneLine(c.Text)),
		})
	}
	if len(rows) > 0 {
		if err := render(w, []any{"id", "source", "slot", "subject", "value", "unit", "text"}, rows, r.Width); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%s in %s\n", plural(len(r.Claims), "claim", "claims"), plural(len(r.Docs), "source", "sources"))
	return err
}

// render writes a table of header and rows; with width > 0 its cells are
// wrapped so that it is at most width columns wide (see fitColumns).
func render(w io.Writer, header []any, rows [][]string, width int) error {
	if width > 0 {
		names := make([]string, len(header))
		for i, h := range header {
			names[i] = strings.ToUpper(fmt.Sprint(h))
		}
		widths := fitColumns(names, rows, width)
		wrapped := make([][]string, len(rows))
		for i, row := range rows {
			wrapped[i] = make([]string, len(row))
			for j, cell := range row {
				wrapped[i][j] = wrapText(cell, widths[j])
			}
		}
		rows = wrapped
	}
	// East Asian widths off: the same bytes whatever the locale. Cells
	// are wrapped here, not by the table, so that no width is guessed.
	t := tablewriter.NewTable(w, tablewriter.WithHeaderAlignment(tw.AlignLeft), tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone), tablewriter.WithHeaderAutoWrap(tw.WrapNone))
	t.Header(header...)
	if err := t.Bulk(rows); err != nil {
		return err
	}
	return t.Render()
}

// findingHeading returns "SEVERITY rule: about: message", about being
// what the figures are about in words ("the death toll of the chemical
// attack"; see headline).
func findingHeading(f *claims.Finding) string {
	return fmt.Sprintf("%s %s: %s", strings.ToUpper(f.Severity.String()), f.Rule, headline(f))
}

// summaryLine returns "0 errors, 1 warning, 3 info in 5 sources", and
// when there are any, the accepted findings and those not shown: "; 1
// accepted; not shown: 2 below the minimum severity, 1 in the baseline".
func summaryLine(r *Result) string {
	n := countSeverities(r.Findings)
	s := fmt.Sprintf("%s, %s, %d info in %s",
		plural(n[claims.SeverityError], "error", "errors"),
		plural(n[claims.SeverityWarning], "warning", "warnings"),
		n[claims.SeverityInfo],
		plural(len(r.Docs), "source", "sources"))
	if k := sourcesWithClaims(r); k < len(r.Docs) {
		// An article nothing was read from (another language, no
		// figures) is not one of the sources compared.
		s += fmt.Sprintf(" (claims read from %d)", k)
	}
	accepted := 0
	for _, f := range r.Findings {
		if _, ok := r.accepted(f); ok {
			accepted++
		}
	}
	if accepted > 0 {
		s += fmt.Sprintf("; %d accepted", accepted)
	}
	var hidden []string
	if k := r.Omitted.BelowMinSeverity; k > 0 {
		hidden = append(hidden, fmt.Sprintf("%d below the minimum severity", k))
	}
	if k := r.Omitted.InBaseline; k > 0 {
		hidden = append(hidden, fmt.Sprintf("%d in the baseline", k))
	}
	if len(hidden) > 0 {
		s += "; not shown: " + strings.Join(hidden, ", ")
	}
	return s
}

// sourcesWithClaims counts the documents of r a slotted claim was read
// from.
func sourcesWithClaims(r *Result) int {
	with := map[string]bool{}
	for _, c := range r.Claims {
		if c.Slot != "" {
			with[c.Source] = true
		}
	}
	n := 0
	for _, d := range r.Docs {
		if with[d.Source] {
			n++
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// position returns "file:line:col" for c.
func position(c *claims.Claim) string {
	return fmt.Sprintf("%s:%d:%d", c.Source, c.Span.Line, c.Span.Col)
}

// oneLine folds the line breaks of s into spaces, for a table cell.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// ValueString writes v as a newspaper writes the figure, in unit:
// claims.FormatValue with no frame ("more than 80", "€105m", "2 hours",
// "4 April 2017"). The report writes a claim's value with its own frame
// (claims.Claim.FormatValue): in the unit, currency and rate the text
// gives.
func ValueString(kind claims.Kind, v claims.Value, unit string) string {
	return claims.FormatValue(v, kind, unit, claims.Frame{})
}
