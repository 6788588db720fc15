package extract

import (
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// claimOf runs x over one sentence (dated 2017-04-12) and returns the
// claim whose text is figure, or nil.
func claimOf(t *testing.T, x *Extractor, text, figure string) *claims.Claim {
	t.Helper()
	doc := &claims.Document{Source: "a.txt", Raw: []byte(text), Text: text, Published: "2017-04-12"}
	for _, c := range x.Run([]*claims.Document{doc}, Options{All: true}) {
		if c.Text == figure {
			return c
		}
	}
	return nil
}

// TestSlots: the slot stage names what a figure states, from the
// lexicon's classes and triggers, or the open slot for a count of
// something no slot knows.
func TestSlots(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	tests := []struct{ text, figure, slot string }{
		{"The attack killed 58 people.", "58 people", "death_toll"},
		{"More than 500 people were injured.", "More than 500 people", "injured_count"},
		{"The US fired 59 cruise missiles.", "59 cruise missiles", "missile_count"},
		{"Police arrested 23 suspects.", "23 suspects", "arrested_count"},
		{"The company has 40 employees.", "40 employees", "count"},
		{"There are 31 million registered voters.", "31 million registered voters", "count"},
		{"The resolution passed 128-9.", "128", "vote_in_favour"},
		{"Macron won 66.1 percent of the vote.", "66.1 percent", "percentage"},
		{"The club paid €105 million.", "€105 million", "money_amount"},
		{"He met Putin for two hours.", "two hours", "meeting_duration"},
		{"The quake measured magnitude 6.1.", "6.1", "magnitude"},
		{"He was sentenced to 47 months in prison.", "47 months", "prison_term"},
		{"Stephen Paddock, 64, opened fire.", "64", "age"},
		{"The gunman, 64, opened fire.", "64", ""}, // an age of nobody named
		// A vague quantity from a dozen up is a figure; "several" is none.
		{"Dozens of engineers gathered outside.", "Dozens of engineers", "count"},
		{"Hundreds of thousands of marchers filled the streets.", "Hundreds of thousands of marchers", "count"},
		{"Several reporters waited outside.", "Several reporters", ""},
		{"The new chip is 20x faster than the old one.", "20x", "ratio"},
	}
	for _, tt := range tests {
		c := claimOf(t, x, tt.text, tt.figure)
		switch {
		case c == nil:
			t.Errorf("%q: no claim %q", tt.text, tt.figure)
		case c.Slot != tt.slot:
			t.Errorf("%q: %q in slot %q, want %q", tt.text, tt.figure, c.Slot, tt.slot)
		}
	}
}

// TestSubjects: the subject stage says whose or which one, from the
// parts the slot lists: the event, the category, the actor, the person,
// a past year, the place.
func TestSubjects(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	tests := []struct{ text, figure, subject string }{
		{"The chemical attack killed 87 people.", "87 people", "chemical attack"},
		{"The fire killed three soldiers and two civilians.", "three soldiers", "fire: soldiers"},
		{"It was Russia's eighth veto on Syria.", "eighth veto", "Russia"},
		{"China, which has vetoed six resolutions, abstained.", "six resolutions", "China"},
		{"Stephen Paddock, 64, opened fire.", "64", "Paddock"},
		{"In 2012 a smaller fire killed nine people.", "nine people", "fire (2012)"},
		{"The company has 40 employees.", "40 employees", "employee"},
		{"They met for about two hours.", "about two hours", "meeting"},
	}
	for _, tt := range tests {
		c := claimOf(t, x, tt.text, tt.figure)
		switch {
		case c == nil:
			t.Errorf("%q: no claim %q", tt.text, tt.figure)
		case c.Subject != tt.subject:
			t.Errorf("%q: %q of subject %q, want %q", tt.text, tt.figure, c.Subject, tt.subject)
		}
	}
}
