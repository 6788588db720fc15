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
	// 60% reached at 0.5 and 0.7 (ten or more alarms); 0.5 finds more.
	rows := []AlarmRow{row(0, 40, 12, 12, 20, 9), row(0.5, 18, 11, 11, 19, 3), row(0.7, 10, 6, 6, 15, 1), row(0.9, 2, 2, 2, 10, 0)}
	if got := chooseAlarm(rows); got != 0.5 {
		t.Errorf("chooseAlarm = %v, want 0.5", got)
	}
	// None reaches 60% on ten alarms: the best F1 of precision (30%,
	// 40%, 50%) and detection ((12+20)/50, (11+19)/50, (3+10)/50).
	rows = []AlarmRow{row(0, 40, 12, 12, 20, 9), row(0.5, 20, 8, 11, 19, 3), row(0.9, 4, 2, 3, 10, 0)}
	if got := chooseAlarm(rows); got != 0.5 {
		t.Errorf("chooseAlarm without 60%% = %v, want 0.5", got)
	}
	link := func(l float64, tp, fp, fn, falseFlags int) LinkRow {
		return LinkRow{Link: l, Groups: PairScore{TP: tp, FP: fp, FN: fn}, Alarms: AlarmRow{FalseFlags: falseFlags}}
	}
	// The best F1 is at 0.2, but with more false flags than one a story.
	links := []LinkRow{link(0.2, 90, 10, 10, 20), link(0.4, 80, 10, 20, 10), link(0.6, 60, 5, 40, 5)}
	if got := chooseLink(links, 10); got != 0.4 {
		t.Errorf("chooseLink = %v, want 0.4", got)
	}
	if got := chooseLink(links, 1); got != 0.6 {
		t.Errorf("chooseLink with none within the false flags = %v, want 0.6 (the fewest)", got)
	}
}
