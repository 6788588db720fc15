package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestHiddenConflictIsNoAgreement: a group whose conflict is left out of
// the report (in the baseline, or below --min-severity) is not listed as
// agreed by its sources.
func TestHiddenConflictIsNoAgreement(t *testing.T) {
	conflict := Fingerprint(sample().Findings[1])
	tests := []struct {
		name     string
		min      claims.Severity
		warning  bool // the conflict is a warning, not an error
		baseline map[string]bool
		agreed   bool
	}{
		{"everything shown", claims.SeverityInfo, false, nil, false},
		{"conflict in the baseline", claims.SeverityInfo, false, map[string]bool{conflict: true}, false},
		{"conflict below the minimum severity", claims.SeverityError, true, nil, false},
		{"only the info in the baseline", claims.SeverityInfo, false, map[string]bool{Fingerprint(sample().Findings[0]): true}, false},
	}
	for _, tt := range tests {
		r := sample()
		if tt.warning {
			r.Findings[1].Severity = claims.SeverityWarning
		}
		r.Select(tt.min, tt.baseline)
		var b bytes.Buffer
		if err := Table(&b, r); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), "agreed by more than one source"); got != tt.agreed {
			t.Errorf("%s: listed as agreed = %v, want %v:\n%s", tt.name, got, tt.agreed, b.String())
		}
	}
	// With no dispute at all, the group is an agreement.
	r := sample()
	r.Findings = r.Findings[:1]
	r.Select(claims.SeverityInfo, nil)
	var b bytes.Buffer
	if err := Table(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "agreed by more than one source:\n  the death toll of the chemical attack: more than 80, 72 (2 sources)") {
		t.Errorf("no agreement listed:\n%s", b.String())
	}
}
