package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// MarkdownLimit is the most bytes Markdown writes: GitHub's limit for a
// job summary is 1 MiB. (A pull-request comment holds 65,536 characters;
// use --min-severity to keep a comment short.)
const MarkdownLimit = 1 << 20

// Markdown writes a report for a pull-request comment or a job summary: a
// heading with the summary line, a table of the findings (severity, rule,
// what it is about, message, sources), then one section per finding with
// its message and each evidence claim, file:line:col, value and the
// sentence it stands in quoted with the figure in bold. Text from the
// articles is escaped so that it reads as written and cannot ping people
// (@name) or break the table.
//
// The output is always under MarkdownLimit: findings that do not fit are
// left out, from the end, and a note says how many.
func Markdown(w io.Writer, r *Result) error {
	_, err := w.Write(markdown(r, MarkdownLimit))
	return err
}

func markdown(r *Result, limit int) []byte {
	fs := SortFindings(r.Findings)
	var head bytes.Buffer
	// The marker keeps the report from being read back as an article.
	fmt.Fprintf(&head, "<!-- %s: written by factcheck check, not an article -->\n", claims.ReportMarker)
	fmt.Fprintf(&head, "## factcheck: %s\n\n", mdText(summaryLine(r)))
	if len(fs) == 0 {
		head.WriteString("No findings.\n")
		return head.Bytes()
	}
	head.WriteString("| # | Severity | Rule | About | Message | Sources |\n|---:|---|---|---|---|---:|\n")
	rows := make([]string, len(fs))
	sections := make([]string, len(fs))
	for i, f := range fs {
		sev := f.Severity.String()
		reason, accepted := r.accepted(f)
		if accepted {
			sev += " (accepted)"
		}
		rows[i] = fmt.Sprintf("| [%d](#finding-%d) | %s | %s | %s | %s | %d |\n",
			i+1, i+1, sev, mdCode(f.Rule), mdText(groupLabel(f)), mdText(shortMessage(f)), len(findingSources(f)))

		var s strings.Builder
		fmt.Fprintf(&s, "\n<a id=\"finding-%d\"></a>\n\n### %d. %s %s: %s\n\n%s\n\n",
			i+1, i+1, sev, mdCode(f.Rule), mdText(groupLabel(f)), mdText(shortMessage(f)))
		if accepted {
			fmt.Fprintf(&s, "Accepted (fingerprint %s): %s\n\n", mdCode(Fingerprint(f)), mdText(reason))
		}
		for _, c := range f.Claims {
			fmt.Fprintf(&s, "- %s: %s", mdCode(position(c)), mdText(c.FormatValue()+valueNotes(c)))
			if c.Attribution != "" {
				s.WriteString(", according to " + mdText(oneLine(c.Attribution)))
			}
			s.WriteString("\n  > " + mdQuote(c) + "\n")
		}
		sections[i] = s.String()
	}
	const reserve = 512 // for the truncation note
	out := head
	shownRows, shownSections := 0, 0
	for _, row := range rows {
		if out.Len()+len(row)+reserve > limit {
			break
		}
		out.WriteString(row)
		shownRows++
	}
	if shownRows == len(rows) {
		for _, sec := range sections {
			if out.Len()+len(sec)+reserve > limit {
				break
			}
			out.WriteString(sec)
			shownSections++
		}
	}
	if shownSections < len(fs) {
		fmt.Fprintf(&out, "\n**Truncated:** the report is limited to %d bytes; %d of %d findings are in the table and %d have their evidence here. Write the full report with `--format json` or `--format html`.\n",
			limit, shownRows, len(fs), shownSections)
	}
	return out.Bytes()
}

// findingSources returns the distinct sources of f's evidence.
func findingSources(f *claims.Finding) []string {
	g := claims.Group{Claims: f.Claims}
	return g.Sources()
}

// mdQuote returns c's sentence for a block quote, escaped, with c's text
// in bold; c's text alone when the sentence does not contain it.
func mdQuote(c *claims.Claim) string {
	sent := oneLine(c.Sentence)
	text := oneLine(c.Text)
	i := strings.Index(sent, text)
	if text == "" || i < 0 {
		return "**" + mdText(text) + "**"
	}
	return mdText(sent[:i]) + "**" + mdText(text) + "**" + mdText(sent[i+len(text):])
}

// mdEscaper escapes the characters that Markdown (GitHub flavoured) would
// read as markup inside a line of text or a table cell, and breaks "@"
// mentions with a zero-width space so that quoting an article pings nobody.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "|", `\|`, "~", `\~`, "#", `\#`,
	"!", `\!`, "@", "@\u200b", "\r", " ", "\n", " ",
)

// mdText escapes s for Markdown text on one line.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCode returns s as a code span, with a fence longer than any run of
// backticks in s.
func mdCode(s string) string {
	s = oneLine(s)
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
