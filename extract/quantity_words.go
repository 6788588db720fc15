package extract

// quantityWords returns the words a quantity or a date can start with;
// other words are skipped without trying the parsers.
func (v *vocabulary) quantityWords() map[string]bool {
	m := map[string]bool{}
	for _, words := range []map[string]float64{units, tens, ordinalWords, scales} {
		for w := range words {
			m[w] = true
		}
	}
	for w := range vagueWords {
		m[w] = true
	}
	for w := range v.months {
		m[w] = true
	}
	for w := range v.weekdays {
		m[w] = true
	}
	for w, cls := range v.words {
		if cls.has(wcQuantityStarter) {
			m[w] = true
		}
	}
	return m
}

// isVagueWord reports whether w is a vague quantity ("dozens").
func isVagueWord(w string) bool {
	_, ok := vagueWords[w]
	return ok
}
