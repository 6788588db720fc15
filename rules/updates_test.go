package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"China", "china"},
		{"  Khan  Sheïkhoun ", "khan sheikhoun"},
		{"Khan Sheikhoun", "khan sheikhoun"},
		{"the U.S.", "us"},
		{"The Netherlands", "netherlands"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Bosnia-Herzegovina", "bosnia herzegovina"},
		{"São Paulo", "sao paulo"},
		{"Cafe\u0301", "cafe"},
		{"Theodore", "theodore"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// randomDated returns n claims from nsrc sources, each source with a
// random publication day (or none), some superseded, some text.
func randomDated(r *rand.Rand, n, nsrc int) []*claims.Claim {
	cs := randomClaims(r, n, nsrc, true)
	days := make([]string, nsrc)
	for s := range days {
		if r.IntN(4) > 0 {
			days[s] = fmt.Sprintf("2017-04-%02d", 1+r.IntN(4))
			if r.IntN(3) == 0 {
				days[s] += "T12:00:00Z"
			}
		}
	}
	for _, c := range cs {
		var s int
		fmt.Sscanf(c.Source, "s%d", &s)
		c.Published = days[s]
		// Every kind of figure, running or not.
		c.Kind = allKinds[r.IntN(len(allKinds))]
		if c.Value.Text != "" {
			c.Kind = claims.KindText
			if r.IntN(3) == 0 {
				c.Value.Text = "the " + c.Value.Text // normalizes to the same
			}
		}
	}
	return cs
}

// allKinds are the kinds of numeric claims.
var allKinds = []claims.Kind{claims.KindCount, claims.KindMoney, claims.KindDuration, claims.KindDate,
	claims.KindTime, claims.KindPercent, claims.KindMeasure, claims.KindOrdinal}

// runningKinds are the kinds of figure a later report may update (a toll
// rises, a count of votes goes on, a turnout is revised), written out here
// and not read from claims.Kind.Running, which is under test.
var runningKinds = map[claims.Kind]bool{claims.KindCount: true, claims.KindMoney: true, claims.KindMeasure: true, claims.KindPercent: true}

// bruteOutdated returns the indices of the outdated claims by the
// definition of updateAnalysis, comparing every pair.
func bruteOutdated(cs []*claims.Claim) []int {
	text := func(c *claims.Claim) bool { return c.Value.Text != "" }
	live := func(c *claims.Claim) bool {
		if c.Superseded {
			return false
		}
		if text(c) {
			return true
		}
		lo, hi, lo0, hi0 := c.Value.Bounds()
		return !empty(lo, hi, lo0, hi0)
	}
	agree := func(a, b *claims.Claim) bool { // b is superseded
		if text(a) {
			return text(b) && normalize(a.Value.Text) == normalize(b.Value.Text)
		}
		lo, hi, lo0, hi0 := b.Value.Bounds()
		return !text(b) && !empty(lo, hi, lo0, hi0) && claims.Overlaps(a.Value, b.Value)
	}
	disagree := func(a, b *claims.Claim) bool {
		switch {
		case text(a) && text(b):
			return normalize(a.Value.Text) != normalize(b.Value.Text)
		case !text(a) && !text(b):
			return !claims.Overlaps(a.Value, b.Value)
		}
		return false
	}
	day := func(c *claims.Claim) string { return publishedDay(c.Published) }
	var out []int
	for i, a := range cs {
		if !live(a) {
			continue
		}
		for _, b := range cs {
			if b.Source == a.Source || !live(b) || !disagree(a, b) {
				continue
			}
			label := slices.ContainsFunc(cs, func(s *claims.Claim) bool {
				return s.Superseded && s.Source == b.Source && agree(a, s)
			})
			later := !text(a) && !text(b) && runningKinds[a.Kind] && runningKinds[b.Kind] &&
				day(a) != "" && day(b) > day(a) && higher(b, a)
			if label || later {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// TestUpdatesBruteForce compares the update analysis with the definition
// on random groups.
func TestUpdatesBruteForce(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 11))
		cs := randomDated(r, 1+r.IntN(200), 1+r.IntN(8))
		objs := make([]*claimObj, len(cs))
		for i, c := range cs {
			objs[i] = newClaimObj(c, i)
		}
		u := analyseUpdates(objs)
		got, want := u.outdated(), bruteOutdated(cs)
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d: outdated = %v\nwant %v", seed, got, want)
		}
		for _, i := range got {
			n := u.newer[i]
			a, b := cs[i], cs[n]
			if a.Source == b.Source || b.Superseded {
				t.Fatalf("seed %d: claim %d outdated by %d of the same source or superseded", seed, i, n)
			}
		}
	}
}

// bruteTextConflicting returns the sources (by first text claim) that
// have no text value in common with some other source.
func bruteTextConflicting(cs []*claims.Claim) []int {
	first := map[string]int{}
	vals := map[string]map[string]bool{}
	var order []string
	for i, c := range cs {
		if c.Superseded || c.Value.Text == "" {
			continue
		}
		if _, ok := first[c.Source]; !ok {
			first[c.Source] = i
			vals[c.Source] = map[string]bool{}
			order = append(order, c.Source)
		}
		vals[c.Source][normalize(c.Value.Text)] = true
	}
	var out []int
	for _, a := range order {
		for _, b := range order {
			if a == b {
				continue
			}
			disjoint := true
			for v := range vals[a] {
				if vals[b][v] {
					disjoint = false
				}
			}
			if disjoint {
				out = append(out, first[a])
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestTextConflictsBruteForce(t *testing.T) {
	names := []string{"China", "the china", "Russia", "Bolivia", "Ethiopia", "Kazakhstan"}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 13))
		nsrc := 1 + r.IntN(130) // past one word of the bitsets
		cs := make([]*claims.Claim, 1+r.IntN(300))
		for i := range cs {
			cs[i] = &claims.Claim{ID: fmt.Sprint("c", i+1), Source: fmt.Sprint("s", r.IntN(nsrc)), Kind: claims.KindText,
				Slot: "abstained_country", Value: claims.Value{Text: names[r.IntN(2+r.IntN(len(names)-1))]},
				Superseded: r.IntN(15) == 0}
		}
		objs := make([]*claimObj, len(cs))
		for i, c := range cs {
			objs[i] = newClaimObj(c, i)
		}
		pairs := textConflicts(objs)
		var got []int
		for _, p := range pairs {
			a, b := cs[p[0]], cs[p[1]]
			if a.Source == b.Source || p[0] >= p[1] {
				t.Fatalf("seed %d: bad pair %v", seed, p)
			}
			got = append(got, p[0], p[1])
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if want := bruteTextConflicting(cs); !slices.Equal(got, want) {
			t.Fatalf("seed %d: sources in pairs %v\nwant %v", seed, got, want)
		}
	}
}

// TestPack10kDated runs the built-in pack over a dated group of 10,000
// claims from 2,000 sources, with superseded figures and many texts, and
// checks that the rules that look at dates and texts fire. Its speed is
// BenchmarkPack10kDated's (make bench).
func TestPack10kDated(t *testing.T) {
	s := loadBuiltin(t)
	fs, err := s.Evaluate(dated10k())
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, f := range fs {
		rules[f.Rule] = true
	}
	for _, id := range []string{"superseded", "text-conflict"} {
		if !rules[id] {
			t.Errorf("%s did not fire on the random groups; findings from %v", id, rules)
		}
	}
}

// BenchmarkPack10kDated runs the built-in pack over TestPack10kDated's
// groups.
func BenchmarkPack10kDated(b *testing.B) {
	s := loadBuiltin(b)
	groups := dated10k()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Evaluate(groups); err != nil {
			b.Fatal(err)
		}
	}
}

// dated10k returns a dated group of 10,000 claims from 2,000 sources and
// a text group of 10,000 claims.
func dated10k() []*claims.Group {
	r := rand.New(rand.NewPCG(5, 6))
	cs := randomDated(r, 10_000, 2_000)
	texts := make([]*claims.Claim, 10_000)
	for i := range texts {
		texts[i] = &claims.Claim{ID: fmt.Sprint("t", i+1), Source: fmt.Sprint("s", i%5000), Kind: claims.KindText,
			Slot: "vote_cast", Subject: "China", Value: claims.Value{Text: []string{"abstained", "against", "Abstained"}[r.IntN(3)]}}
	}
	for _, c := range cs {
		c.Kind = claims.KindCount
	}
	return claims.GroupClaims(append(cs, texts...))
}

// higher reports whether b's interval lies wholly above a's.
func higher(b, a *claims.Claim) bool {
	alo, ahi, _, ahiOpen := a.Value.Bounds()
	blo, _, bloOpen, _ := b.Value.Bounds()
	_ = alo
	return blo > ahi || blo == ahi && (ahiOpen || bloOpen)
}
