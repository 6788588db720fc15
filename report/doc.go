// Package report formats what a factcheck run found: the documents read,
// their claims, the groups of comparable claims and the rules' findings.
//
// JSON and JSONL follow the versioned output contract documented in the
// README ("JSON output"); Table and ClaimTable are for people. Every format
// is deterministic: the same Result always prints the same bytes. Report
// only formats; it never decides the exit code.
package report

import "github.com/factcheck/factcheck/claims"

// A Result is everything one run produced, in input order.
type Result struct {
	Docs     []*claims.Document
	Claims   []*claims.Claim
	Groups   []*claims.Group
	Findings []*claims.Finding
}

// Version is the version of the JSON output contract.
const Version = 1
