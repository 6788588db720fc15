package eval

import (
	"fmt"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// scorerCluster is a story of two files whose labels say: a1 and b1 are
// one fact, a2 and b2 another.
func scorerCluster() *Cluster {
	return &Cluster{Name: "t", Files: []string{"a.txt", "b.txt"}, Texts: map[string][]byte{
		"a.txt": []byte("Alba won 58% and Brun 42%."),
		"b.txt": []byte("Alba took 58% against 42% for Brun."),
	}, Gold: Gold{Claims: []GoldClaim{
		{ID: "a1", File: "a.txt", Quote: "58%", Slot: "share", Subject: "Alba", Norm: map[string]any{"value": 58}},
		{ID: "a2", File: "a.txt", Quote: "42%", Slot: "share", Subject: "Brun", Norm: map[string]any{"value": 42}},
		{ID: "b1", File: "b.txt", Quote: "58%", Slot: "share", Subject: "Alba", Norm: map[string]any{"value": 58}},
		{ID: "b2", File: "b.txt", Quote: "42%", Slot: "share", Subject: "Brun", Norm: map[string]any{"value": 42}},
	}}}
}

// scorerClaims returns the tool's claims of scorerCluster, all with one
// slot and subject, as the legacy key would have them.
func scorerClaims() []*claims.Claim {
	mk := func(id, src string, v float64, start int) *claims.Claim {
		return &claims.Claim{ID: id, Source: src, Kind: claims.KindPercent, Slot: "percentage", Subject: "vote",
			Value: claims.Exact(v), Span: claims.Span{Start: start, End: start + 3}}
	}
	return []*claims.Claim{mk("c1", "a.txt", 58, 9), mk("c2", "a.txt", 42, 22), mk("c3", "b.txt", 58, 10), mk("c4", "b.txt", 42, 22)}
}

// TestGroupPairs checks that grouping is scored on the groups the checker
// returns, and on equal slot and subject without them.
func TestGroupPairs(t *testing.T) {
	c, cs := scorerCluster(), scorerClaims()
	m := Match(c, cs)
	if len(m.G2T) != 4 {
		t.Fatalf("matched %d gold claims, want 4", len(m.G2T))
	}
	g := func(ids ...int) *claims.Group {
		out := &claims.Group{}
		for _, i := range ids {
			out.Claims = append(out.Claims, cs[i])
		}
		return out
	}
	for _, tt := range []struct {
		name       string
		groups     []*claims.Group
		tp, fp, fn int
	}{
		// One key for all: a1~b1 and a2~b2 right, a1~b2 and a2~b1 wrong.
		{"no groups: the key", nil, 2, 2, 0},
		{"the right groups", []*claims.Group{g(0, 2), g(1, 3)}, 2, 0, 0},
		{"one group", []*claims.Group{g(0, 1, 2, 3)}, 2, 2, 0},
		{"all apart", []*claims.Group{g(0), g(1), g(2), g(3)}, 0, 0, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tp, fp, fn := GroupPairs(c, m, cs, tt.groups)
			if tp != tt.tp || fp != tt.fp || fn != tt.fn {
				t.Errorf("tp/fp/fn = %d/%d/%d, want %d/%d/%d", tp, fp, fn, tt.tp, tt.fp, tt.fn)
			}
		})
	}
}

// TestLabelPairs checks the labels training reads: same gold slot and
// subject is the same fact, of one source or two.
func TestLabelPairs(t *testing.T) {
	c, cs := scorerCluster(), scorerClaims()
	pairs := LabelPairs(c, Match(c, cs), cs)
	var got []string
	for _, p := range pairs {
		got = append(got, fmt.Sprintf("%s-%s:%v:%v", p.A.ID, p.B.ID, p.Same, p.CrossSource()))
		if p.X == nil {
			t.Errorf("%s-%s: no features (%s)", p.A.ID, p.B.ID, p.Rule)
		}
	}
	want := "[c1-c2:false:false c1-c3:true:true c1-c4:false:true c2-c3:false:true c2-c4:true:true c3-c4:false:false]"
	if fmt.Sprint(got) != want {
		t.Errorf("pairs %v, want %s", got, want)
	}
}

func TestChooseThresholds(t *testing.T) {
	row := func(a float64, alarms, trueAlarms, dis, mut, falseFlags int) AlarmRow {
		return AlarmRow{Alarm: a, Alarms: alarms, TrueAlarms: trueAlarms, DisFound: dis, DisTotal: 20, MutFound: mut, MutTotal: 30, FalseFlags: falseFlags}
	}
	link := func(l float64, tp, fp, fn int) LinkRow {
		return LinkRow{Link: l, Groups: PairScore{TP: tp, FP: fp, FN: fn}}
	}
	links := []LinkRow{link(0.2, 90, 10, 10), link(0.4, 80, 10, 20)}
	// Alarm F1, precision against detection ((dis+mut)/50):
	//   link 0.2: 30% x 64% = 40.9 (9 false flags); 55% x 60% = 57.4 (3); 60% x 26% = 36.3 (1)
	//   link 0.4: 40% x 60% = 48.0 (4);             50% x 60% = 54.5 (2); 100% x 24% = 38.7 (0)
	tables := [][]AlarmRow{
		{row(0, 40, 12, 12, 20, 9), row(0.5, 20, 11, 11, 19, 3), row(0.9, 10, 6, 3, 10, 1)},
		{row(0, 30, 12, 12, 18, 4), row(0.5, 20, 10, 11, 19, 2), row(0.9, 2, 2, 2, 10, 0)},
	}
	// Six stories allow three false flags (half a story's each): the
	// best F1 within them is link 0.2 at alarm 0.5.
	if li, ai := chooseThresholds(links, tables, 6); li != 0 || ai != 1 {
		t.Errorf("chooseThresholds(6 stories) = %d, %d; want 0, 1", li, ai)
	}
	// Four stories allow two: link 0.4 at alarm 0.5.
	if li, ai := chooseThresholds(links, tables, 4); li != 1 || ai != 1 {
		t.Errorf("chooseThresholds(4 stories) = %d, %d; want 1, 1", li, ai)
	}
	// Equal alarm F1: the better grouping F1 wins.
	same := [][]AlarmRow{{row(0.5, 20, 10, 10, 20, 0)}, {row(0.5, 20, 10, 10, 20, 0)}}
	if li, _ := chooseThresholds(links, same, 1); li != 0 {
		t.Errorf("chooseThresholds on equal alarms = link %d, want 0 (better grouping)", li)
	}
	// None within the false flags: the fewest.
	tables[1][2].FalseFlags = 1
	tables[0][2].FalseFlags = 2
	for i := range tables {
		for j := range tables[i] {
			tables[i][j].FalseFlags += 5
		}
	}
	if li, ai := chooseThresholds(links, tables, 2); li != 1 || ai != 2 {
		t.Errorf("chooseThresholds with none within = %d, %d; want 1, 2 (the fewest)", li, ai)
	}
}
