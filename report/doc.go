// Package report formats what a factcheck run found: the documents read,
// their claims, the groups of comparable claims and the rules' findings.
//
// The check formats (see Formats and Write) are:
//
//   - table: one block per finding with each claim's quoted evidence and
//     file:line:col, then the figures the sources agree on and a summary
//     line; for people at a terminal.
//   - line: one line per finding, "path:line:col: severity rule: message",
//     for editors, grep and compiler-style problem matchers.
//   - json: the versioned output contract documented in the README ("JSON
//     output").
//   - sarif: SARIF 2.1.0, for code-scanning dashboards.
//   - github: GitHub Actions workflow commands that annotate the offending
//     lines, capped as GitHub caps them.
//   - markdown: a summary table and one section per finding, for a pull
//     request comment or a job summary; always under 1 MiB.
//   - html: one self-contained page with the findings table and every
//     source's text, the compared figures highlighted and linked.
//
// Every finding has a Fingerprint, built from what it says (rule, story,
// slot, subject and the values in dispute) and not from where the text
// stands, so that a later run can recognise it: ReadBaseline reads the
// fingerprints of an earlier JSON report and ParseIgnore an ignore file
// that accepts findings with a reason. Result.Select applies them.
//
// Every format is deterministic: the same Result always prints the same
// bytes, findings in the order of SortFindings. Report only formats; it
// never decides the exit code.
package report

import "github.com/factcheck/factcheck/claims"

// A Result is everything one run produced, in input order.
type Result struct {
	Docs     []*claims.Document
	Claims   []*claims.Claim
	Groups   []*claims.Group
	Findings []*claims.Finding

	// Rules describes the rules that ran, for the formats that document
	// them (sarif, html). A finding whose rule is not listed is still
	// reported, with its id only.
	Rules []RuleInfo
	// Accepted maps the fingerprint of each accepted finding to the
	// reason it was accepted (from an ignore file). Accepted findings are
	// still listed, marked as accepted.
	Accepted map[string]string
	// Omitted counts the findings Select left out of Findings.
	Omitted Omitted
	// ToolVersion is factcheck's version, for the formats that name the
	// tool (SARIF's tool.driver.version).
	ToolVersion string
	// Width is the width in columns the table formats fit, wrapping
	// their cells and headings (a terminal's); 0 keeps every line whole.
	Width int
	// Draft holds the verdicts on a draft's figures (check --draft), in
	// the draft's order; nil when no draft was checked.
	Draft []*DraftVerdict
	// Copies maps each source to the first source of its copy cluster
	// (check --draft); a source that copies none maps to itself.
	Copies map[string]string

	docs map[string]*claims.Document // by Source, built by doc
	// disputed holds the groups of the warnings and errors Select left
	// out: they are not listed as agreed.
	disputed map[claims.Key]bool
}

// A RuleInfo describes one rule for the output.
type RuleInfo struct {
	ID          string
	Title       string // one line
	Description string // the rule's documentation, plain text
	Severity    claims.Severity
}

// Omitted counts the findings a run found but does not show.
type Omitted struct {
	// BelowMinSeverity counts findings below the minimum severity shown.
	BelowMinSeverity int
	// InBaseline counts findings whose fingerprint is in the baseline.
	InBaseline int
}

// Version is the version of the JSON output contract.
const Version = 1

// accepted returns the reason f was accepted, and whether it was.
func (r *Result) accepted(f *claims.Finding) (string, bool) {
	if len(r.Accepted) == 0 {
		return "", false
	}
	reason, ok := r.Accepted[Fingerprint(f)]
	return reason, ok
}

// doc returns the document whose Source is source, or nil.
func (r *Result) doc(source string) *claims.Document {
	if r.docs == nil {
		r.docs = make(map[string]*claims.Document, len(r.Docs))
		for _, d := range r.Docs {
			if _, ok := r.docs[d.Source]; !ok {
				r.docs[d.Source] = d
			}
		}
	}
	return r.docs[source]
}
