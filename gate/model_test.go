package gate

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

// toyPairs is a separable toy set: pairs with the legacy key are the same
// fact, pairs without it are not; magnitude is 1 on every same pair, so
// the data would make its weight positive, past the bound at 0.
func toyPairs() []Pair {
	key := slices.Index(FeatureNames(), "key_equal")
	var ps []Pair
	for i := range 600 {
		x := make([]float64, len(features))
		same := i%3 == 0
		if same {
			x[key] = 1
			x[magnitudeIndex] = 1
		}
		ps = append(ps, Pair{X: x, Same: same})
	}
	return ps
}

func TestFitLearnsSeparable(t *testing.T) {
	m, err := Fit(toyPairs(), DefaultFit)
	if err != nil {
		t.Fatal(err)
	}
	key := slices.Index(FeatureNames(), "key_equal")
	x := make([]float64, len(features))
	if p := sigmoid(m.logit(x)); p > 0.1 {
		t.Errorf("a pair without the key: probability %.3f, want below 0.1", p)
	}
	x[key] = 1
	if p := sigmoid(m.logit(x)); p < 0.9 {
		t.Errorf("a pair with the key: probability %.3f, want above 0.9", p)
	}
	for i, f := range features {
		if w := m.Weights[i]; w < f.Lo || w > f.Hi {
			t.Errorf("%s: weight %v outside its bounds [%v, %v]", f.Name, w, f.Lo, f.Hi)
		}
	}
	if w := m.Weights[magnitudeIndex]; w != 0 {
		t.Errorf("magnitude: weight %v, want 0 (the data pushes it past its bound)", w)
	}
	// A feature the pairs never set keeps its prior.
	per := slices.Index(FeatureNames(), "per_conflict")
	if w, want := m.Weights[per], features[per].Prior; w != want {
		t.Errorf("per_conflict: weight %v, want its prior %v", w, want)
	}
}

// TestFitDeterministic fits the same pairs twice: the weights files must
// be the same bytes.
func TestFitDeterministic(t *testing.T) {
	var files [][]byte
	for range 2 {
		m, err := Fit(toyPairs(), DefaultFit)
		if err != nil {
			t.Fatal(err)
		}
		m.Link, m.Alarm = 0.5, 0.7
		b, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Errorf("two fits of the same pairs differ:\n%s\n%s", files[0], files[1])
	}
}

func TestFitErrors(t *testing.T) {
	if _, err := Fit(toyPairs(), FitOptions{L2: 0, Iterations: 10}); err == nil {
		t.Error("L2 0: no error")
	}
	if _, err := Fit([]Pair{{X: []float64{1}}}, DefaultFit); err == nil || !strings.Contains(err.Error(), "features") {
		t.Errorf("a pair of one feature: error %v", err)
	}
}

func TestWeightsRoundTrip(t *testing.T) {
	m := &Model{Bias: -2.5, Weights: make([]float64, len(features)), Link: 0.35, Alarm: 0.65,
		Training: Training{Corpus: "testdata/gold", Half: "tune", Stories: 3, Pairs: 10, Same: 4, L2: 1, Iterations: 5, Command: "make train"}}
	for i := range m.Weights {
		m.Weights[i] = float64(i) / 8
	}
	data, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(data)
	if err != nil {
		t.Fatalf("parse what Marshal wrote: %v\n%s", err, data)
	}
	if back.Bias != m.Bias || back.Link != m.Link || back.Alarm != m.Alarm || back.Training != m.Training || !slices.Equal(back.Weights, m.Weights) {
		t.Errorf("round trip: got %+v, want %+v", back, m)
	}
	again, err := back.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("written twice, the files differ:\n%s\n%s", data, again)
	}
	// One weight a line, the feature named.
	if !bytes.Contains(data, []byte(`    {"feature": "key_equal", "weight": 0},`)) {
		t.Errorf("no line for key_equal in\n%s", data)
	}
}

func TestParseErrors(t *testing.T) {
	m := &Model{Weights: make([]float64, len(features)), Link: 0.4, Alarm: 0.6}
	good, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	s := string(good)
	tests := []struct {
		name, data, want string
	}{
		{"not JSON", "{", "read weights"},
		{"another version", strings.Replace(s, `"version": 1`, `"version": 2`, 1), "version 2"},
		{"an unknown field", strings.Replace(s, `"bias"`, `"biass"`, 1), "unknown field"},
		{"a renamed feature", strings.Replace(s, `"key_equal"`, `"key_same"`, 1), "run make train"},
		{"a missing feature", strings.Replace(s, `    {"feature": "slot_open", "weight": 0},`+"\n", "", 1), "run make train"},
		{"a link threshold above 1", strings.Replace(s, `"link": 0.4`, `"link": 1.4`, 1), "link threshold 1.4"},
		{"a negative alarm threshold", strings.Replace(s, `"alarm": 0.6`, `"alarm": -0.1`, 1), "alarm threshold -0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.data == s {
				t.Fatal("the case changes nothing")
			}
			_, err := Parse([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse: error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestDefault checks that the built-in weights file parses: it lists the
// features the gate computes (run make train when they change).
func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.Link <= 0 || m.Link >= 1 || math.IsNaN(m.Bias) {
		t.Errorf("built-in model: link %v, bias %v", m.Link, m.Bias)
	}
	if m.Training.Half != "tune" || m.Training.Pairs == 0 {
		t.Errorf("built-in model: training %+v, want fit on the tune half", m.Training)
	}
}
