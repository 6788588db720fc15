package draft

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// A Silence is an inline comment in a draft that accepts the findings of
// the next line: <!-- factcheck-disable-next-line conflict: toll updated at 14:00 -->.
type Silence struct {
	Line   int      // the line the comment silences (the one after it)
	Rules  []string // rule or verdict names; empty silences everything
	Cols   []int    // the column of each of Rules on the comment's line, 1-based
	Reason string
}

var silenceRE = regexp.MustCompile(`<!--\s*factcheck-disable-next-line\b\s*([A-Za-z0-9_,\- ]*?)\s*(?::\s*(.*?))?\s*-->`)

// Silences reads the factcheck-disable-next-line comments of a draft.
func Silences(doc *claims.Document) []Silence {
	var out []Silence
	for i, line := range strings.Split(string(doc.Raw), "\n") {
		for _, m := range silenceRE.FindAllStringSubmatchIndex(line, -1) {
			s := Silence{Line: i + 2}
			if m[4] >= 0 {
				s.Reason = strings.TrimSpace(line[m[4]:m[5]])
			}
			names := line[m[2]:m[3]]
			for k := 0; k < len(names); {
				if names[k] == ',' || names[k] == ' ' {
					k++
					continue
				}
				end := k
				for end < len(names) && names[end] != ',' && names[end] != ' ' {
					end++
				}
				s.Rules = append(s.Rules, names[k:end])
				s.Cols = append(s.Cols, utf8.RuneCountInString(line[:m[2]+k])+1)
				k = end
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

// UnknownNames returns a warning for each name in the silences ss of the
// draft source that no verdict answers to: a misspelt name silences
// nothing, and the editor should know.
func UnknownNames(source string, ss []Silence) []claims.Warning {
	var out []claims.Warning
	for _, s := range ss {
		for i, r := range s.Rules {
			if _, ok := aliases[strings.ToLower(r)]; ok {
				continue
			}
			out = append(out, claims.Warning{Source: source, Line: s.Line - 1, Col: s.Cols[i],
				Msg: fmt.Sprintf("factcheck-disable-next-line: unknown rule %q silences nothing (known: %s)", r, strings.Join(slices.Sorted(maps.Keys(aliases)), ", "))})
		}
	}
	return out
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
