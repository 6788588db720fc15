package extract

import (
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestFrame checks what the frame stage reads of a figure: its rate's
// period, gross or net, what it counts, whose it is, its role, the unit
// as written.
func TestFrame(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	tests := []struct {
		text, figure string
		want         claims.Frame
	}{
		{"He will earn £290,000 a week at the club.", "£290,000 a week", claims.Frame{Dimension: "money", Currency: "GBP", Per: "week"}},
		{"Microsoft will pay $196 per share in cash.", "$196 per share", claims.Frame{Dimension: "money", Currency: "USD", Per: "share"}},
		{"He has an annual salary of €30 million.", "€30 million", claims.Frame{Dimension: "money", Currency: "EUR", Per: "year", Counts: "salary"}},
		{"He was paid $528,000 a week before tax.", "$528,000 a week before tax", claims.Frame{Dimension: "money", Currency: "USD", Per: "week", Basis: "gross"}},
		{"There are 31 million registered voters in the country.", "31 million registered voters", claims.Frame{Dimension: "count", Counts: "registered voter"}},
		{"Macron won 66.1 percent of the vote.", "66.1 percent", claims.Frame{Dimension: "percent", Counts: "vote", Owner: "Macron", Event: "vote"}},
		{"LinkedIn shares rose 47 percent on Monday.", "47 percent", claims.Frame{Dimension: "percent", Owner: "LinkedIn", Role: claims.RoleChange, Time: "2017-05-08"}},
		{"The offer is a premium of 50 percent over Friday's close.", "50 percent", claims.Frame{Dimension: "percent", Counts: "premium"}},
		{"It was a 27 percent premium.", "27 percent", claims.Frame{Dimension: "percent", Counts: "premium"}},
		{"The club paid a fee of €105 million for him.", "€105 million", claims.Frame{Dimension: "money", Currency: "EUR", Counts: "fee"}},
		{"The temperature beat the previous record of 40.4 degrees Celsius.", "40.4 degrees Celsius", claims.Frame{Dimension: "temperature", Counts: "record", Role: claims.RoleReference}},
		{"Analysts had expected growth of 6.5 percent.", "6.5 percent", claims.Frame{Dimension: "percent", Counts: "growth", Role: claims.RoleForecast, Event: "gdp"}},
		{"He was sentenced to 47 months in prison.", "47 months", claims.Frame{Dimension: "duration", Unit: "month"}},
		{"It was 70 degrees Fahrenheit (21.1 degrees Celsius) at noon.", "70 degrees Fahrenheit", claims.Frame{Dimension: "temperature", Unit: "degF", Generic: true}},
		{"Pogba's £89 million fee is a record.", "£89 million", claims.Frame{Dimension: "money", Currency: "GBP", Owner: "Pogba", Counts: "fee"}},
		{"Police said 58 people died in the shooting.", "58 people", claims.Frame{Dimension: "count", Counts: "person", Event: "shooting"}},
		// A figure of a slot that takes any figure of its kind, with nothing
		// to say what it is of, is generic; one a noun, an owner or a rate
		// tells apart is not.
		{"The company said it had raised $3 billion.", "$3 billion", claims.Frame{Dimension: "money", Currency: "USD", Generic: true}},
		{"It has been like this for 50 years.", "50 years", claims.Frame{Dimension: "duration", Unit: "year", Generic: true}},
		{"Analysts said it had fallen 9 percent.", "9 percent", claims.Frame{Dimension: "percent", Role: claims.RoleChange, Generic: true}},
	}
	for _, tt := range tests {
		doc := &claims.Document{Source: "a.txt", Raw: []byte(tt.text), Text: tt.text, Published: "2017-05-08"}
		found := false
		for _, c := range x.Run([]*claims.Document{doc}, Options{All: true}) {
			if c.Text != tt.figure {
				continue
			}
			found = true
			if c.Frame != tt.want {
				t.Errorf("%q: %q frame\n got %+v\nwant %+v", tt.text, c.Text, c.Frame, tt.want)
			}
		}
		if !found {
			t.Errorf("%q: no claim %q", tt.text, tt.figure)
		}
	}
}
