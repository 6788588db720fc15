package rules

import (
	"cmp"
	"math"
	"slices"
)

// A conflictAnalysis says, for each claim of a list, the claim it is paired
// with in conflicts(): partner[i] is an index into the list, or -1 when
// claim i conflicts with no claim of another source (or is superseded).
//
// Two claims conflict when claims.Overlaps says they cannot both be true and
// they come from different sources. Superseded claims take no part.
//
// Partners are chosen so that the analysis takes linear time (with
// hashing), never comparing pairs:
//
//   - numeric claims (dates included) are paired with the numeric claim of
//     another source farthest from them: of the claim entirely below with
//     the lowest upper end and the claim entirely above with the highest
//     lower end, the one with the wider gap (ties: the earlier claim);
//   - a text claim is paired with the earliest claim from another source
//     of the first-mentioned other text that has one;
//   - a claim with no partner of its own sort is paired with the earliest
//     claim of the other sort from another source (claims.Overlaps holds
//     that a text value and a number cannot both be true).
//
// A value whose interval is empty or NaN takes no part.
type conflictAnalysis struct {
	partner []int
	any     bool
}

// pairs returns the distinct pairs {i, partner[i]} with i < partner[i],
// sorted. A claim is the first of at most a few pairs, so bucketing by the
// first index sorts them in linear time.
func (a *conflictAnalysis) pairs() [][2]int {
	n := len(a.partner)
	start := make([]int, n+1) // start[x]: where pairs with first x begin
	for i, p := range a.partner {
		if p >= 0 {
			start[min(i, p)+1]++
		}
	}
	for x := range n {
		start[x+1] += start[x]
	}
	seconds := make([]int, start[n])
	fill := slices.Clone(start[:n])
	for i, p := range a.partner {
		if p >= 0 {
			x := min(i, p)
			seconds[fill[x]] = max(i, p)
			fill[x]++
		}
	}
	out := make([][2]int, 0, len(seconds))
	for x := range n {
		ys := seconds[start[x]:start[x+1]]
		slices.Sort(ys)
		for k, y := range ys {
			if k == 0 || y != ys[k-1] {
				out = append(out, [2]int{x, y})
			}
		}
	}
	return out
}

// bound is a claim's interval after tolerance.
type bound struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// below reports whether b lies entirely below a.
func (b bound) below(a bound) bool {
	return b.hi < a.lo || (b.hi == a.lo && (b.hiOpen || a.loOpen))
}

func analyseConflicts(objs []*claimObj) *conflictAnalysis {
	n := len(objs)
	a := &conflictAnalysis{partner: make([]int, n)}
	src := make([]int, n) // source ids
	srcID := map[string]int{}
	var nums, texts []int // indices of live claims, in input order
	bounds := make([]bound, n)
	for i, o := range objs {
		a.partner[i] = -1
		id, ok := srcID[o.Source]
		if !ok {
			id = len(srcID)
			srcID[o.Source] = id
		}
		src[i] = id
		if o.Superseded {
			continue
		}
		v := o.value()
		if v.Text != "" {
			texts = append(texts, i)
			continue
		}
		lo, hi, loOpen, hiOpen := v.Bounds()
		if empty(lo, hi, loOpen, hiOpen) {
			continue
		}
		bounds[i] = bound{lo, hi, loOpen, hiOpen}
		nums = append(nums, i)
	}

	// A firstTwo is the first claim in some order, and the first claim of
	// a source other than the first's: between them they hold the first
	// claim of any source other than s (see pick).
	type firstTwo struct{ e0, e1 int }
	firstOf := func(idx []int, before func(x, y int) bool) firstTwo {
		f := firstTwo{-1, -1}
		for _, j := range idx {
			if f.e0 < 0 || before(j, f.e0) {
				f.e0 = j
			}
		}
		for _, j := range idx {
			if src[j] != src[f.e0] && (f.e1 < 0 || before(j, f.e1)) {
				f.e1 = j
			}
		}
		return f
	}
	pick := func(f firstTwo, s int) int {
		if f.e0 >= 0 && src[f.e0] != s {
			return f.e0
		}
		return f.e1
	}
	inputOrder := func(x, y int) bool { return x < y }

	// Numbers: the farthest claim below is the one with the lowest upper
	// end (an open end reaches less far than a closed one at the same
	// place); the farthest above, the one with the highest lower end. Only
	// the extremes matter, so two linear scans find them; ties go to the
	// earlier claim.
	lowest := firstOf(nums, func(x, y int) bool {
		bx, by := bounds[x], bounds[y]
		return bx.hi < by.hi || (bx.hi == by.hi && bx.hiOpen && !by.hiOpen)
	})
	highest := firstOf(nums, func(x, y int) bool {
		bx, by := bounds[x], bounds[y]
		return bx.lo > by.lo || (bx.lo == by.lo && bx.loOpen && !by.loOpen)
	})
	firstText := firstOf(texts, inputOrder)
	for _, i := range nums {
		b := bounds[i]
		best, gap := -1, 0.0
		if j := pick(lowest, src[i]); j >= 0 && bounds[j].below(b) {
			best, gap = j, b.lo-bounds[j].hi
		}
		if j := pick(highest, src[i]); j >= 0 && b.below(bounds[j]) {
			if g := bounds[j].lo - b.hi; best < 0 || g > gap || (g == gap && j < best) {
				best = j
			}
		}
		if best < 0 {
			best = pick(firstText, src[i])
		}
		a.partner[i] = best
	}

	// Texts: blocks of equal text in order of first mention.
	if len(texts) > 0 {
		type block struct {
			text        string
			first, next int // first claim; first claim of another source, or -1
			single      int // the one source of a single-source block, else -1
			skip        int // next block whose single source differs
		}
		var blocks []block
		blockOf := map[string]int{}
		for _, i := range texts {
			t := objs[i].value().Text
			k, ok := blockOf[t]
			if !ok {
				k = len(blocks)
				blockOf[t] = k
				blocks = append(blocks, block{text: t, first: i, next: -1})
				continue
			}
			if blk := &blocks[k]; blk.next < 0 && src[i] != src[blk.first] {
				blk.next = i
			}
		}
		for k := len(blocks) - 1; k >= 0; k-- {
			blk := &blocks[k]
			blk.single = -1
			if blk.next < 0 {
				blk.single = src[blk.first]
			}
			blk.skip = k + 1
			if k+1 < len(blocks) && blocks[k+1].single == blk.single && blk.single >= 0 {
				blk.skip = blocks[k+1].skip
			}
		}
		firstNum := firstOf(nums, inputOrder)
		for _, i := range texts {
			own, s := blockOf[objs[i].value().Text], src[i]
			// At most a handful of steps: the own block is passed once and
			// each run of blocks all from source s in one jump.
			best := -1
			for k := 0; k < len(blocks) && best < 0; {
				blk := blocks[k]
				switch {
				case k == own:
					k++
				case blk.single == s:
					k = blk.skip
				case src[blk.first] != s:
					best = blk.first
				default: // a block of several sources whose first is from s
					best = blk.next
				}
			}
			if best < 0 {
				best = pick(firstNum, s)
			}
			a.partner[i] = best
		}
	}
	for _, p := range a.partner {
		if p >= 0 {
			a.any = true
			break
		}
	}
	return a
}

// empty reports whether an interval holds no number (or is NaN); such a
// value takes no part in the interval functions.
func empty(lo, hi float64, loOpen, hiOpen bool) bool {
	return math.IsNaN(lo) || math.IsNaN(hi) || lo > hi || (lo == hi && (loOpen || hiOpen || math.IsInf(lo, 0)))
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// consensusResult is a consensus and the claims that agree on it.
type consensusResult struct {
	consensusObj
	agree []*claimObj
}

// consensus finds the largest set of live claims that can all be true
// together and returns the intersection of their intervals. For numeric
// claims it sweeps the interval ends: the point (or the gap just after a
// point) covered by the most intervals wins, the leftmost at a tie. When
// every live claim is a text claim, the most common text wins, the first
// mentioned at a tie. Superseded claims, and text claims when there are
// numeric ones, are left out; Total counts the claims considered.
func consensus(objs []*claimObj) consensusResult {
	var nums, texts []*claimObj
	for _, o := range objs {
		if o.Superseded {
			continue
		}
		if o.value().Text != "" {
			texts = append(texts, o)
		} else {
			nums = append(nums, o)
		}
	}
	r := consensusResult{consensusObj: consensusObj{Lo: math.Inf(-1), Hi: math.Inf(1)}}
	if len(nums) == 0 && len(texts) > 0 {
		count := map[string]int{}
		best := ""
		for _, o := range texts {
			t := o.value().Text
			count[t]++
			if count[t] > count[best] {
				best = t
			}
		}
		for _, o := range texts {
			if o.value().Text == best {
				r.agree = append(r.agree, o)
			}
		}
		r.Text, r.Count, r.Total = best, len(r.agree), len(texts)
		return r
	}

	// Events at one coordinate come in phases: open ends (they stop short
	// of x), closed starts; then the point x itself; closed ends, open
	// starts; then the gap just after x.
	type event struct {
		x     float64
		phase int
		delta int
	}
	bs := make([]bound, 0, len(nums))
	live := nums[:0:0]
	events := make([]event, 0, 2*len(nums))
	for _, o := range nums {
		lo, hi, loOpen, hiOpen := o.value().Bounds()
		if empty(lo, hi, loOpen, hiOpen) {
			continue
		}
		live = append(live, o)
		bs = append(bs, bound{lo, hi, loOpen, hiOpen})
		start, end := event{lo, 1, +1}, event{hi, 2, -1}
		if loOpen {
			start.phase = 3
		}
		if hiOpen {
			end.phase = 0
		}
		events = append(events, start, end)
	}
	r.Total = len(live)
	if len(live) == 0 {
		return r
	}
	slices.SortFunc(events, func(a, b event) int { return cmp.Or(cmp.Compare(a.x, b.x), cmp.Compare(a.phase, b.phase)) })
	cover, best := 0, -1
	var at float64
	atPoint := false
	for i := 0; i < len(events); {
		x := events[i].x
		for ; i < len(events) && events[i].x == x && events[i].phase <= 1; i++ {
			cover += events[i].delta
		}
		if cover > best && !math.IsInf(x, 0) {
			best, at, atPoint = cover, x, true
		}
		for ; i < len(events) && events[i].x == x; i++ {
			cover += events[i].delta
		}
		if cover > best && !math.IsInf(x, 1) {
			best, at, atPoint = cover, x, false
		}
	}
	contains := func(b bound) bool {
		if atPoint {
			return (b.lo < at || (b.lo == at && !b.loOpen)) && (b.hi > at || (b.hi == at && !b.hiOpen))
		}
		return b.lo <= at && b.hi > at
	}
	first := true
	for k, o := range live {
		b := bs[k]
		if !contains(b) {
			continue
		}
		r.agree = append(r.agree, o)
		if first || b.lo > r.Lo || (b.lo == r.Lo && b.loOpen) {
			r.Lo, r.LoOpen = b.lo, b.loOpen
		}
		if first || b.hi < r.Hi || (b.hi == r.Hi && b.hiOpen) {
			r.Hi, r.HiOpen = b.hi, b.hiOpen
		}
		first = false
	}
	r.Count = len(r.agree)
	r.HasLo, r.HasHi = !math.IsInf(r.Lo, 0), !math.IsInf(r.Hi, 0)
	return r
}
