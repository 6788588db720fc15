package claims

import "fmt"

// Severity ranks findings. The zero value is SeverityNone, below Info.
type Severity int

// Severities, lowest first.
const (
	SeverityNone Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"none", "info", "warning", "error"}

// String returns the severity's name as used in rule files and output.
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads "error", "warning", "info" or "none".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning, info or none)", s)
}

// A Finding is what a rule reports about a group (or a claim).
type Finding struct {
	// Rule is the id of the rule that reported it.
	Rule     string
	Severity Severity
	// Story, Slot and Subject are the group's key.
	Story, Slot, Subject string
	// About says in words what the figures are about ("the death toll of
	// the chemical attack"): Frame.About of the group's common frame. A
	// finding without it is about CommonFrame(Claims).About(Slot,
	// Subject).
	About   string
	Message string
	// Claims are the claims that are the finding's evidence, in the group's
	// order; their IDs go in the output.
	Claims []*Claim
}

// AboutWords returns f.About, or when it is empty the words About writes
// for the common frame of f's claims, its slot and its subject.
func (f *Finding) AboutWords() string {
	if f.About != "" {
		return f.About
	}
	return CommonFrame(f.Claims).About(f.Slot, f.Subject)
}
