package rules

import (
	"cmp"
	"regexp"
	"slices"

	"github.com/factcheck/factcheck/claims"
)

// isoDay matches the day part of an ISO 8601 publication date or time.
var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// publishedDay returns the YYYY-MM-DD of a publication date, or "" when
// it gives no full day ("2017-04", "", "April 12").
func publishedDay(p string) string {
	return isoDay.FindString(p)
}

// An updateAnalysis says, for each claim of a list, the claim of another
// source that shows it outdated (newer[i], an index into the list), or -1.
//
// Claim o is outdated by claim n, from another source, when the two cannot
// both be true (after tolerance; text values after normalize) and
//
//   - n's text calls o's figure earlier: n's source also gives a figure it
//     marks superseded ("initial reports said 20") that o agrees with, and
//     n is one of that source's current figures; or
//   - n's source was published on a later day than o's, both are
//     running figures (claims.Kind.Running) and n is the higher: a later report
//     gives a higher running total. A later report with a lower figure
//     contradicts the earlier one instead.
//
// The first reason wins when both hold. Superseded claims are never
// outdated (the text has labelled them already) and never outdate.
//
// Time: O(n log n) for publication dates; O(n·k) for the text's own
// labels, k the number of superseded claims in the list, which texts give
// rarely.
type updateAnalysis struct {
	newer []int
	// dated[i]: the texts themselves place claim i before a higher figure
	// of another source ("rose to six on Thursday", "18 by Sunday"). Such
	// a claim is not current, but not out of date either: nothing to
	// report.
	dated []bool
	any   bool
}

// outdated returns the indices of the outdated claims, in list order.
func (u *updateAnalysis) outdated() []int {
	var out []int
	for i, n := range u.newer {
		if n >= 0 {
			out = append(out, i)
		}
	}
	return out
}

func analyseUpdates(objs []*claimObj) *updateAnalysis {
	n := len(objs)
	u := &updateAnalysis{newer: make([]int, n), dated: make([]bool, n)}
	src := make([]int, n)
	srcID := map[string]int{}
	bounds := make([]bound, n)
	isNum := make([]bool, n)  // a live numeric claim
	isText := make([]bool, n) // a live text claim
	norms := make([]string, n)
	var supersededBy [][]int // superseded claims by source id
	for i, o := range objs {
		u.newer[i] = -1
		id, ok := srcID[o.Source]
		if !ok {
			id = len(srcID)
			srcID[o.Source] = id
			supersededBy = append(supersededBy, nil)
		}
		src[i] = id
		v := o.value()
		if v.Text != "" {
			norms[i] = normalize(v.Text)
			isText[i] = !o.Superseded
		} else {
			lo, hi, loOpen, hiOpen := v.Bounds()
			if empty(lo, hi, loOpen, hiOpen) {
				continue
			}
			bounds[i] = bound{lo, hi, loOpen, hiOpen}
			isNum[i] = !o.Superseded
		}
		if o.Superseded {
			supersededBy[id] = append(supersededBy[id], i)
		}
	}
	u.byLabel(objs, src, bounds, isNum, isText, norms, supersededBy)
	u.byAsOf(objs, src, bounds, isNum)
	u.byDate(objs, src, bounds, isNum)
	for _, x := range u.newer {
		if x >= 0 {
			u.any = true
			break
		}
	}
	return u
}

// byLabel finds the claims a text's own "earlier" label shows outdated.
func (u *updateAnalysis) byLabel(objs []*claimObj, src []int, bounds []bound, isNum, isText []bool, norms []string, supersededBy [][]int) {
	type current struct {
		lowest, highest int // the numeric claims with the lowest upper and highest lower end
		text0, text1    int // the first text claim, and the first with another text
	}
	var labelling []int // sources with superseded claims, in order of first mention
	cur := make([]current, len(supersededBy))
	for s := range cur {
		cur[s] = current{-1, -1, -1, -1}
		if len(supersededBy[s]) > 0 {
			labelling = append(labelling, s)
		}
	}
	if len(labelling) == 0 {
		return
	}
	for i := range objs {
		c := &cur[src[i]]
		switch {
		case isNum[i]:
			b := bounds[i]
			if c.lowest < 0 || b.hi < bounds[c.lowest].hi || (b.hi == bounds[c.lowest].hi && b.hiOpen && !bounds[c.lowest].hiOpen) {
				c.lowest = i
			}
			if c.highest < 0 || b.lo > bounds[c.highest].lo || (b.lo == bounds[c.highest].lo && b.loOpen && !bounds[c.highest].loOpen) {
				c.highest = i
			}
		case isText[i]:
			if c.text0 < 0 {
				c.text0 = i
			} else if c.text1 < 0 && norms[i] != norms[c.text0] {
				c.text1 = i
			}
		}
	}
	agrees := func(i, s int) bool { // claim i agrees with superseded claim s
		if isText[i] {
			return objs[s].value().Text != "" && norms[s] == norms[i]
		}
		return objs[s].value().Text == "" && claims.Overlaps(objs[i].value(), objs[s].value())
	}
	for i := range objs {
		if !isNum[i] && !isText[i] {
			continue
		}
		for _, s := range labelling {
			if s == src[i] || !slices.ContainsFunc(supersededBy[s], func(k int) bool { return agrees(i, k) }) {
				continue
			}
			c := cur[s]
			best := -1
			if isText[i] {
				switch {
				case c.text0 >= 0 && norms[c.text0] != norms[i]:
					best = c.text0
				case c.text1 >= 0:
					best = c.text1
				}
			} else {
				best = farther(bounds, i, c.lowest, c.highest)
			}
			if best >= 0 {
				u.newer[i] = best
				break
			}
		}
	}
}

// farther returns whichever of lo (a claim that may lie below claim i) and
// hi (one that may lie above it) does, the one with the wider gap when
// both do (lo at a tie), or -1.
func farther(bounds []bound, i, lo, hi int) int {
	b := bounds[i]
	best, gap := -1, 0.0
	if lo >= 0 && bounds[lo].below(b) {
		best, gap = lo, b.lo-bounds[lo].hi
	}
	if hi >= 0 && b.below(bounds[hi]) {
		if g := bounds[hi].lo - b.hi; best < 0 || g > gap {
			best = hi
		}
	}
	return best
}

// byAsOf marks the running figures the texts themselves date before a
// higher figure of another source: each claim's AsOf is the day its text
// gives it for. A lower figure given for a later day contradicts the
// earlier one and is left to the conflict rule.
func (u *updateAnalysis) byAsOf(objs []*claimObj, src []int, bounds []bound, isNum []bool) {
	var idx []int
	days := make([]string, len(objs))
	for i, o := range objs {
		if isNum[i] && claims.Kind(o.Kind).Running() && u.newer[i] < 0 {
			if days[i] = publishedDay(o.AsOf); days[i] != "" {
				idx = append(idx, i)
			}
		}
	}
	if len(idx) < 2 {
		return
	}
	// From the latest day back, keeping the highest lower bound of the
	// later days and the highest of a source other than its own.
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(days[y], days[x]) })
	best, next := -1, -1
	higher := func(x, y int) bool {
		bx, by := bounds[x], bounds[y]
		return bx.lo > by.lo || (bx.lo == by.lo && bx.loOpen && !by.loOpen)
	}
	for k := 0; k < len(idx); {
		end := k
		for end < len(idx) && days[idx[end]] == days[idx[k]] {
			end++
		}
		for _, i := range idx[k:end] {
			j := best
			if j >= 0 && src[j] == src[i] {
				j = next
			}
			if j < 0 {
				continue
			}
			if b, a := bounds[j], bounds[i]; b.lo > a.hi || b.lo == a.hi && (b.loOpen || a.hiOpen) {
				u.dated[i] = true
			}
		}
		for _, i := range idx[k:end] {
			switch {
			case best < 0 || higher(i, best):
				if best >= 0 && src[best] != src[i] {
					next = best
				}
				best = i
			case src[i] != src[best] && (next < 0 || higher(i, next)):
				next = i
			}
		}
		k = end
	}
}

// byDate finds the running figures a report published on a later day
// contradicts. It sweeps the claims from the latest day back, keeping the
// extremes of the claims of later days (for two sources, so that a claim's
// own source can be passed over).
func (u *updateAnalysis) byDate(objs []*claimObj, src []int, bounds []bound, isNum []bool) {
	var idx []int
	days := make([]string, len(objs))
	for i, o := range objs {
		if !isNum[i] || !claims.Kind(o.Kind).Running() {
			continue
		}
		if days[i] = publishedDay(o.Published); days[i] != "" {
			idx = append(idx, i)
		}
	}
	if len(idx) < 2 {
		return
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(days[y], days[x]) })

	// best and next: the best claim so far, and the best of a source other
	// than best's.
	type extreme struct{ best, next int }
	insert := func(e *extreme, x int, better func(x, y int) bool) {
		switch {
		case e.best < 0 || better(x, e.best):
			if e.best >= 0 && src[e.best] != src[x] {
				e.next = e.best
			}
			e.best = x
		case src[x] != src[e.best] && (e.next < 0 || better(x, e.next)):
			e.next = x
		}
	}
	pick := func(e extreme, s int) int {
		if e.best >= 0 && src[e.best] != s {
			return e.best
		}
		return e.next
	}
	lowerHi := func(x, y int) bool {
		bx, by := bounds[x], bounds[y]
		return bx.hi < by.hi || (bx.hi == by.hi && bx.hiOpen && !by.hiOpen)
	}
	higherLo := func(x, y int) bool {
		bx, by := bounds[x], bounds[y]
		return bx.lo > by.lo || (bx.lo == by.lo && bx.loOpen && !by.loOpen)
	}
	lowest, highest := extreme{-1, -1}, extreme{-1, -1}
	for k := 0; k < len(idx); {
		end := k
		for end < len(idx) && days[idx[end]] == days[idx[k]] {
			end++
		}
		for _, i := range idx[k:end] {
			if u.newer[i] >= 0 || u.dated[i] {
				continue
			}
			// Only a higher later figure updates a running total: tolls
			// and estimates grow; a later report with a lower figure
			// contradicts the earlier one.
			u.newer[i] = farther(bounds, i, -1, pick(highest, src[i]))
		}
		for _, i := range idx[k:end] {
			insert(&lowest, i, lowerHi)
			insert(&highest, i, higherLo)
		}
		k = end
	}
}
