package main

import (
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/draft"
	"github.com/factcheck/factcheck/report"
)

// draftRun is the draft half of check --draft: the draft's documents and
// what the sources say about each of its figures.
type draftRun struct {
	docs     []*claims.Document
	verdicts []*report.DraftVerdict
	findings []*claims.Finding
	copies   map[string]string
	accepted map[string]string // fingerprint → reason, for silenced findings
	warnings []claims.Warning  // silences that name no rule
}

// splitDraft separates the draft's claims from the sources' claims.
func splitDraft(cs []*claims.Claim, drafts []*claims.Document) (fromDraft, fromSources []*claims.Claim) {
	isDraft := map[string]bool{}
	for _, d := range drafts {
		isDraft[d.Source] = true
	}
	for _, c := range cs {
		if isDraft[c.Source] {
			fromDraft = append(fromDraft, c)
		} else {
			fromSources = append(fromSources, c)
		}
	}
	return fromDraft, fromSources
}

// assessDraft gives the verdicts on the draft's claims and turns the
// problems into findings; silenced ones are accepted with their reason.
func assessDraft(drafts, sources []*claims.Document, draftClaims, sourceClaims []*claims.Claim) *draftRun {
	run := &draftRun{docs: drafts, copies: draft.Copies(sources), accepted: map[string]string{}}
	as := draft.Assess(draftClaims, sourceClaims, run.copies)
	for _, d := range drafts {
		var mine []*draft.Assessment
		for _, a := range as {
			if a.Claim.Source == d.Source {
				mine = append(mine, a)
			}
		}
		ss := draft.Silences(d)
		run.warnings = append(run.warnings, draft.UnknownNames(d.Source, ss)...)
		draft.ApplySilences(mine, ss)
	}
	draft.Sort(as)
	fs := draft.Findings(as)
	for i, a := range as {
		run.verdicts = append(run.verdicts, &report.DraftVerdict{
			Claim: a.Claim, Verdict: string(a.Verdict), Agree: a.Agree, Conflict: a.Conflict,
			Better: a.Better, Independent: a.Independent, Silenced: a.Silenced,
		})
		_ = i
	}
	// Findings come in the order of the assessments that are not plain
	// support; match them up to mark the silenced ones.
	k := 0
	for _, a := range as {
		if a.Verdict.Severity() == claims.SeverityNone {
			continue
		}
		if a.Silenced != "" {
			run.accepted[report.Fingerprint(fs[k])] = "silenced in the draft: " + a.Silenced
		}
		k++
	}
	run.findings = fs
	return run
}

// draftRuleInfos documents the draft findings for the formats that list
// rules.
func draftRuleInfos() []report.RuleInfo {
	var out []report.RuleInfo
	for _, r := range draft.Rules() {
		out = append(out, report.RuleInfo{ID: r.ID, Title: r.Title, Description: r.Description, Severity: r.Severity})
	}
	return out
}
