package draft

import (
	"regexp"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// A Silence is an inline comment in a draft that accepts the findings of
// the next line: <!-- factcheck-disable-next-line conflict: toll updated at 14:00 -->.
type Silence struct {
	Line   int      // the line the comment silences (the one after it)
	Rules  []string // rule or verdict names; empty silences everything
	Reason string
}

var silenceRE = regexp.MustCompile(`<!--\s*factcheck-disable-next-line\b\s*([A-Za-z0-9_,\- ]*?)\s*(?::\s*(.*?))?\s*-->`)

// Silences reads the factcheck-disable-next-line comments of a draft.
func Silences(doc *claims.Document) []Silence {
	var out []Silence
	for i, line := range strings.Split(string(doc.Raw), "\n") {
		for _, m := range silenceRE.FindAllStringSubmatch(line, -1) {
			s := Silence{Line: i + 2, Reason: strings.TrimSpace(m[2])}
			for _, r := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' }) {
				s.Rules = append(s.Rules, r)
			}
			out = append(out, s)
		}
	}
	return out
}

// aliases maps the rule names an editor may write to verdicts.
var aliases = map[string][]Verdict{
	"conflict":     {Contradicted, Disputed},
	"unsupported":  {Unsupported},
	"precision":    {LessPrecise},
	"superseded":   {Outdated},
	"outdated":     {Outdated},
	"contradicted": {Contradicted},
	"disputed":     {Disputed},
	"less-precise": {LessPrecise},
}

// ApplySilences marks the assessments of draft claims on silenced lines.
func ApplySilences(as []*Assessment, ss []Silence) {
	for _, a := range as {
		for _, s := range ss {
			if a.Claim.Span.Line != s.Line || !matches(s.Rules, a.Verdict) {
				continue
			}
			a.Silenced = s.Reason
			if a.Silenced == "" {
				a.Silenced = "silenced in the draft (no reason given)"
			}
		}
	}
}

func matches(rules []string, v Verdict) bool {
	if len(rules) == 0 {
		return true
	}
	for _, r := range rules {
		for _, av := range aliases[strings.ToLower(r)] {
			if av == v {
				return true
			}
		}
	}
	return false
}
