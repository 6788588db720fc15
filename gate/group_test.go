package gate

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// fig is a figure of a test story: its source, slot and subject, value,
// the figure's words and its sentence, its kind and unit, and its frame.
type fig struct {
	id                string
	src, slot, subj   string
	v                 float64
	text, sentence    string
	kind              claims.Kind
	unit              string
	frame             claims.Frame
	attribution, asOf string
}

func (f fig) claim() *claims.Claim {
	k := f.kind
	if k == "" {
		k = claims.KindCount
	}
	return &claims.Claim{ID: f.id, Source: f.src, Slot: f.slot, Subject: f.subj, Kind: k, Unit: f.unit,
		Value: claims.Exact(f.v), Text: f.text, Sentence: f.sentence, Frame: f.frame, Attribution: f.attribution, AsOf: f.asOf}
}

// groupsOf returns the groups as sorted lists of claim ids, sorted.
func groupsOf(gs []*claims.Group) [][]string {
	var out [][]string
	for _, g := range gs {
		var ids []string
		for _, c := range g.Claims {
			ids = append(ids, c.ID)
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(strings.Join(a, " "), strings.Join(b, " ")) })
	return out
}

// TestGroupLookAlikes runs the built-in gate on small stories of two or
// three sources whose look-alike figures share slot and subject, so that
// equal keys would compare them, while their frames say they are
// different facts; the figures that are one fact, agreeing or not, must
// still be grouped.
func TestGroupLookAlikes(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	const (
		shareA = "Alba won 58.2% of the vote and Brun 41.8%, the commission said."
		shareB = "Alba took 58.2 percent of the vote against 41.8 percent for Brun, the commission said."
	)
	tests := []struct {
		name string
		figs []fig
		want [][]string
	}{
		{"one candidate's share and the other's", []fig{
			{id: "a1", src: "a", slot: "percentage", subj: "vote", v: 58.2, text: "58.2%", sentence: shareA, kind: claims.KindPercent, frame: claims.Frame{Owner: "Alba"}},
			{id: "a2", src: "a", slot: "percentage", subj: "vote", v: 41.8, text: "41.8%", sentence: shareA, kind: claims.KindPercent, frame: claims.Frame{Owner: "Brun"}},
			{id: "b1", src: "b", slot: "percentage", subj: "vote", v: 58.2, text: "58.2 percent", sentence: shareB, kind: claims.KindPercent, frame: claims.Frame{Owner: "Alba"}},
			{id: "b2", src: "b", slot: "percentage", subj: "vote", v: 41.8, text: "41.8 percent", sentence: shareB, kind: claims.KindPercent, frame: claims.Frame{Owner: "Brun"}},
		}, [][]string{{"a1", "b1"}, {"a2", "b2"}}},
		{"a weekly and an annual wage", []fig{
			{id: "a1", src: "a", slot: "wage", subj: "player", v: 290000, text: "£290,000 a week", sentence: "He will earn £290,000 a week at the club.", kind: claims.KindMoney, unit: "GBP", frame: claims.Frame{Per: "week"}},
			{id: "b1", src: "b", slot: "wage", subj: "player", v: 15e6, text: "£15m a year", sentence: "He will earn £15m a year at the club.", kind: claims.KindMoney, unit: "GBP", frame: claims.Frame{Per: "year"}},
			{id: "c1", src: "c", slot: "wage", subj: "player", v: 290000, text: "£290,000 per week", sentence: "The club will pay him £290,000 per week.", kind: claims.KindMoney, unit: "GBP", frame: claims.Frame{Per: "week"}},
		}, [][]string{{"a1", "c1"}, {"b1"}}},
		{"an age and a contract length", []fig{
			{id: "a1", src: "a", slot: "age", subj: "", v: 29, text: "29-year-old", sentence: "The 29-year-old signed a four-year contract.", unit: "years", frame: claims.Frame{Dimension: "age"}},
			{id: "b1", src: "b", slot: "age", subj: "", v: 4, text: "four-year", sentence: "The player, 29, signed a four-year contract.", unit: "years", frame: claims.Frame{Dimension: "duration", Counts: "contract"}},
			{id: "b2", src: "b", slot: "age", subj: "", v: 29, text: "29", sentence: "The player, 29, signed a four-year contract.", unit: "years", frame: claims.Frame{Dimension: "age"}},
		}, [][]string{{"a1", "b2"}, {"b1"}}},
		{"a part and its total", []fig{
			{id: "a1", src: "a", slot: "money_amount", subj: "deal", v: 7e9, text: "$7 billion", sentence: "The company agreed to buy its rival for $7 billion.", kind: claims.KindMoney, unit: "USD"},
			{id: "b1", src: "b", slot: "money_amount", subj: "deal", v: 5e9, text: "$5 billion in stock", sentence: "The deal includes $5 billion in stock.", kind: claims.KindMoney, unit: "USD", frame: claims.Frame{Role: claims.RolePart, PartOf: "the deal"}},
			{id: "c1", src: "c", slot: "money_amount", subj: "deal", v: 7e9, text: "$7bn", sentence: "The company will pay $7bn for its rival.", kind: claims.KindMoney, unit: "USD"},
		}, [][]string{{"a1", "c1"}, {"b1"}}},
		{"the previous record and the new one", []fig{
			{id: "a1", src: "a", slot: "temperature", subj: "", v: 42.6, text: "42.6C", sentence: "The city recorded 42.6C, a new record.", kind: claims.KindMeasure, unit: "degC"},
			{id: "b1", src: "b", slot: "temperature", subj: "", v: 40.4, text: "40.4C", sentence: "It beat the previous record of 40.4C set in 1947.", kind: claims.KindMeasure, unit: "degC", frame: claims.Frame{Role: claims.RoleReference}},
			{id: "b2", src: "b", slot: "temperature", subj: "", v: 42.6, text: "42.6C", sentence: "Thermometers showed 42.6C in the afternoon.", kind: claims.KindMeasure, unit: "degC"},
		}, [][]string{{"a1", "b2"}, {"b1"}}},
		{"sources that disagree are still compared", []fig{
			{id: "a1", src: "a", slot: "death_toll", subj: "fire", v: 58, text: "58 people", sentence: "The fire killed 58 people, police said.", unit: "people"},
			{id: "b1", src: "b", slot: "death_toll", subj: "fire", v: 59, text: "59 people", sentence: "At least 59 people were killed in the fire, police said.", unit: "people"},
			{id: "c1", src: "c", slot: "death_toll", subj: "fire", v: 87, text: "87 people", sentence: "The fire killed 87 people, officials said.", unit: "people"},
		}, [][]string{{"a1", "b1", "c1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cs []*claims.Claim
			for _, f := range tt.figs {
				cs = append(cs, f.claim())
			}
			got := groupsOf(m.Group(cs))
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("groups %v, want %v", got, tt.want)
				for i, a := range cs {
					for _, b := range cs[i+1:] {
						e := m.Explain(a, b, cs)
						t.Logf("%s-%s: %.2f %s", a.ID, b.ID, e.Prob, e.Rule)
					}
				}
			}
		})
	}
}

// TestAverageLinkage checks that a chain of strong pairs does not join
// two claims whose own pair is weak: A-B and B-C are sure, A-C is not, so
// that B goes with one of them and the other stays alone.
func TestAverageLinkage(t *testing.T) {
	logOdds := func(p float64) float32 { return float32(logit(p)) }
	tests := []struct {
		name string
		p    [3][3]float64 // upper triangle
		link float64
		want [][]int
	}{
		{"no chaining", [3][3]float64{{0, 0.9, 0.05}, {0, 0, 0.8}}, 0.5, [][]int{{0, 1}, {2}}},
		{"all sure", [3][3]float64{{0, 0.9, 0.7}, {0, 0, 0.8}}, 0.5, [][]int{{0, 1, 2}}},
		{"none sure", [3][3]float64{{0, 0.2, 0.1}, {0, 0, 0.3}}, 0.5, [][]int{{0}, {1}, {2}}},
		// The mean of A-C and B-C, (0.4+0.7)/2, reaches 0.5: C joins.
		{"the mean decides", [3][3]float64{{0, 0.9, 0.4}, {0, 0, 0.7}}, 0.5, [][]int{{0, 1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			z := make([]float32, 9)
			for i := range 3 {
				for j := i + 1; j < 3; j++ {
					z[i*3+j], z[j*3+i] = logOdds(tt.p[i][j]), logOdds(tt.p[i][j])
				}
			}
			if got := averageLinkage(z, 3, []int{0, 1, 2}, tt.link); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("clusters %v, want %v", got, tt.want)
			}
		})
	}
}

// TestGroupShape checks what Group promises of every group: each claim in
// exactly one, claims in input order, the most common slot and subject
// as the key, a confidence between 0 and 1 (1 for a single claim), and
// stories kept apart.
func TestGroupShape(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := "The fire killed 58 people, police said."
	cs := []*claims.Claim{
		fig{id: "c1", src: "a", slot: "death_toll", subj: "fire", v: 58, text: "58 people", sentence: s}.claim(),
		fig{id: "c2", src: "b", slot: "death_toll", subj: "blaze", v: 58, text: "58 people", sentence: s}.claim(),
		fig{id: "c3", src: "c", slot: "death_toll", subj: "fire", v: 58, text: "58 people", sentence: s}.claim(),
		fig{id: "c4", src: "c", slot: "", subj: "", v: 3, text: "3", sentence: "He had 3 dogs."}.claim(),
		fig{id: "c5", src: "d", slot: "death_toll", subj: "fire", v: 58, text: "58 people", sentence: s}.claim(),
	}
	cs[4].Story = "other"
	groups := m.Group(cs)
	seen := map[string]int{}
	for _, g := range groups {
		if g.Confidence < 0 || g.Confidence > 1 || math.IsNaN(g.Confidence) {
			t.Errorf("group %s: confidence %v", g.Slot, g.Confidence)
		}
		if len(g.Claims) == 1 && g.Confidence != 1 {
			t.Errorf("a single claim's group: confidence %v, want 1", g.Confidence)
		}
		for i, c := range g.Claims {
			seen[c.ID]++
			if c.Story != g.Story {
				t.Errorf("claim %s of story %q in a group of story %q", c.ID, c.Story, g.Story)
			}
			if i > 0 && slices.Index(cs, g.Claims[i-1]) > slices.Index(cs, c) {
				t.Errorf("group %v: claims out of input order", groupsOf([]*claims.Group{g}))
			}
		}
	}
	for _, c := range cs {
		if seen[c.ID] != 1 {
			t.Errorf("claim %s is in %d groups", c.ID, seen[c.ID])
		}
	}
	if got := fmt.Sprint(groupsOf(groups)); got != "[[c1 c2 c3] [c4] [c5]]" {
		t.Fatalf("groups %s, want [[c1 c2 c3] [c4] [c5]]", got)
	}
	for _, g := range groups {
		if len(g.Claims) == 3 && (g.Slot != "death_toll" || g.Subject != "fire") {
			t.Errorf("key %s (%s), want the most common, death_toll (fire)", g.Slot, g.Subject)
		}
	}
}

// TestGroupLargeBlock gives one story more claims of one kind than the
// gate scores every pair of: they are split by key, and a key still too
// large is one group.
func TestGroupLargeBlock(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var cs []*claims.Claim
	for i := range maxBlock + 10 {
		cs = append(cs, fig{id: fmt.Sprint("m", i), src: fmt.Sprint("s", i), slot: "missile_count", v: 59, text: "59 missiles", sentence: "The US fired 59 missiles."}.claim())
	}
	for i := range 20 {
		cs = append(cs, fig{id: fmt.Sprint("t", i), src: fmt.Sprint("s", i), slot: "death_toll", v: 80, text: "80 people", sentence: "More than 80 people died."}.claim())
	}
	groups := m.Group(cs)
	sizes := map[string]int{}
	for _, g := range groups {
		sizes[g.Slot] = max(sizes[g.Slot], len(g.Claims))
	}
	if sizes["missile_count"] != maxBlock+10 {
		t.Errorf("largest missile_count group %d, want all %d", sizes["missile_count"], maxBlock+10)
	}
	if sizes["death_toll"] != 20 {
		t.Errorf("largest death_toll group %d, want 20 (scored pair by pair)", sizes["death_toll"])
	}
}
