package rules

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/traits"

	"github.com/factcheck/factcheck/claims"
)

// randomClaims returns n claims of random values from nsrc sources: exact
// figures, hedged ones, bounds, ranges, unbounded values, a few texts, and
// some superseded claims.
func randomClaims(r *rand.Rand, n, nsrc int, texts bool) []*claims.Claim {
	inf := math.Inf(1)
	cs := make([]*claims.Claim, n)
	for i := range cs {
		x := float64(r.IntN(60))
		var v claims.Value
		switch k := r.IntN(10); {
		case k < 3:
			v = claims.Exact(x)
		case k < 5:
			v = claims.Value{Lo: x, Hi: x, Approx: true, Tol: []float64{0.05, 0.1, 0.2}[r.IntN(3)]}
		case k == 5:
			v = claims.Value{Lo: x, Hi: inf, LoOpen: r.IntN(2) == 0}
		case k == 6:
			v = claims.Value{Lo: -inf, Hi: x, HiOpen: r.IntN(2) == 0}
		case k == 7:
			v = claims.Value{Lo: x, Hi: x + float64(r.IntN(20)), LoOpen: r.IntN(4) == 0, HiOpen: r.IntN(4) == 0}
			if v.Lo == v.Hi {
				v.LoOpen, v.HiOpen = false, false
			}
		case k == 8 && texts:
			v = claims.Value{Lo: -inf, Hi: inf, Text: []string{"China", "Russia", "Bolivia"}[r.IntN(3)]}
		case k == 8:
			v = claims.Unbounded()
		default:
			v = claims.Value{Lo: x, Hi: x + 10, Vague: true}
		}
		cs[i] = &claims.Claim{ID: fmt.Sprint("c", i+1), Source: fmt.Sprint("s", r.IntN(nsrc)), Slot: "death_toll",
			Kind: claims.KindCount, Value: v, Offset: i, Superseded: r.IntN(12) == 0}
	}
	return cs
}

// conflict reports whether claims a and b conflict, by definition.
func conflict(a, b *claims.Claim) bool {
	return a.Source != b.Source && !a.Superseded && !b.Superseded && !claims.Overlaps(a.Value, b.Value)
}

// bruteConflicting returns the indices of claims in at least one conflict,
// comparing pairs.
func bruteConflicting(cs []*claims.Claim) []int {
	var out []int
	for i, a := range cs {
		for _, b := range cs {
			if conflict(a, b) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// gap is how far apart two conflicting numeric values are.
func gap(a, b claims.Value) float64 {
	alo, ahi, _, _ := a.Bounds()
	blo, bhi, _, _ := b.Bounds()
	return math.Max(blo-ahi, alo-bhi)
}

func checkAnalysis(t *testing.T, cs []*claims.Claim) {
	t.Helper()
	objs := make([]*claimObj, len(cs))
	for i, c := range cs {
		objs[i] = newClaimObj(c, i)
	}
	a := analyseConflicts(objs)
	var got []int
	for i, p := range a.partner {
		if p < 0 {
			continue
		}
		got = append(got, i)
		if !conflict(cs[i], cs[p]) {
			t.Fatalf("claim %d paired with %d, which it does not conflict with: %+v %+v", i, p, cs[i], cs[p])
		}
		// A number is paired with the closest number it conflicts with.
		if cs[i].Value.Text != "" || cs[p].Value.Text != "" {
			continue
		}
		if len(cs) > 1000 && i%50 != 0 {
			continue // sample large groups
		}
		g := gap(cs[i].Value, cs[p].Value)
		for j, c := range cs {
			if c.Value.Text == "" && conflict(cs[i], c) && gap(cs[i].Value, c.Value) < g {
				t.Fatalf("claim %d paired with %d (gap %g), but %d is closer (gap %g)", i, p, g, j, gap(cs[i].Value, c.Value))
			}
		}
	}
	if want := bruteConflicting(cs); !slices.Equal(got, want) {
		t.Fatalf("conflicting = %v\nwant %v", got, want)
	}
	if a.any != (len(got) > 0) {
		t.Fatalf("any = %v with %d conflicting", a.any, len(got))
	}
	pairs := a.pairs()
	if len(pairs) > len(cs) {
		t.Fatalf("%d pairs for %d claims", len(pairs), len(cs))
	}
	inPair := map[int]bool{}
	for _, p := range pairs {
		inPair[p[0]], inPair[p[1]] = true, true
	}
	for _, i := range got {
		if !inPair[i] {
			t.Fatalf("conflicting claim %d is in no pair", i)
		}
	}
}

// TestClosestPartner: each claim's partner in conflicts() is the closest
// value of another source that still disagrees with it, written out.
func TestClosestPartner(t *testing.T) {
	inf := math.Inf(1)
	num := func(src string, v claims.Value) *claims.Claim {
		return &claims.Claim{Source: src, Kind: claims.KindCount, Value: v}
	}
	for _, tc := range []struct {
		name string
		cs   []*claims.Claim
		want []int
	}{
		{"closest, not farthest", []*claims.Claim{num("a", claims.Exact(10)), num("b", claims.Exact(3)), num("c", claims.Exact(4))},
			[]int{2, 2, 1}},
		{"equal values: the earliest", []*claims.Claim{num("a", claims.Value{Lo: 7, Hi: inf}), num("b", claims.Exact(5)), num("c", claims.Exact(5))},
			[]int{1, 0, 0}},
		{"a closed end is closer than an open one", []*claims.Claim{num("a", claims.Exact(10)),
			num("b", claims.Value{Lo: -inf, Hi: 9}), num("c", claims.Value{Lo: -inf, Hi: 10, HiOpen: true})},
			[]int{2, 0, 0}},
		{"as close below as above: the earlier", []*claims.Claim{num("a", claims.Exact(5)), num("b", claims.Exact(3)), num("c", claims.Exact(7))},
			[]int{1, 0, 0}},
		{"not one's own source", []*claims.Claim{num("s1", claims.Exact(10)), num("s1", claims.Exact(9)), num("s2", claims.Exact(3))},
			[]int{2, 2, 1}},
		// About 80 give or take 20% reaches 96: closer to 100 than 90 is.
		{"a tolerance moves the ends", []*claims.Claim{num("a", claims.Exact(100)),
			num("b", claims.Value{Lo: 80, Hi: 80, Approx: true, Tol: 0.2}), num("c", claims.Exact(90))},
			[]int{1, 0, 0}},
		{"a number with no number against it: a text", []*claims.Claim{num("a", claims.Exact(5)),
			{Source: "b", Kind: claims.KindText, Value: claims.Value{Lo: -inf, Hi: inf, Text: "X"}}},
			[]int{1, 0}},
	} {
		objs := make([]*claimObj, len(tc.cs))
		for i, c := range tc.cs {
			objs[i] = newClaimObj(c, i)
		}
		if got := analyseConflicts(objs).partner; !slices.Equal(got, tc.want) {
			t.Errorf("%s: partners %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestClosestSmallAndLarge: the pairwise search of small groups and the
// sorting search of large ones choose the same partners, ties included.
func TestClosestSmallAndLarge(t *testing.T) {
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 9))
		cs := randomClaims(r, 1+r.IntN(200), 1+r.IntN(6), false)
		var nums, src []int
		var bounds []bound
		for i, c := range cs {
			lo, hi, loOpen, hiOpen := c.Value.Bounds()
			src = append(src, int(c.Source[1]-'0'))
			bounds = append(bounds, bound{lo, hi, loOpen, hiOpen})
			if !empty(lo, hi, loOpen, hiOpen) {
				nums = append(nums, i)
			}
		}
		b1, a1 := closestSmall(nums, src, bounds)
		b2, a2 := closestLarge(nums, src, bounds)
		if !slices.Equal(b1, b2) || !slices.Equal(a1, a2) {
			t.Fatalf("seed %d: small %v %v, large %v %v", seed, b1, a1, b2, a2)
		}
	}
}

// TestConflictsBruteForce compares the sorting analysis with a comparison
// of all pairs on random groups of a few hundred claims.
func TestConflictsBruteForce(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 1 + r.IntN(300)
		cs := randomClaims(r, n, 1+r.IntN(8), seed%2 == 0)
		t.Run(fmt.Sprint(seed), func(t *testing.T) { checkAnalysis(t, cs) })
	}
}

// TestConflicts10k checks conflicts() and conflicting() through CEL on a
// group of 10,000 claims against the definition.
func TestConflicts10k(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cs := randomClaims(r, 10_000, 50, true)
	// Mostly agreeing figures, so that a claim must be compared with many
	// before a conflict shows: "about 87" from most sources.
	for i, c := range cs {
		if i%10 != 0 {
			c.Value = claims.Value{Lo: 87, Hi: 87, Approx: true, Tol: 0.05}
		}
	}
	g := group(cs...)
	want := bruteConflicting(cs)
	if len(want) == 0 || len(want) == len(cs) {
		t.Fatalf("bad test: %d of %d conflicting", len(want), len(cs))
	}
	out := evalExpr(t, "conflicting(claims)", g).(traits.Lister)
	objs, _, err := listObjs(out)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]int, len(objs))
	for i, o := range objs {
		got[i] = o.index
	}
	if !slices.Equal(got, want) {
		t.Fatalf("conflicting(claims): %d claims, want %d", len(got), len(want))
	}
	pairs := evalExpr(t, "conflicts(claims)", g).(traits.Lister)
	n := 0
	for it := pairs.Iterator(); it.HasNext() == types.True; n++ {
		p, _, err := listObjs(it.Next())
		if err != nil || len(p) != 2 || p[0].index >= p[1].index || !conflict(p[0].claim, p[1].claim) {
			t.Fatalf("bad pair %v (%v)", p, err)
		}
	}
	if n == 0 || n > len(cs) {
		t.Fatalf("%d pairs", n)
	}
	if !testing.Short() {
		checkAnalysis(t, cs)
	}
}

// benchGroup is a death toll reported 10,000 times by 200 sources: mostly
// agreeing figures, some bounds and vague quantities, and a few outliers.
func benchGroup() *claims.Group {
	r := rand.New(rand.NewPCG(3, 4))
	inf := math.Inf(1)
	cs := make([]*claims.Claim, 10_000)
	for i := range cs {
		var v claims.Value
		switch k := r.IntN(100); {
		case k < 40:
			v = claims.Value{Lo: 87, Hi: 87, Approx: true, Tol: 0.05}
		case k < 60:
			v = claims.Value{Lo: 80, Hi: inf, LoOpen: true}
		case k < 80:
			v = claims.Value{Lo: 87, Hi: inf}
		case k < 95:
			v = claims.Value{Lo: 24, Hi: 144, Vague: true}
		default:
			v = claims.Exact(float64(50 + r.IntN(60)))
		}
		cs[i] = &claims.Claim{ID: fmt.Sprint("c", i+1), Source: fmt.Sprint("s", r.IntN(200), ".txt"), Slot: "death_toll",
			Subject: "chemical attack", Kind: claims.KindCount, Unit: "people", Value: v, Offset: i, Text: "the toll"}
	}
	return group(cs...)
}

// BenchmarkConflicts10k runs the built-in pack over one group of 10,000
// claims.
func BenchmarkConflicts10k(b *testing.B) {
	s := loadBuiltin(b)
	groups := []*claims.Group{benchGroup()}
	b.ReportAllocs()
	for b.Loop() {
		fs, err := s.Evaluate(groups)
		if err != nil || len(fs) != 1 {
			b.Fatalf("findings %v, err %v", fs, err)
		}
	}
}

// BenchmarkAnalyse10k is the conflict analysis alone.
func BenchmarkAnalyse10k(b *testing.B) {
	g := benchGroup()
	objs := make([]*claimObj, len(g.Claims))
	for i, c := range g.Claims {
		objs[i] = newClaimObj(c, i)
	}
	b.ReportAllocs()
	for b.Loop() {
		analyseConflicts(objs)
	}
}
