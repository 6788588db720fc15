package extract

import (
	"fmt"

	"github.com/factcheck/factcheck/claims"
)

// maxDigits is the number of significant digits a figure may have: a
// float64 holds every integer up to 2^53, about 9×10^15, exactly.
const maxDigits = 15

// significantDigits counts the digits of a number as written ("1,200" has
// 4, "0.05" has 1), leading zeros left out.
func significantDigits(s string) int {
	n, lead := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		if lead && c == '0' {
			continue
		}
		lead = false
		n++
	}
	return n
}

// abbreviate shortens a long figure for a message: "1000…0000 (41 digits)".
func abbreviate(s string) string {
	if len(s) <= 20 {
		return s
	}
	return fmt.Sprintf("%s…%s (%d characters)", s[:6], s[len(s)-4:], len(s))
}

// finish returns the claims of the document just read and its warnings.
// A document whose words are few of them common English ones is not read:
// the lexicon is English, and what it would read in another language is
// noise ("12 morts" counted as "morts"). When no claim is read, a
// warning says so: "no claims read from X", with "(is it English?)" when
// that is why. The words are counted as the document is scanned.
func (c *docCtx) finish(cs []*claims.Claim) ([]*claims.Claim, []claims.Warning) {
	ws := c.warnings
	c.warnings = nil
	words, english := c.words, c.english
	foreign := words >= 20 && english*25 < words
	if !foreign {
		for _, cl := range cs {
			if cl.Slot != "" {
				return cs, ws
			}
		}
	}
	msg := "no claims read from " + c.doc.Source
	if foreign {
		msg += " (is it English?)"
		cs = nil
	}
	return cs, append(ws, claims.Warning{Msg: msg})
}
