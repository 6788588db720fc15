package extract

import (
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// BlankComments replaces every HTML comment of a plain-text or Markdown
// document's Text ("<!-- factcheck-disable-next-line … -->") with spaces,
// keeping line breaks, so that no figure is read from it and every offset
// stays true. HTML documents, whose Text is already the visible text, are
// left alone.
func BlankComments(doc *claims.Document) {
	if doc.Map != nil || !strings.Contains(doc.Text, "<!--") {
		return
	}
	b := []byte(doc.Text)
	for i := 0; i+4 <= len(b); i++ {
		if string(b[i:i+4]) != "<!--" {
			continue
		}
		end := strings.Index(string(b[i+4:]), "-->")
		stop := len(b)
		if end >= 0 {
			stop = i + 4 + end + 3
		}
		for k := i; k < stop; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
		i = stop - 1
	}
	doc.Text = string(b)
}
