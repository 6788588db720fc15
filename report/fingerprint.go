package report

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// FingerprintVersion names the fingerprint scheme; SARIF output carries it
// as the partialFingerprints key "factcheck/v1". A change to what goes into
// a fingerprint needs a new version.
const FingerprintVersion = "factcheck/v1"

// Fingerprint returns a stable identity for f: 16 hexadecimal digits of
// the SHA-256 of its rule, story, slot, subject and the distinct values of
// its evidence, sorted. It says what the finding is about, not where: it
// does not change when the text around a figure is edited, lines move,
// files are renamed or another source repeats a figure already in
// dispute; it changes when the rule, the group or the set of disputed
// values does.
func Fingerprint(f *claims.Finding) string {
	vals := make([]string, 0, len(f.Claims))
	for _, c := range f.Claims {
		v := valueKey(c)
		if !slices.Contains(vals, v) {
			vals = append(vals, v)
		}
	}
	slices.Sort(vals)
	h := sha256.New()
	for _, part := range append([]string{FingerprintVersion, f.Rule, f.Story, f.Slot, f.Subject}, vals...) {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// valueKey writes c's value canonically: kind, unit, the interval's ends
// and flags, date and text. The tolerance is left out: it is a setting of
// the extractor, not something the source says.
func valueKey(c *claims.Claim) string {
	v := c.Value
	end := func(x float64) string {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return ""
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	flag := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	return strings.Join([]string{
		string(c.Kind), c.Unit, end(v.Lo), end(v.Hi),
		flag(v.LoOpen) + flag(v.HiOpen) + flag(v.Approx) + flag(v.Vague),
		v.Date, v.Text,
	}, "\x1f")
}
