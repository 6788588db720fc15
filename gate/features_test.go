package gate

import (
	"math"
	"slices"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// claim builds a test claim: a count of source src with the slot and
// subject given, value v, read from sentence (text is the figure's own
// words in it).
func claim(src, slot, subject string, v float64, text, sentence string) *claims.Claim {
	return &claims.Claim{Source: src, Kind: claims.KindCount, Slot: slot, Subject: subject,
		Value: claims.Exact(v), Text: text, Sentence: sentence}
}

func withFrame(c *claims.Claim, f claims.Frame) *claims.Claim { c.Frame = f; return c }

func withKind(c *claims.Claim, k claims.Kind, unit string) *claims.Claim {
	c.Kind, c.Unit = k, unit
	return c
}

// featureOf returns the value of the feature named name for (a, b), with
// the other claims of the run, and fails when a hard rule keeps them
// apart.
func featureOf(t *testing.T, name string, a, b *claims.Claim, others ...*claims.Claim) float64 {
	t.Helper()
	i := slices.Index(FeatureNames(), name)
	if i < 0 {
		t.Fatalf("no feature %q", name)
	}
	m := &Model{Weights: make([]float64, len(features))}
	x, why := m.Prepare(append([]*claims.Claim{a, b}, others...)).Features(a, b)
	if why != "" {
		t.Fatalf("%s: kept apart: %s", name, why)
	}
	return x[i]
}

func TestFeatures(t *testing.T) {
	s1 := "Police said 58 people died in the shooting on Sunday."
	s2 := "Officials said 58 people died in the attack on Sunday night."
	tests := []struct {
		name    string
		feature string
		a, b    *claims.Claim
		others  []*claims.Claim
		want    float64
	}{
		// The legacy key.
		{"same slot and subject", "key_equal", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "fire", 6, "", ""), nil, 1},
		{"other subject", "key_equal", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "flood", 5, "", ""), nil, 0},
		{"no slot is no key", "key_equal", claim("a", "", "", 5, "", ""), claim("b", "", "", 5, "", ""), nil, 0},
		{"same slot", "slot_equal", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "flood", 5, "", ""), nil, 1},
		{"slots differ", "slot_conflict", claim("a", "toll", "", 5, "", ""), claim("b", "injured", "", 5, "", ""), nil, 1},
		{"an open slot", "slot_open", claim("a", "toll", "", 5, "", ""), claim("b", "", "", 5, "", ""), nil, 1},
		{"open slot is no conflict", "slot_conflict", claim("a", "toll", "", 5, "", ""), claim("b", "", "", 5, "", ""), nil, 0},
		// One value a source under the key: b's source also gives 7
		// under it, so the key names two values there.
		{"one value each", "key_one_value", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "fire", 6, "", ""), nil, 1},
		{"two values in one source", "key_one_value", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "fire", 6, "", ""),
			[]*claims.Claim{claim("b", "toll", "fire", 7, "", "")}, 0},
		{"a repeated value is one", "key_one_value", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "fire", 6, "", ""),
			[]*claims.Claim{claim("b", "toll", "fire", 6, "", "")}, 1},
		{"slot one value", "slot_one_value", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "blaze", 6, "", ""), nil, 1},
		{"subjects share a word", "subject_overlap", claim("a", "toll", "strike: soldiers", 5, "", ""), claim("b", "toll", "strike: civilians", 5, "", ""), nil, 1},
		{"one subject holds the other", "subject_overlap", claim("a", "toll", "strike: soldiers", 5, "", ""), claim("b", "toll", "strike", 5, "", ""), nil, 0},
		{"subjects share none", "subject_conflict", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "flood", 5, "", ""), nil, 1},
		{"one subject", "subject_one", claim("a", "toll", "fire", 5, "", ""), claim("b", "toll", "", 5, "", ""), nil, 1},
		{"two names", "subject_name_conflict", claim("a", "age", "Alba", 62, "", ""), claim("b", "age", "Brun", 64, "", ""), nil, 1},
		{"a name and a word", "subject_name_conflict", claim("a", "age", "Alba", 62, "", ""), claim("b", "age", "statement", 64, "", ""), nil, 0},
		{"same unit", "unit_equal", withKind(claim("a", "", "", 5, "", ""), claims.KindCount, "people"),
			withKind(claim("b", "", "", 5, "", ""), claims.KindCount, "people"), nil, 1},
		{"units differ", "unit_conflict", withKind(claim("a", "", "", 5, "", ""), claims.KindCount, "people"),
			withKind(claim("b", "", "", 5, "", ""), claims.KindCount, "missiles"), nil, 1},
		{"unit as written wins", "unit_conflict", withFrame(withKind(claim("a", "", "", 5, "", ""), claims.KindDuration, "s"), claims.Frame{Unit: "month"}),
			withFrame(withKind(claim("b", "", "", 5, "", ""), claims.KindDuration, "s"), claims.Frame{Unit: "year"}), nil, 1},
		// What is counted.
		{"counts equal", "counts_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Counts: "registered voter"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Counts: "Registered voter"}), nil, 1},
		{"counts one holds the other", "counts_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Counts: "cruise missile"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Counts: "missile"}), nil, 1},
		{"counts overlap", "counts_overlap", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Counts: "cruise missile"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Counts: "ballistic missile"}), nil, 1},
		{"counts conflict", "counts_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Counts: "goal"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Counts: "appearance"}), nil, 1},
		{"counts one", "counts_one", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Counts: "goal"}), claim("b", "", "", 5, "", ""), nil, 1},
		{"counts unstated", "counts_one", claim("a", "", "", 5, "", ""), claim("b", "", "", 5, "", ""), nil, 0},
		// Whose figure.
		{"owner equal", "owner_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Owner: "Alba"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Owner: "Alba"}), nil, 1},
		{"owner conflict", "owner_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Owner: "Alba"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Owner: "Brun"}), nil, 1},
		{"owner one", "owner_one", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Owner: "Alba"}), claim("b", "", "", 5, "", ""), nil, 1},
		// Roles: "" is a total.
		{"part and total", "role_part", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RolePart}), claim("b", "", "", 7, "", ""), nil, 1},
		{"two parts", "role_part", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RolePart}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Role: claims.RolePart}), nil, 0},
		{"two parts are one role", "role_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RolePart}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Role: claims.RolePart}), nil, 1},
		{"two totals are no role", "role_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RoleTotal}), claim("b", "", "", 5, "", ""), nil, 0},
		{"reference and current", "role_reference", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RoleReference}), claim("b", "", "", 7, "", ""), nil, 1},
		{"forecast and result", "role_forecast", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RoleForecast}), claim("b", "", "", 7, "", ""), nil, 1},
		{"increment and level", "role_change", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RoleIncrement}), claim("b", "", "", 7, "", ""), nil, 1},
		{"change and increment", "role_change", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RoleIncrement}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Role: claims.RoleChange}), nil, 0},
		{"estimate and figure", "role_estimate", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Role: claims.RoleEstimate}), claim("b", "", "", 7, "", ""), nil, 1},
		// Rates.
		{"same period", "per_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Per: "week"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Per: "week"}), nil, 1},
		{"week and year", "per_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Per: "week"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Per: "year"}), nil, 1},
		{"one rate", "per_one", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Per: "week"}), claim("b", "", "", 5, "", ""), nil, 1},
		{"gross and net", "basis_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Basis: "gross"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Basis: "net"}), nil, 1},
		// Event, place, time.
		{"same event", "event_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Event: "the fire"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Event: "fire"}), nil, 1},
		{"other event", "event_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Event: "fire"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Event: "flood"}), nil, 1},
		{"other place", "place_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Place: "Lyon"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Place: "Nantes"}), nil, 1},
		{"year and its day agree", "time_equal", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Time: "2016"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Time: "2016-08-09"}), nil, 1},
		{"two days", "time_conflict", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Time: "2016-08-09"}), withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Time: "2016-08-10"}), nil, 1},
		{"as of stands for time", "time_conflict", &claims.Claim{Source: "a", Kind: claims.KindCount, Value: claims.Exact(5), AsOf: "2017-04-05"},
			&claims.Claim{Source: "b", Kind: claims.KindCount, Value: claims.Exact(5), AsOf: "2017-04-06"}, nil, 1},
		// One source or two.
		{"one source", "same_source", claim("a", "", "", 5, "", ""), claim("a", "", "", 6, "", ""), nil, 1},
		{"one sentence, one key", "same_sentence", claim("a", "toll", "", 5, "5", "5 died, 5 in all."), claim("a", "toll", "", 5, "5", "5 died, 5 in all."), nil, 1},
		{"one sentence, two keys", "same_sentence_other_key", claim("a", "toll", "", 5, "5", "5 died, 9 hurt."), claim("a", "hurt", "", 9, "9", "5 died, 9 hurt."), nil, 1},
		// The words near the figure: content words (more than three
		// letters) within ten words: {police, said, people, died, shooting,
		// sunday} and {officials, said, people, died, attack, sunday,
		// night} share said, people, died, sunday: 2*4/(6+7).
		{"context overlap", "context_overlap", claim("a", "", "", 58, "58", s1), claim("b", "", "", 58, "58", s2), nil, 2.0 * 4 / 13},
		{"context in one source is none", "context_overlap", claim("a", "", "", 58, "58", s1), claim("a", "", "", 58, "58", s2), nil, 0},
		// Three words either side: "police said" / "officials said" before
		// (said matches, the third is missing in one), "people died in"
		// after: 4 of 6.
		{"neighbours", "context_same", claim("a", "", "", 58, "58", s1), claim("b", "", "", 58, "58", s2), nil, 4.0 / 6},
		{"attributed alike", "attribution_equal", &claims.Claim{Source: "a", Kind: claims.KindCount, Value: claims.Exact(5), Attribution: "the police"},
			&claims.Claim{Source: "b", Kind: claims.KindCount, Value: claims.Exact(5), Attribution: "police said"}, nil, 1},
		{"attributed otherwise", "attribution_conflict", &claims.Claim{Source: "a", Kind: claims.KindCount, Value: claims.Exact(5), Attribution: "the police"},
			&claims.Claim{Source: "b", Kind: claims.KindCount, Value: claims.Exact(5), Attribution: "organisers"}, nil, 1},
		// Values: in doublings, capped at one.
		{"twice", "magnitude", claim("a", "", "", 10, "", ""), claim("b", "", "", 20, "", ""), nil, 1},
		{"ten times is capped", "magnitude", claim("a", "", "", 10, "", ""), claim("b", "", "", 100, "", ""), nil, 1},
		{"half a doubling", "magnitude", claim("a", "", "", 10, "", ""), claim("b", "", "", 10*math.Sqrt2, "", ""), nil, 0.5},
		{"signs differ", "magnitude", claim("a", "", "", -3, "", ""), claim("b", "", "", 4, "", ""), nil, 0},
		{"half a year", "date_gap", withKind(&claims.Claim{Source: "a", Value: claims.Value{Lo: 100, Hi: 100}}, claims.KindDate, ""),
			withKind(&claims.Claim{Source: "b", Value: claims.Value{Lo: 100 + 365.0/2, Hi: 100 + 365.0/2}}, claims.KindDate, ""), nil, 0.5},
		{"generic measures", "generic", withFrame(claim("a", "", "", 5, "", ""), claims.Frame{Dimension: "money"}),
			withFrame(claim("b", "", "", 5, "", ""), claims.Frame{Dimension: "money", Owner: "Alba"}), nil, 0.5},
		{"kind", "kind_count", claim("a", "", "", 5, "", ""), claim("b", "", "", 5, "", ""), nil, 1},
		{"time is a date", "kind_date", withKind(&claims.Claim{Source: "a", Value: claims.Value{Date: "22:08"}}, claims.KindTime, ""),
			withKind(&claims.Claim{Source: "b", Value: claims.Value{Date: "22:10"}}, claims.KindTime, ""), nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := featureOf(t, tt.feature, tt.a, tt.b, tt.others...); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%s = %v, want %v", tt.feature, got, tt.want)
			}
		})
	}
}

// TestFeaturesSymmetric checks that every feature of (a, b) is that of
// (b, a).
func TestFeaturesSymmetric(t *testing.T) {
	a := withFrame(claim("a", "toll", "fire", 58, "58", "Police said 58 people died."), claims.Frame{Counts: "people", Role: claims.RolePart, Per: "week"})
	b := withFrame(claim("b", "toll", "Flood", 60, "60", "About 60 people died, officials said."), claims.Frame{Owner: "Alba", Time: "2016"})
	m := &Model{Weights: make([]float64, len(features))}
	bt := m.Prepare([]*claims.Claim{a, b})
	x, _ := bt.Features(a, b)
	y, _ := bt.Features(b, a)
	for i, n := range FeatureNames() {
		if x[i] != y[i] {
			t.Errorf("%s: %v one way, %v the other", n, x[i], y[i])
		}
	}
}

func TestComparable(t *testing.T) {
	money := func(cur string) *claims.Claim {
		return withKind(claim("a", "fee", "", 105e6, "", ""), claims.KindMoney, cur)
	}
	tests := []struct {
		name string
		a, b *claims.Claim
		rate Rate
		want string // "" when compared
	}{
		{"same kind", claim("a", "", "", 1, "", ""), claim("b", "", "", 2, "", ""), nil, ""},
		{"other story", claim("a", "", "", 1, "", ""), &claims.Claim{Story: "s2", Kind: claims.KindCount}, nil, "different stories"},
		{"count and duration", claim("a", "", "", 29, "", ""), withKind(claim("b", "", "", 4, "", ""), claims.KindDuration, "s"), nil, "different kinds (count, duration)"},
		{"a date only with a date", withKind(claim("a", "", "", 2016, "", ""), claims.KindDate, ""), claim("b", "", "", 2016, "", ""), nil, "a date is compared only with a date"},
		{"a date and a time", withKind(claim("a", "", "", 0, "", ""), claims.KindDate, ""), withKind(claim("b", "", "", 0, "", ""), claims.KindTime, ""), nil, "different kinds (date, time)"},
		{"dimensions decide when both say", withFrame(claim("a", "", "", 29, "", ""), claims.Frame{Dimension: "age"}),
			withFrame(withKind(claim("b", "", "", 4, "", ""), claims.KindDuration, "s"), claims.Frame{Dimension: "age"}), nil, ""},
		{"dimensions differ", withFrame(claim("a", "", "", 29, "", ""), claims.Frame{Dimension: "age"}),
			withFrame(claim("b", "", "", 4, "", ""), claims.Frame{Dimension: "duration"}), nil, "different dimensions (age, duration)"},
		{"one currency", money("EUR"), money("EUR"), nil, ""},
		{"two currencies", money("EUR"), money("GBP"), nil, "different currencies (EUR, GBP) and no rate in the texts"},
		{"a rate the texts give", money("EUR"), money("GBP"), func(story, from, to string) (float64, bool) { return 1.18, true }, ""},
		{"currency of the frame", withFrame(money("USD"), claims.Frame{Currency: "NZD"}), money("USD"), nil, "different currencies (NZD, USD) and no rate in the texts"},
		{"metres and tonnes", withKind(claim("a", "", "", 1, "", ""), claims.KindMeasure, "m"), withKind(claim("b", "", "", 1, "", ""), claims.KindMeasure, "t"), nil, "different units of measure (m, t)"},
		{"text of two subjects", withKind(claim("a", "vote", "Alba", 0, "", ""), claims.KindText, ""), withKind(claim("b", "vote", "Brun", 0, "", ""), claims.KindText, ""), nil,
			"text values about different subjects (Alba, Brun)"},
		{"text of one subject", withKind(claim("a", "vote", "Alba", 0, "", ""), claims.KindText, ""), withKind(claim("b", "vote", "Alba", 0, "", ""), claims.KindText, ""), nil, ""},
		{"open slots are candidates", claim("a", "", "", 1, "", ""), claim("b", "toll", "", 1, "", ""), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Comparable(tt.a, tt.b, tt.rate); got != tt.want {
				t.Errorf("Comparable = %q, want %q", got, tt.want)
			}
			if got := Comparable(tt.b, tt.a, tt.rate); (got == "") != (tt.want == "") {
				t.Errorf("Comparable(b, a) = %q: not symmetric", got)
			}
		})
	}
}

// TestScoreIsLogit checks Group's fast score against the log-odds of the
// feature vector, on pairs with and without frames.
func TestScoreIsLogit(t *testing.T) {
	m := &Model{Bias: -1.5, Weights: make([]float64, len(features))}
	for i := range m.Weights {
		m.Weights[i] = float64(i%7) - 3.25 // every feature counts
	}
	m.Weights[magnitudeIndex] = -1.75
	s := []string{"Police said 58 people died in the shooting.", "About 58 died, officials said on Sunday.", ""}
	cs := []*claims.Claim{
		claim("a", "toll", "fire", 58, "58", s[0]),
		claim("a", "toll", "fire", 58, "58 people", s[0]),
		claim("b", "toll", "Fire", 58, "58", s[1]),
		claim("b", "toll", "", 59, "58", s[2]),
		claim("c", "injured", "fire", 120, "120", s[2]),
		withFrame(claim("c", "toll", "fire", 61, "61", s[1]), claims.Frame{Owner: "Alba", Role: claims.RolePart}),
		{Source: "d", Kind: claims.KindCount, Slot: "toll", Value: claims.Exact(58), AsOf: "2017-04-05", Attribution: "police"},
		{Source: "e", Kind: claims.KindCount, Slot: "toll", Value: claims.Exact(70), AsOf: "2017-04", Attribution: "the police"},
		// Frames that say every part, alike and not, so that score's own
		// reading of the frame-only features is held to theirs.
		withFrame(claim("f", "toll", "fire", 58, "58 people", s[0]), claims.Frame{Dimension: "count", Counts: "person", Event: "fire", Place: "Paris"}),
		withFrame(claim("g", "toll", "fire", 57, "57 residents", s[1]), claims.Frame{Dimension: "count", Counts: "resident person", Event: "blaze", Place: "Paris"}),
		withFrame(claim("h", "toll", "fire", 580, "580 bodies", s[2]), claims.Frame{Dimension: "count", Counts: "body", Owner: "police", Role: claims.RoleReference, Place: "Lyon"}),
		withFrame(claim("i", "toll", "fire", 59, "59", s[0]), claims.Frame{Dimension: "count", Owner: "police", Role: claims.RoleChange, Per: "week", Basis: "net"}),
		withFrame(claim("j", "toll", "fire", 60, "60", s[1]), claims.Frame{Dimension: "count", Role: claims.RoleForecast, Per: "year", Basis: "gross", Generic: true}),
		withFrame(claim("k", "toll", "fire", 61, "61", s[2]), claims.Frame{Dimension: "count", Role: claims.RoleEstimate, Per: "week", Event: "fire"}),
		withFrame(claim("l", "toll", "fire", 62, "62", s[2]), claims.Frame{Dimension: "count", Role: claims.RoleIncrement, Generic: true}),
	}
	b := m.Prepare(cs)
	for i, x := range cs {
		for _, y := range cs[i+1:] {
			v, why := b.Features(x, y)
			if why != "" {
				continue
			}
			z, zv := m.score(b.info(x), b.info(y))
			if want := m.logit(v); math.Abs(z-want) > 1e-9 {
				t.Errorf("score(%q, %q) = %v, logit of the features %v", x.Text, y.Text, z, want)
			}
			if want := m.valueLogit(v); math.Abs(zv-want) > 1e-9 {
				t.Errorf("value part of score(%q, %q) = %v, want %v", x.Text, y.Text, zv, want)
			}
		}
	}
}

// TestFeatureTable checks that every feature is documented in doc.go's
// table and that its bounds hold its prior.
func TestFeatureTable(t *testing.T) {
	for _, f := range features {
		if f.Doc == "" {
			t.Errorf("%s has no doc", f.Name)
		}
		if f.Prior < f.Lo || f.Prior > f.Hi {
			t.Errorf("%s: prior %v outside its bounds [%v, %v]", f.Name, f.Prior, f.Lo, f.Hi)
		}
	}
	if n := len(FeatureNames()); n != len(slices.Compact(slices.Sorted(slices.Values(FeatureNames())))) {
		t.Errorf("%d features, some named twice", n)
	}
}
