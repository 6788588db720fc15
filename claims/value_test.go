package claims

import "testing"

// TestRunning: the figures a later report may update, kind by kind,
// written out.
func TestRunning(t *testing.T) {
	want := map[Kind]bool{
		KindCount:    true, // a death toll rises
		KindMoney:    true, // a damage estimate grows
		KindMeasure:  true, // a magnitude is revised
		KindPercent:  true, // a turnout of 40% becomes 55% as the count goes on
		KindDuration: false,
		KindDate:     false,
		KindTime:     false,
		KindOrdinal:  false,
		KindText:     false,
	}
	for k, running := range want {
		if k.Running() != running {
			t.Errorf("%s.Running() = %v, want %v", k, k.Running(), running)
		}
	}
}
