package gate

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/factcheck/factcheck/claims"
)

// maxBlock is the most claims whose every pair the gate scores. A story
// with more claims of one kind (a feed given as one story, a page of a
// hundred thousand figures) is split by slot, then by slot and subject;
// a part still larger is one group, as equal keys grouped claims before
// the gate. Scoring stays linear in the number of claims.
const maxBlock = 1000

// Group groups the claims of cs that state the same fact, story by story.
//
// Within a story, claims of one kind are candidates for each other (the
// hard rules of Comparable decide the rest) and every pair of candidates
// gets the model's probability. Pairs at or above m.Link join claims into
// components; within each, average linkage merges the two groups whose
// mean pair probability is highest, while that mean is at least m.Link,
// so that one strong pair does not chain two different facts together.
// Every claim is in exactly one group; a claim with nothing to share is a
// group of its own.
//
// A group's Confidence is the mean probability of its pairs of claims
// from different sources (of all its pairs when it has one source; 1 for
// a single claim), leaving out the features of the values themselves: a
// group is as sure as its claims' frames and words make it, whether its
// values agree or not, so that a disagreement does not lower the
// confidence its finding needs.
//
// A group's key, for display and for rules that filter by slot, is the
// most common slot and subject among its claims (the first of them on a
// tie); Kind and Unit are its first claim's. Groups are ordered by story,
// slot and subject, then by their first claim; claims keep their order in
// cs.
func (m *Model) Group(cs []*claims.Claim) []*claims.Group {
	var stories [][]*claims.Claim
	index := map[string]int{}
	for _, c := range cs {
		i, ok := index[c.Story]
		if !ok {
			i = len(stories)
			index[c.Story] = i
			stories = append(stories, nil)
		}
		stories[i] = append(stories[i], c)
	}
	// Stories are grouped in parallel; the result does not depend on it.
	results := make([][]*claims.Group, len(stories))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(stories)) {
		wg.Go(func() {
			var scratch [2][]float32 // a worker's pair matrices, reused
			for {
				i := int(next.Add(1) - 1)
				if i >= len(stories) {
					return
				}
				results[i], scratch = m.groupStory(stories[i], scratch)
			}
		})
	}
	wg.Wait()
	var groups []*claims.Group
	for _, r := range results {
		groups = append(groups, r...)
	}
	pos := make(map[*claims.Claim]int, len(cs))
	for i, c := range cs {
		pos[c] = i
	}
	slices.SortStableFunc(groups, func(a, b *claims.Group) int {
		return cmp.Or(cmp.Compare(a.Story, b.Story), cmp.Compare(a.Slot, b.Slot), cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(pos[a.Claims[0]], pos[b.Claims[0]]))
	})
	return groups
}

// groupStory groups the claims of one story, kind by kind, with scratch
// for the pair matrices, which it returns for the next story.
func (m *Model) groupStory(cs []*claims.Claim, scratch [2][]float32) ([]*claims.Group, [2][]float32) {
	b := m.Prepare(cs)
	b.z, b.zv = scratch[0], scratch[1]
	var order []claims.Kind
	blocks := map[claims.Kind][]int{}
	for i, c := range cs {
		if _, ok := blocks[c.Kind]; !ok {
			order = append(order, c.Kind)
		}
		blocks[c.Kind] = append(blocks[c.Kind], i)
	}
	var groups []*claims.Group
	for _, k := range order {
		groups = b.groupBlock(cs, blocks[k], 0, groups)
	}
	return groups, [2][]float32{b.z, b.zv}
}

// groupBlock groups the claims cs[idx] (one story, one kind) and appends
// the groups to out. A block of more than maxBlock claims is split, at
// level 0 by slot, at level 1 by slot and subject; at level 2 it is one
// group.
func (b *Batch) groupBlock(cs []*claims.Claim, idx []int, level int, out []*claims.Group) []*claims.Group {
	if len(idx) > maxBlock {
		if level == 2 {
			return append(out, b.wholeGroup(cs, idx))
		}
		type key struct{ slot, subject string }
		var order []key
		parts := map[key][]int{}
		for _, i := range idx {
			k := key{slot: cs[i].Slot}
			if level == 1 {
				k.subject = cs[i].Subject
			}
			if _, ok := parts[k]; !ok {
				order = append(order, k)
			}
			parts[k] = append(parts[k], i)
		}
		if len(order) > 1 || level == 1 {
			for _, k := range order {
				out = b.groupBlock(cs, parts[k], level+1, out)
			}
			return out
		}
		return b.groupBlock(cs, idx, level+1, out)
	}
	m := b.m
	n := len(idx)
	infos := make([]*info, n)
	for i, ci := range idx {
		infos[i] = b.infos[cs[ci]]
	}
	// The log-odds of every pair (-Inf: never compared), and the
	// components of the pairs at or above the link threshold. zv holds
	// the part the value features give, which a group's confidence
	// leaves out. Probabilities are worked out only inside components.
	b.z, b.zv = grow(b.z, n*n), grow(b.zv, n*n)
	z, zv := b.z, b.zv
	for i := range z {
		z[i] = float32(math.Inf(-1))
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	zLink := float32(logit(m.Link))
	for i := range n {
		for j := i + 1; j < n; j++ {
			if m.apart(infos[i], infos[j]) != noRule {
				continue
			}
			l, lv := m.score(infos[i], infos[j])
			z[i*n+j], z[j*n+i] = float32(l), float32(l)
			v := float32(lv)
			zv[i*n+j], zv[j*n+i] = v, v
			if float32(l) >= zLink {
				if ri, rj := find(i), find(j); ri != rj {
					parent[max(ri, rj)] = min(ri, rj)
				}
			}
		}
	}
	comps := map[int][]int{}
	var roots []int
	for i := range n {
		r := find(i)
		if _, ok := comps[r]; !ok {
			roots = append(roots, r)
		}
		comps[r] = append(comps[r], i)
	}
	for _, r := range roots {
		members := comps[r]
		for _, cl := range averageLinkage(z, n, members, m.Link) {
			g := &claims.Group{}
			for _, i := range cl {
				g.Claims = append(g.Claims, cs[idx[i]])
			}
			g.Confidence = confidence(z, zv, n, cl, g.Claims)
			fillKey(g)
			out = append(out, g)
		}
	}
	return out
}

// grow returns s with length n, reusing its memory when it has room.
func grow(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

// wholeGroup makes the claims cs[idx], too many to score every pair of,
// one group. Its confidence is the mean value-blind probability of the
// pairs of claims next to each other from different sources (of all
// pairs next to each other when there are none).
func (b *Batch) wholeGroup(cs []*claims.Claim, idx []int) *claims.Group {
	g := &claims.Group{}
	for _, i := range idx {
		g.Claims = append(g.Claims, cs[i])
	}
	var cross, all float64
	var nc, na int
	for k := 1; k < len(idx); k++ {
		a, c := b.infos[cs[idx[k-1]]], b.infos[cs[idx[k]]]
		q := 0.0
		if b.m.apart(a, c) == noRule {
			z, zv := b.m.score(a, c)
			q = sigmoid(z - zv)
		}
		all += q
		na++
		if a.c.Source != c.c.Source {
			cross += q
			nc++
		}
	}
	switch {
	case nc > 0:
		g.Confidence = cross / float64(nc)
	case na > 0:
		g.Confidence = all / float64(na)
	default:
		g.Confidence = 1
	}
	fillKey(g)
	return g
}

// averageLinkage clusters members (indices into the n×n matrix z of
// pair log-odds): while two clusters have a mean pair probability of
// at least link, the two with the highest are merged. It returns the
// clusters, each in index order, ordered by first index.
//
// It follows nearest-neighbour chains, which for average linkage make the
// same merges as always merging the best pair, in time quadratic in the
// number of members: the best partner of a cluster never gets better by
// merges of others, so a cluster whose best partner is below link is done.
func averageLinkage(z []float32, n int, members []int, link float64) [][]int {
	k := len(members)
	if k == 1 {
		return [][]int{members}
	}
	clusters := make([][]int, k)
	for i, mi := range members {
		clusters[i] = []int{mi}
	}
	// sum[a*k+b] is the sum of the pair probabilities between clusters a
	// and b.
	sum := make([]float64, k*k)
	for a := range k {
		for b := a + 1; b < k; b++ {
			q := sigmoid(float64(z[members[a]*n+members[b]]))
			sum[a*k+b], sum[b*k+a] = q, q
		}
	}
	active := make([]bool, k)
	for a := range active {
		active[a] = true
	}
	sim := func(a, b int) float64 {
		return sum[a*k+b] / float64(len(clusters[a])*len(clusters[b]))
	}
	var chain []int
	next := 0 // the next cluster to start a chain from
	for {
		if len(chain) == 0 {
			for next < k && !active[next] {
				next++
			}
			if next == k {
				break
			}
			chain = append(chain, next)
		}
		a := chain[len(chain)-1]
		// a's nearest neighbour; the previous link of the chain wins ties,
		// then the lower index.
		best, bs := -1, -1.0
		if len(chain) > 1 {
			best = chain[len(chain)-2]
			bs = sim(a, best)
		}
		for c := range k {
			if c != a && active[c] {
				if s := sim(a, c); s > bs {
					best, bs = c, s
				}
			}
		}
		if best < 0 || bs < link {
			// a merges with nothing any more.
			active[a] = false
			chain = chain[:len(chain)-1]
			continue
		}
		if len(chain) > 1 && best == chain[len(chain)-2] {
			chain = chain[:len(chain)-2]
			x, y := min(a, best), max(a, best)
			clusters[x] = append(clusters[x], clusters[y]...)
			clusters[y] = nil
			active[y] = false
			for c := range k {
				if c != x && active[c] {
					sum[x*k+c] += sum[y*k+c]
					sum[c*k+x] = sum[x*k+c]
				}
			}
			continue
		}
		chain = append(chain, best)
	}
	var out [][]int
	for _, c := range clusters {
		if c != nil {
			slices.Sort(c)
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// confidence is the mean value-blind probability (from the log-odds z
// less the value features' part zv) of the group's pairs of claims from
// different sources, or of all its pairs when it has one source; 1 for a
// single claim. cs are the group's claims, in the order of members.
func confidence(z, zv []float32, n int, members []int, cs []*claims.Claim) float64 {
	if len(members) < 2 {
		return 1
	}
	var cross, all float64
	var nc, na int
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			k := members[i]*n + members[j]
			q := sigmoid(float64(z[k]) - float64(zv[k]))
			all += q
			na++
			if cs[i].Source != cs[j].Source {
				cross += q
				nc++
			}
		}
	}
	if nc > 0 {
		return cross / float64(nc)
	}
	return all / float64(na)
}

// fillKey sets g's story, kind and unit from its first claim, and its
// slot and subject to the most common pair among its claims.
func fillKey(g *claims.Group) {
	first := g.Claims[0]
	g.Story, g.Kind, g.Unit = first.Story, first.Kind, first.Unit
	type ss struct{ slot, subject string }
	count := map[ss]int{}
	for _, c := range g.Claims {
		count[ss{c.Slot, c.Subject}]++
	}
	best, bestN := ss{}, 0
	for _, c := range g.Claims {
		if k := (ss{c.Slot, c.Subject}); count[k] > bestN {
			best, bestN = k, count[k]
		}
	}
	g.Slot, g.Subject = best.slot, best.subject
}
