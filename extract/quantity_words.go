package extract

// quantityWord holds the words a quantity or a date can start with; other
// words are skipped without trying the parsers.
var quantityWord = func() map[string]bool {
	m := map[string]bool{}
	for _, words := range []map[string]float64{units, tens, ordinalWords, scales} {
		for w := range words {
			m[w] = true
		}
	}
	for w := range vagueWords {
		m[w] = true
	}
	for w := range monthNames {
		m[w] = true
	}
	for w := range weekdayNames {
		m[w] = true
	}
	for _, w := range []string{"a", "an", "half", "several", "yesterday", "today", "tonight", "last", "this", "next", "tens", "dozen"} {
		m[w] = true
	}
	return m
}()
