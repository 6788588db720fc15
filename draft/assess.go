package draft

import (
	"math"
	"slices"
	"sort"

	"github.com/factcheck/factcheck/claims"
)

// A Verdict is what the sources say about one figure of the draft.
type Verdict string

// The verdicts, from best to worst.
const (
	// Supported: at least one source states a figure that agrees, and none
	// contradicts it.
	Supported Verdict = "supported"
	// LessPrecise: the sources agree but one states the figure more
	// exactly ("dozens" in the draft, "87" in a source).
	LessPrecise Verdict = "less-precise"
	// Outdated: the draft's figure is one a source calls earlier, or the
	// sources that agree with it are older than those that do not.
	Outdated Verdict = "outdated"
	// Unsupported: no source states a figure for the same slot and subject.
	Unsupported Verdict = "unsupported"
	// Disputed: some sources agree with the draft and some contradict it.
	Disputed Verdict = "disputed"
	// Contradicted: every source that states the figure contradicts it.
	Contradicted Verdict = "contradicted"
)

// Severity returns how serious a verdict is for the draft: contradicted is
// an error, disputed, unsupported and outdated are warnings, less precise is
// info and supported is none.
func (v Verdict) Severity() claims.Severity {
	switch v {
	case Contradicted:
		return claims.SeverityError
	case Disputed, Unsupported, Outdated:
		return claims.SeverityWarning
	case LessPrecise:
		return claims.SeverityInfo
	}
	return claims.SeverityNone
}

// An Assessment is the verdict on one draft claim, with its evidence.
type Assessment struct {
	Claim   *claims.Claim
	Verdict Verdict
	// Agree and Conflict are the sources' claims that agree with the
	// draft's figure and that cannot both be true with it.
	Agree, Conflict []*claims.Claim
	// Better are the agreeing claims that are more exact, or the claims
	// that replace an outdated figure.
	Better []*claims.Claim
	// Independent counts the independent sources that agree: copies of
	// one story count once.
	Independent int
	// Silenced holds the reason given in the draft for accepting the
	// finding; empty when the finding stands.
	Silenced string
}

// Assess gives a verdict on every slotted claim of the draft against the
// source claims with the same story, slot and subject. copies maps each
// source to the first source of its copy cluster (see Copies); nil treats
// every source as independent.
func Assess(draft, sources []*claims.Claim, copies map[string]string) []*Assessment {
	peers := map[claims.Key][]*claims.Claim{}
	for _, c := range sources {
		if c.Slot != "" {
			peers[claims.KeyOf(c)] = append(peers[claims.KeyOf(c)], c)
		}
	}
	var out []*Assessment
	for _, d := range draft {
		if d.Slot == "" {
			continue
		}
		a := &Assessment{Claim: d}
		var earlier []*claims.Claim
		for _, p := range peers[claims.KeyOf(d)] {
			switch {
			case p.Superseded:
				earlier = append(earlier, p)
			case claims.Overlaps(d.Value, p.Value):
				a.Agree = append(a.Agree, p)
			default:
				a.Conflict = append(a.Conflict, p)
			}
		}
		if len(a.Conflict) > 0 {
			// A vague figure ("dozens") agrees with almost anything: it
			// does not back the draft against sources that contradict it.
			a.Agree = slices.DeleteFunc(a.Agree, func(c *claims.Claim) bool { return c.Value.Vague })
		}
		a.Independent = independent(a.Agree, copies)
		switch {
		case len(a.Agree) == 0 && len(a.Conflict) == 0 && len(earlier) == 0:
			a.Verdict = Unsupported
		case len(a.Conflict) > 0 && (agreesWithAny(d, earlier) || olderThan(a.Agree, a.Conflict)):
			a.Verdict, a.Better = Outdated, a.Conflict
		case len(a.Conflict) > 0 && len(a.Agree) > 0:
			a.Verdict = Disputed
		case len(a.Conflict) > 0:
			a.Verdict = Contradicted
		case len(a.Agree) == 0:
			// only figures the sources themselves call earlier
			a.Verdict, a.Better = Outdated, earlier
		default:
			a.Verdict = Supported
			if b := sharper(d, a.Agree); len(b) > 0 {
				a.Verdict, a.Better = LessPrecise, b
			}
		}
		out = append(out, a)
	}
	return out
}

func agreesWithAny(d *claims.Claim, cs []*claims.Claim) bool {
	for _, c := range cs {
		if claims.Overlaps(d.Value, c.Value) {
			return true
		}
	}
	return false
}

// olderThan reports whether every dated agreeing claim was published
// before every dated conflicting one: the draft follows an old report.
func olderThan(agree, conflict []*claims.Claim) bool {
	if len(agree) == 0 {
		return false
	}
	latestAgree, earliestConflict := "", ""
	for _, c := range agree {
		if c.Published == "" {
			return false
		}
		if c.Published > latestAgree {
			latestAgree = c.Published
		}
	}
	for _, c := range conflict {
		if c.Published == "" {
			return false
		}
		if earliestConflict == "" || c.Published < earliestConflict {
			earliestConflict = c.Published
		}
	}
	return latestAgree < earliestConflict
}

// sharper returns the agreeing claims whose interval, as stated and
// before any tolerance, is narrower than the draft's and lies inside it:
// "87" against the draft's "dozens". A hedge alone ("about two hours"
// against "two hours") is not less precise.
func sharper(d *claims.Claim, agree []*claims.Claim) []*claims.Claim {
	dlo, dhi := d.Value.Lo, d.Value.Hi
	dw := dhi - dlo
	var out []*claims.Claim
	for _, c := range agree {
		if c.Value.Text != "" || d.Value.Text != "" || c.Value.Date != "" {
			continue
		}
		lo, hi := c.Value.Lo, c.Value.Hi
		w := hi - lo
		narrower := w < dw || math.IsInf(dw, 1) && !math.IsInf(w, 1)
		if narrower && lo >= dlo && hi <= dhi {
			out = append(out, c)
		}
	}
	return out
}

// independent counts the copy clusters among the sources of cs.
func independent(cs []*claims.Claim, copies map[string]string) int {
	seen := map[string]bool{}
	for _, c := range cs {
		k := c.Source
		if copies != nil && copies[k] != "" {
			k = copies[k]
		}
		seen[k] = true
	}
	return len(seen)
}

// Sort orders assessments by the draft claims' positions.
func Sort(as []*Assessment) {
	sort.SliceStable(as, func(i, j int) bool {
		a, b := as[i].Claim, as[j].Claim
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Offset < b.Offset
	})
}
