package claims

import (
	"reflect"
	"testing"
)

func TestAbout(t *testing.T) {
	for _, tc := range []struct {
		name          string
		f             Frame
		slot, subject string
		want          string
	}{
		// The frame's words.
		{"event", Frame{Event: "the chemical attack"}, "death_toll", "chemical attack", "the death toll of the chemical attack"},
		{"event without an article", Frame{Event: "chemical attack"}, "death_toll", "", "the death toll of the chemical attack"},
		{"owner's share", Frame{Dimension: "percent", Counts: "vote", Owner: "Macron"}, "vote_share", "Macron", "Macron's share of the vote"},
		{"share without an owner", Frame{Dimension: "percent", Counts: "vote"}, "", "", "the share of the vote"},
		{"wage per week after tax", Frame{Dimension: "money", Counts: "wage", Owner: "the player", Per: "week", Basis: "net"}, "money_amount", "", "the player's wage, per week, after tax"},
		{"before tax", Frame{Counts: "salary", Basis: "gross"}, "", "", "the salary, before tax"},
		{"number of", Frame{Dimension: "count", Counts: "registered voter"}, "count", "", "the number of registered voters"},
		{"owner's number", Frame{Dimension: "count", Counts: "veto", Owner: "Russia"}, "count", "Russia", "the number of Russia's vetoes"},
		{"a slot of the lexicon", Frame{Dimension: "count", Counts: "veto", Owner: "Russia"}, "veto_count", "Russia", "the veto count of Russia"},
		{"irregular plural", Frame{Dimension: "count", Counts: "person"}, "", "", "the number of people"},
		{"plural in -ies", Frame{Dimension: "count", Counts: "casualty"}, "", "", "the number of casualties"},
		{"plural already", Frame{Dimension: "count", Counts: "goals"}, "", "", "the number of goals"},
		{"measured thing", Frame{Dimension: "money", Counts: "transfer fee"}, "money_amount", "", "the transfer fee"},
		{"part", Frame{Counts: "stock", Role: RolePart, PartOf: "the $7bn price"}, "", "", "the stock, part of the $7bn price"},
		{"part of an unnamed total", Frame{Dimension: "count", Counts: "ballistic missile", Role: RolePart}, "", "", "the number of ballistic missiles, part of a larger total"},
		{"increment", Frame{Role: RoleIncrement}, "death_toll", "", "an addition to the death toll"},
		{"change", Frame{Counts: "share price", Role: RoleChange}, "", "", "the change in the share price"},
		{"reference", Frame{Role: RoleReference, Place: "Antarctica"}, "temperature", "", "an earlier figure for the temperature in Antarctica"},
		{"forecast", Frame{Counts: "growth", Role: RoleForecast}, "", "", "a forecast of the growth"},
		{"estimate", Frame{Counts: "crowd size", Role: RoleEstimate, Place: "Washington"}, "crowd_size", "", "an estimate of the crowd size in Washington"},
		{"of twice", Frame{Dimension: "percent", Counts: "vote", Owner: "Macron", Event: "the run-off"}, "", "", "Macron's share of the vote in the run-off"},
		{"day", Frame{Counts: "temperature", Time: "2020-02-06"}, "", "", "the temperature on 6 February 2020"},
		{"year", Frame{Counts: "growth", Time: "2018"}, "", "", "the growth in 2018"},
		// Nothing said twice.
		{"event that is what is counted", Frame{Dimension: "percent", Counts: "vote", Event: "vote"}, "percentage", "vote", "the share of the vote"},
		{"event in a longer word", Frame{Dimension: "count", Counts: "attacker", Event: "attack"}, "count", "attacker", "the number of attackers in the attack"},
		{"open slot's subject", Frame{Dimension: "count", Counts: "voter"}, "count", "voter", "the number of voters"},

		// The slot and subject when the frame does not say.
		{"empty frame", Frame{}, "death_toll", "chemical attack", "the death toll of the chemical attack"},
		{"named subject", Frame{}, "veto_count", "Russia", "the veto count of Russia"},
		{"category", Frame{}, "death_toll", "strike: soldiers", "the death toll of the strike (soldiers)"},
		{"past event", Frame{}, "death_toll", "shooting (2007)", "the death toll of the shooting (2007)"},
		{"subject in parentheses", Frame{}, "arrested_count", "(earlier report)", "the arrested count (earlier report)"},
		{"no subject", Frame{}, "missile_count", "", "the missile count"},
		{"subject with an article", Frame{}, "duration", "the meeting", "the duration of the meeting"},
		{"owner replaces the subject", Frame{Owner: "Pogba"}, "age", "midfielder", "Pogba's age"},
		{"no slot", Frame{}, "", "Russia", "Russia"},
	} {
		if got := tc.f.About(tc.slot, tc.subject); got != tc.want {
			t.Errorf("%s: %+v.About(%q, %q) = %q, want %q", tc.name, tc.f, tc.slot, tc.subject, got, tc.want)
		}
	}
}

func TestCommonFrame(t *testing.T) {
	cs := []*Claim{
		{Frame: Frame{Counts: "wage", Owner: "Pogba", Per: "week", Currency: "GBP"}},
		{Frame: Frame{Counts: "wage", Per: "year", Currency: "GBP"}},
		{Frame: Frame{Counts: "wage", Currency: "EUR"}},
		{},
	}
	// Owner: one of four states it, too few to name the group; Per and
	// Currency: two differ.
	want := Frame{Counts: "wage"}
	if got := CommonFrame(cs); got != want {
		t.Errorf("CommonFrame = %+v, want %+v", got, want)
	}
	cs[1].Frame.Owner = "Pogba"
	if got := CommonFrame(cs); got.Owner != "Pogba" {
		t.Errorf("CommonFrame with half stating the owner = %+v, want Owner Pogba", got)
	}
	if got := CommonFrame(nil); got != (Frame{}) {
		t.Errorf("CommonFrame(nil) = %+v, want the empty frame", got)
	}
	// Three claims: the third agrees with the first, but the second
	// differed, so the part stays out.
	cs = []*Claim{{Frame: Frame{Per: "week"}}, {Frame: Frame{Per: "year"}}, {Frame: Frame{Per: "week"}}}
	if got := CommonFrame(cs); got.Per != "" {
		t.Errorf("CommonFrame: Per = %q after a difference, want empty", got.Per)
	}
}

// TestFrameParts: parts, which CommonFrame goes by, lists every string
// field of Frame (its parts; Generic is a flag about them), so that a part
// added to Frame is not left out of it.
func TestFrameParts(t *testing.T) {
	var f Frame
	rv := reflect.ValueOf(&f).Elem()
	ps := f.parts()
	var fields []*string
	var names []string
	for i := range rv.NumField() {
		if p, ok := rv.Field(i).Addr().Interface().(*string); ok {
			fields = append(fields, p)
			names = append(names, rv.Type().Field(i).Name)
		}
	}
	if len(fields) != len(ps) {
		t.Fatalf("Frame has %d parts, parts lists %d", len(fields), len(ps))
	}
	for i := range fields {
		if fields[i] != ps[i] {
			t.Errorf("parts()[%d] is not Frame.%s", i, names[i])
		}
	}
}
