package report

import "testing"

// TestNeedsText checks that the formats NeedsText says need no text print
// the same report once the documents' text is released (check releases
// it for them as soon as the claims are read).
func TestNeedsText(t *testing.T) {
	for _, format := range Formats {
		if NeedsText(format) {
			continue
		}
		want := rendered(t, format, articles())
		r := articles()
		for _, d := range r.Docs {
			d.Release()
		}
		if got := rendered(t, format, r); got != want {
			t.Errorf("%s: the report differs once the documents' text is released; NeedsText(%q) must be true", format, format)
		}
	}
}
