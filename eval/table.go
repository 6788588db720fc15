package eval

import (
	"fmt"
	"io"
)

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Recall returns the share of gold claims of kind found.
func (r *Result) Recall(kind string) float64 { return pct(r.Found[kind], r.Gold[kind]) }

// Precision returns the share of tool claims that overlap a gold quote.
func (r *Result) Precision() float64 { return pct(r.ToolOnGold, r.ToolClaims) }

// GroupF1 returns the pairwise F1 of "in one of the checker's groups"
// against "the same gold slot and subject".
func (r *Result) GroupF1() float64 {
	p, rc := pct(r.GroupTP, r.GroupTP+r.GroupFP), pct(r.GroupTP, r.GroupTP+r.GroupFN)
	if p+rc == 0 {
		return 0
	}
	return 2 * p * rc / (p + rc)
}

// Mutation returns the share of mutation cases detected.
func (r *Result) Mutation() float64 { return pct(r.MutFound, r.MutTotal) }

// AlarmPrecision returns the share of findings at warning or above that
// detect a labelled disagreement: what an editor experiences. With no
// alarm it is 100%, as score.py counts it.
func (r *Result) AlarmPrecision() float64 {
	if r.Alarms == 0 {
		return 100
	}
	return pct(r.TrueAlarms, r.Alarms)
}

// WriteTable prints the rows and the totals (Totals) as score.py does;
// verbose adds what was missed, for the rows of no half and of the tune
// half only: the check half is scored, not read (testdata/gold/README.md).
func WriteTable(w io.Writer, rows []*Result, totals []*Result, verbose bool) {
	fmt.Fprintf(w, "%-26s %8s %8s %8s %8s %9s %6s %6s %8s %8s\n", "cluster", "num-rec", "date-rec", "claim-P", "group-F1",
		"dis-found", "false", "unlab", "mutation", "alarm-P")
	for i, r := range append(append([]*Result{}, rows...), totals...) {
		if i == len(rows) {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%-26s %7.0f%% %7.0f%% %7.0f%% %7.0f%% %5d/%-3d %6d %6d %5d/%-3d %7.0f%%\n",
			r.Name, r.Recall("number"), r.Recall("date"), r.Precision(), r.GroupF1(),
			r.DisFound, r.DisTotal, r.FalseFlags, r.Unlabelled, r.MutFound, r.MutTotal, r.AlarmPrecision())
		if verbose && r.Half != Check && i < len(rows) {
			for _, m := range r.Missed {
				fmt.Fprintf(w, "    missed disagreement: %s\n", m)
			}
			for _, m := range r.FalseFlagged {
				fmt.Fprintf(w, "    false flag: %s\n", m)
			}
			for _, m := range r.MissedMutations {
				fmt.Fprintf(w, "    mutation missed: %s\n", m)
			}
			for _, m := range r.MissedClaims {
				fmt.Fprintf(w, "    claim missed: %s\n", m)
			}
			for _, m := range r.Extra {
				fmt.Fprintf(w, "    claim on no gold quote: %s\n", m)
			}
		}
	}
}
