package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// A DraftVerdict is what the sources say about one figure of a draft
// (check --draft): supported, less-precise, outdated, unsupported,
// disputed or contradicted, with the sources' claims as evidence.
type DraftVerdict struct {
	Claim   *claims.Claim
	Verdict string
	// Agree and Conflict are the sources' claims that agree with the
	// figure and that contradict it; Better those that state it more
	// exactly or more recently.
	Agree, Conflict, Better []*claims.Claim
	// Independent counts the independent sources that agree (copies of
	// one story count once).
	Independent int
	// Silenced is the reason the draft gives for accepting the verdict.
	Silenced string
}

type (
	jsonDraft struct {
		Claim       string   `json:"claim"`
		Verdict     string   `json:"verdict"`
		Agree       []string `json:"agree"`
		Conflict    []string `json:"conflict"`
		Better      []string `json:"better"`
		Independent int      `json:"independent_sources"`
		Silenced    string   `json:"silenced,omitempty"`
	}
	jsonCopy struct {
		Source string `json:"source"`
		CopyOf string `json:"copy_of"`
	}
)

func draftJSON(r *Result) (*[]jsonDraft, *[]jsonCopy) {
	if r.Draft == nil {
		return nil, nil
	}
	ds := make([]jsonDraft, 0, len(r.Draft))
	for _, v := range r.Draft {
		ds = append(ds, jsonDraft{
			Claim: v.Claim.ID, Verdict: v.Verdict, Agree: claimIDs(v.Agree), Conflict: claimIDs(v.Conflict),
			Better: claimIDs(v.Better), Independent: v.Independent, Silenced: v.Silenced,
		})
	}
	cs := make([]jsonCopy, 0)
	for _, d := range r.Docs {
		if of, ok := r.Copies[d.Source]; ok && of != d.Source {
			cs = append(cs, jsonCopy{Source: d.Source, CopyOf: of})
		}
	}
	return &ds, &cs
}

// draftTable writes the draft's figures with their verdicts, then which
// sources are copies of which.
func draftTable(w io.Writer, r *Result) error {
	if len(r.Draft) == 0 {
		return nil
	}
	if _, err := fmt.Fprintln(w, "the draft's figures:"); err != nil {
		return err
	}
	rows := make([][]string, 0, len(r.Draft))
	for _, v := range r.Draft {
		c := v.Claim
		verdict := strings.ToUpper(v.Verdict)
		if v.Silenced != "" {
			verdict += " (silenced: " + oneLine(v.Silenced) + ")"
		}
		rows = append(rows, []string{
			position(c), strconv.Quote(oneLine(c.Text)), c.About(), verdict, draftEvidence(v),
		})
	}
	if err := render(w, []any{"draft", "figure", "about", "verdict", "sources"}, rows, r.Width); err != nil {
		return err
	}
	var copies []string
	for _, d := range r.Docs {
		if of, ok := r.Copies[d.Source]; ok && of != d.Source {
			copies = append(copies, wrapLine(fmt.Sprintf("  %s is a copy of %s (counted once)", d.Source, of), r.Width))
		}
	}
	if len(copies) > 0 {
		if _, err := fmt.Fprintf(w, "copies of one story:\n%s\n", strings.Join(copies, "\n")); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// draftEvidence sums up the sources behind a verdict: who agrees and who
// says otherwise, with their figures.
func draftEvidence(v *DraftVerdict) string {
	var parts []string
	list := func(cs []*claims.Claim) string {
		var s []string
		for i, c := range cs {
			if i == 3 {
				s = append(s, fmt.Sprintf("and %d more", len(cs)-3))
				break
			}
			s = append(s, fmt.Sprintf("%s %s", c.FormatValue(), position(c)))
		}
		return strings.Join(s, "; ")
	}
	if len(v.Agree) > 0 {
		parts = append(parts, fmt.Sprintf("%d independent agree: %s", v.Independent, list(v.Agree)))
	}
	if len(v.Conflict) > 0 {
		parts = append(parts, "say otherwise: "+list(v.Conflict))
	}
	if len(v.Better) > 0 && v.Verdict == "less-precise" {
		parts = append(parts, "more exact: "+list(v.Better))
	}
	if len(parts) == 0 {
		return "no source states it"
	}
	return strings.Join(parts, " | ")
}

// verdictOf maps each draft claim to its verdict.
func (r *Result) verdictOf() map[*claims.Claim]*DraftVerdict {
	m := make(map[*claims.Claim]*DraftVerdict, len(r.Draft))
	for _, v := range r.Draft {
		m[v.Claim] = v
	}
	return m
}
