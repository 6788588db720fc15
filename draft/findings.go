package draft

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// RulePrefix starts the rule id of every draft finding: draft-contradicted,
// draft-unsupported …
const RulePrefix = "draft-"

// A RuleDoc documents one kind of draft finding.
type RuleDoc struct {
	ID, Title, Description string
	Severity               claims.Severity
}

// Rules documents the findings Findings can report.
func Rules() []RuleDoc {
	return []RuleDoc{
		{RulePrefix + string(Contradicted), "The sources contradict a figure of the draft",
			"Every source that states this slot and subject gives a figure that cannot be true together with the draft's.", Contradicted.Severity()},
		{RulePrefix + string(Disputed), "The sources disagree about a figure of the draft",
			"Some sources agree with the draft's figure and some give one that cannot be true with it: the draft takes one side of a disagreement among the sources.", Disputed.Severity()},
		{RulePrefix + string(Outdated), "A figure of the draft has been updated",
			"The draft's figure is one a source calls earlier, or the sources that agree with it were published before those that give a different figure.", Outdated.Severity()},
		{RulePrefix + string(Unsupported), "No source states a figure of the draft",
			"No source gives a figure for this slot and subject, so nothing backs the draft's.", Unsupported.Severity()},
		{RulePrefix + string(LessPrecise), "A source states a figure of the draft more exactly",
			"The sources agree with the draft, but at least one gives a narrower figure (\"87\" where the draft says \"dozens\").", LessPrecise.Severity()},
	}
}

// Findings turns the assessments that are not plain support into findings
// whose evidence is the draft's claim first, then the sources' claims that
// matter for the verdict.
func Findings(as []*Assessment) []*claims.Finding {
	var out []*claims.Finding
	for _, a := range as {
		sev := a.Verdict.Severity()
		if sev == claims.SeverityNone {
			continue
		}
		d := a.Claim
		f := &claims.Finding{
			Rule: RulePrefix + string(a.Verdict), Severity: sev,
			Story: d.Story, Slot: d.Slot, Subject: d.Subject,
			Claims: []*claims.Claim{d},
		}
		about := d.About()
		f.About = about
		draftSays := fmt.Sprintf("the draft says %s", describe(d))
		switch a.Verdict {
		case Contradicted:
			f.Claims = append(f.Claims, a.Conflict...)
			f.Message = fmt.Sprintf("%s: %s; %s", about, draftSays, sources("the sources say", a.Conflict))
		case Disputed:
			f.Claims = append(append(f.Claims, a.Agree...), a.Conflict...)
			f.Message = fmt.Sprintf("%s: %s, as %s; %s", about, draftSays, sourceCount(a.Independent), sources("but", a.Conflict))
		case Outdated:
			f.Claims = append(f.Claims, a.Better...)
			f.Message = fmt.Sprintf("%s: %s; %s", about, draftSays, sources("newer figures", a.Better))
		case Unsupported:
			f.Message = fmt.Sprintf("%s: %s; no source states it", about, draftSays)
		case LessPrecise:
			f.Claims = append(f.Claims, a.Better...)
			f.Message = fmt.Sprintf("%s: %s; %s", about, draftSays, sources("more exact", a.Better))
		}
		out = append(out, f)
	}
	return out
}

func sourceCount(n int) string {
	if n == 1 {
		return "does 1 independent source"
	}
	return fmt.Sprintf("do %d independent sources", n)
}

func sources(lead string, cs []*claims.Claim) string {
	var parts []string
	for i, c := range cs {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(cs)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s:%d)", describe(c), c.Source, c.Span.Line))
	}
	return lead + " " + strings.Join(parts, ", ")
}

// describe writes a claim's figure as its text says it, with the value
// as a newspaper writes it (claims.FormatValue) when the text is not the
// figure alone.
func describe(c *claims.Claim) string {
	v := c.Value
	switch {
	case v.Text != "":
		return strconv.Quote(v.Text)
	case v.Date != "":
		return c.FormatValue()
	}
	return strconv.Quote(c.Text) + " (" + c.FormatValue() + ")"
}
