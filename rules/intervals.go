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
// Partners are chosen in O(n log n) time (two sorts, then linear walks
// with hashing), never comparing pairs:
//
//   - numeric claims (dates included) are paired with the numeric claim of
//     another source closest to them that still disagrees: of the claim
//     entirely below with the highest upper end and the claim entirely
//     above with the lowest lower end, the one with the narrower gap
//     (ties: the earlier claim; see closestBelow). A message that shows
//     the pairs then shows the smallest disagreements ("10 vs 4" where
//     sources say 3, 4 and 10), not the widest;
//   - a text claim is paired with the earliest claim from another source
//     of the first-mentioned other text that has one;
//   - a claim with no partner of its own sort is paired with the earliest
//     claim of the other sort from another source (claims.Overlaps holds
//     that a text value and a number cannot both be true).
//
// A value whose interval is empty or NaN takes no part.
type conflictAnalysis struct {
	partner []int
	src     []int // the claims' sources, numbered
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
	src := make([]int, n) // source ids
	a := &conflictAnalysis{partner: make([]int, n), src: src}
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

	// Numbers: the closest claim below is the one with the highest upper
	// end that still lies below (a closed end reaches further than an
	// open one at the same place); the closest above, the one with the
	// lowest lower end that still lies above. See closestBelow.
	var below, above []int
	if len(nums) <= smallGroup {
		below, above = closestSmall(nums, src, bounds)
	} else {
		below, above = closestLarge(nums, src, bounds)
	}
	firstText := firstOf(texts, inputOrder)
	for k, i := range nums {
		b := bounds[i]
		best, gap := -1, 0.0
		if j := below[k]; j >= 0 {
			best, gap = j, b.lo-bounds[j].hi
		}
		if j := above[k]; j >= 0 {
			if g := bounds[j].lo - b.hi; best < 0 || g < gap || (g == gap && j < best) {
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

// An edge is one end of an interval seen from below: its place, and
// whether it reaches the place itself (a closed upper end, or for a
// threshold an open lower end, which lets an end at the same place
// through).
type edge struct {
	x     float64
	reach bool
}

// before orders edges along the line: by place, then an edge that does
// not reach its place before one that does.
func (e edge) before(f edge) bool {
	return e.x < f.x || (e.x == f.x && !e.reach && f.reach)
}

// smallGroup is the size up to which closestSmall compares every pair:
// faster than sorting, and nothing to allocate, for the few claims most
// groups have.
const smallGroup = 48

// closestSmall returns, for each claim nums[k], the claim of another
// source entirely below it with the highest upper end, and the one
// entirely above it with the lowest lower end (-1 when there is none),
// as closestBelow does (a closed end reaches further than an open one at
// the same place; ties go to the earlier claim), by comparing every pair.
func closestSmall(nums, src []int, bounds []bound) (below, above []int) {
	below, above = make([]int, len(nums)), make([]int, len(nums))
	for k, i := range nums {
		b := bounds[i]
		lo, hi := -1, -1
		for _, j := range nums { // input order: the earlier claim first
			if src[j] == src[i] {
				continue
			}
			c := bounds[j]
			if c.below(b) && (lo < 0 || edge{bounds[lo].hi, !bounds[lo].hiOpen}.before(edge{c.hi, !c.hiOpen})) {
				lo = j
			}
			if b.below(c) && (hi < 0 || edge{-bounds[hi].lo, !bounds[hi].loOpen}.before(edge{-c.lo, !c.loOpen})) {
				hi = j
			}
		}
		below[k], above[k] = lo, hi
	}
	return below, above
}

// closestLarge is closestSmall for a large group: see closestBelow.
func closestLarge(nums, src []int, bounds []bound) (below, above []int) {
	his := distinctEnds(nums, src, func(i int) (float64, bool) { return bounds[i].hi, bounds[i].hiOpen })
	los := distinctEnds(nums, src, func(i int) (float64, bool) { return bounds[i].lo, bounds[i].loOpen })
	// j lies below i when its upper end is before i's lower end, or at it
	// with either end open; mirrored, with the ends negated, j lies above.
	below = closestBelow(nums, src,
		his.edges(func(x float64, open bool) edge { return edge{x, !open} }), his.best,
		los.edges(func(x float64, open bool) edge { return edge{x, open} }), los.of)
	above = closestBelow(nums, src,
		los.edges(func(x float64, open bool) edge { return edge{-x, !open} }), los.best,
		his.edges(func(x float64, open bool) edge { return edge{-x, open} }), his.of)
	return below, above
}

// A bestPair is the best claim of a set and the best claim of a source
// other than the best's: between them they hold the best claim of any
// source but one.
type bestPair struct{ b0, b1 int }

// add takes claim j, no better than p's claims, into p.
func (p bestPair) add(j int, src []int) bestPair {
	switch {
	case j < 0:
	case p.b0 < 0:
		p.b0 = j
	case p.b1 < 0 && src[j] != src[p.b0]:
		p.b1 = j
	}
	return p
}

// other returns the best claim of a source other than s, or -1.
func (p bestPair) other(s int, src []int) int {
	if p.b0 >= 0 && src[p.b0] != s {
		return p.b0
	}
	return p.b1
}

// endTable is the distinct values of one end (upper or lower) of a list
// of claims: each with its earliest claim and the earliest of another
// source, and for each claim the index of its end.
type endTable struct {
	at   []float64
	open []bool
	best []bestPair
	of   []int // of[k]: the end of nums[k]
}

// distinctEnds builds the end table of end over nums, in one pass with
// hashing: a large group repeats a few figures.
func distinctEnds(nums, src []int, end func(int) (float64, bool)) *endTable {
	t := &endTable{of: make([]int, len(nums))}
	var idx [2]map[uint64]int // by openness, by the bits of the end
	lastX, lastOpen, last := 0.0, false, -1
	for k, i := range nums { // input order: the earliest first
		x, open := end(i)
		x += 0 // -0 and 0 are one place
		e := last
		if e < 0 || x != lastX || open != lastOpen {
			o := b2i(open)
			if idx[o] == nil {
				idx[o] = make(map[uint64]int)
			}
			var ok bool
			if e, ok = idx[o][math.Float64bits(x)]; !ok {
				e = len(t.at)
				idx[o][math.Float64bits(x)] = e
				t.at = append(t.at, x)
				t.open = append(t.open, open)
				t.best = append(t.best, bestPair{-1, -1})
			}
			lastX, lastOpen, last = x, open, e
		}
		t.best[e] = t.best[e].add(i, src)
		t.of[k] = e
	}
	return t
}

// edges returns the table's ends as edges.
func (t *endTable) edges(as func(x float64, open bool) edge) []edge {
	out := make([]edge, len(t.at))
	for e := range out {
		out[e] = as(t.at[e], t.open[e])
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// closestBelow returns, for each claim nums[k], the claim of another source
// whose upper edge is the highest that still lies below the claim's
// threshold, or -1. ups are the distinct upper edges, each with its best
// claims (upBest: the earliest, as ties go to the earlier claim); lims
// the distinct thresholds, and limOf[k] claim k's. An upper edge lies
// below a threshold when it is before it, or at the same place with one
// of the two ends open. Mirrored (negated lower ends), it finds the
// closest claim above.
//
// The distinct edges are sorted and walked once with the sorted
// thresholds, keeping the best claims so far: O(n + d log d) for d
// distinct edges.
func closestBelow(nums, src []int, ups []edge, upBest []bestPair, lims []edge, limOf []int) []int {
	out := make([]int, len(nums))
	upOrder := make([]int, len(ups))
	for u := range upOrder {
		upOrder[u] = u
	}
	slices.SortFunc(upOrder, func(x, y int) int {
		switch {
		case ups[x].before(ups[y]):
			return -1
		case ups[y].before(ups[x]):
			return 1
		}
		return 0
	})
	limOrder := make([]int, len(lims))
	for l := range limOrder {
		limOrder[l] = l
	}
	// A threshold that reaches its place (an open lower end) lets more
	// through than one at the same place that does not.
	slices.SortFunc(limOrder, func(x, y int) int {
		return cmp.Or(cmp.Compare(lims[x].x, lims[y].x), cmpBool(lims[x].reach, lims[y].reach))
	})
	lies := func(e, t edge) bool {
		return e.x < t.x || (e.x == t.x && (!e.reach || t.reach))
	}
	best := bestPair{-1, -1}
	atLim := make([]bestPair, len(lims))
	p := 0
	for _, l := range limOrder {
		for p < len(upOrder) && lies(ups[upOrder[p]], lims[l]) {
			// A higher edge: its claims come first, then the best so far.
			e := upBest[upOrder[p]]
			best = bestPair{-1, -1}.add(e.b0, src).add(e.b1, src).add(best.b0, src).add(best.b1, src)
			p++
		}
		atLim[l] = best
	}
	for k, i := range nums {
		out[k] = atLim[limOf[k]].other(src[i], src)
	}
	return out
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
