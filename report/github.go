package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// GitHubCap is how many annotations of each level (error, warning,
// notice) GitHub shows for one step; it drops the rest. GitHub documents
// the limit for errors and warnings; factcheck applies it to notices too.
const GitHubCap = 10

// GitHub writes GitHub Actions workflow commands that annotate the
// evidence of each finding, most severe first:
//
//	::error file=a.txt,line=4,col=116,endLine=4,endColumn=120,title=…::message
//
// Errors are ::error, warnings ::warning and info ::notice. The location
// is the finding's first evidence claim; the message is the rule's message
// followed by every evidence claim with its file:line:col. Accepted
// findings are not annotated. At most GitHubCap annotations of each level
// are written, since GitHub drops the others; when any are left out, a
// last notice says how many ("+3 more …"), and the notices are capped one
// lower so that it is shown.
func GitHub(w io.Writer, r *Result) error {
	var fs []*claims.Finding
	count := map[claims.Severity]int{}
	for _, f := range SortFindings(r.Findings) {
		if _, ok := r.accepted(f); ok {
			continue
		}
		fs = append(fs, f)
		count[f.Severity]++
	}
	limit := map[claims.Severity]int{
		claims.SeverityError: GitHubCap, claims.SeverityWarning: GitHubCap, claims.SeverityInfo: GitHubCap,
	}
	over := 0
	for s, n := range count {
		over += max(0, n-limit[s])
	}
	if over > 0 {
		limit[claims.SeverityInfo] = GitHubCap - 1
	}
	bw := bufio.NewWriter(w)
	written := map[claims.Severity]int{}
	omitted := 0
	for _, f := range fs {
		if written[f.Severity] >= limit[f.Severity] {
			omitted++
			continue
		}
		written[f.Severity]++
		props := []string{}
		if len(f.Claims) > 0 {
			c := f.Claims[0]
			endLine, endCol := r.endPosition(c)
			props = append(props,
				"file="+ghProperty(c.Source),
				fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d", c.Span.Line, c.Span.Col, endLine, endCol))
		}
		props = append(props, "title="+ghProperty(fmt.Sprintf("factcheck %s: %s", f.Rule, groupLabel(f))))
		msg := shortMessage(f)
		for _, c := range f.Claims {
			msg += "\n" + position(c) + " " + evidenceLabel(c)
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", ghLevel(f.Severity), strings.Join(props, ","), ghData(msg))
	}
	if omitted > 0 {
		fmt.Fprintf(bw, "::notice title=factcheck::%s\n", ghData(fmt.Sprintf(
			"+%d more %s not annotated: GitHub shows at most %d errors, %d warnings and %d notices per step; see the full report",
			omitted, cond(omitted == 1, "finding", "findings"), GitHubCap, GitHubCap, GitHubCap)))
	}
	return bw.Flush()
}

func cond(c bool, yes, no string) string {
	if c {
		return yes
	}
	return no
}

func ghLevel(s claims.Severity) string {
	switch s {
	case claims.SeverityError:
		return "error"
	case claims.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// ghData escapes the message of a workflow command.
var ghDataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a property value of a workflow command: as data, and
// also the ":" and "," that end a property.
var ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
