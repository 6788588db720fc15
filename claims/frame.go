package claims

// A Frame says what a figure is of: the parts that decide whether two
// claims state the same fact. Extraction fills in what the text says and
// leaves the rest empty; the comparability gate compares two frames part
// by part, and a part only one of them states is not a disagreement.
//
//	"€105m (£89m) transfer fee"           Dimension money, Currency EUR, Counts "transfer fee"
//	"£290,000 a week"                     Dimension money, Currency GBP, Per week
//	"Macron won 66.1% of the vote"        Dimension percent, Counts "vote", Owner Macron
//	"the previous record of 40.4C"        Dimension temperature, Role reference
//	"including 100 ballistic missiles"    Role part, PartOf "300 missiles"
type Frame struct {
	// Dimension is what sort of quantity the figure is: count, money,
	// percent, duration, age, rank, temperature, length, area, volume,
	// mass, speed, energy, data, or another dimension of the unit table;
	// date or time for calendar claims.
	Dimension string `json:"dimension,omitempty"`
	// Unit is the unit as the text writes the figure, when it differs
	// from the claim's normalised Unit or says more: "month" for "47
	// months" (Unit s), "degF" for "70 degrees Fahrenheit" (Unit degC),
	// "mi" for "25 miles" (Unit m). Values are shown in it. The names
	// are those Convert knows: s, min, h, day, week, month, year, decade;
	// mm, cm, m, km, in, ft, yd, mi; g, kg, t, lb; m2, ha, km2, acre,
	// sq_mi; m/s, km/h, mph, knot; degC, degF, K; kt_TNT, Mt_TNT; Mw;
	// percent, pp (percentage points).
	Unit string `json:"unit,omitempty"`
	// Currency is the ISO 4217 code of a money figure.
	Currency string `json:"currency,omitempty"`
	// Per is the period or base of a rate: "week", "year", "share",
	// "person" ("£290,000 a week", "$196 a share", "per capita"). The
	// claim's Value is the amount for one Per.
	Per string `json:"per,omitempty"`
	// Basis says whether money is "gross" or "net" (of tax), when the
	// text says.
	Basis string `json:"basis,omitempty"`
	// Counts is what is counted or measured, as a lemma: the noun phrase's
	// head with its informative modifiers ("registered voter", "cruise
	// missile", "transfer fee", "share price"). Synonyms are mapped to one
	// name by the lexicon.
	Counts string `json:"counts,omitempty"`
	// Owner is whose figure it is: a possessor, the clause's agent, the
	// named entity it belongs to ("Russia", "Macron", "LinkedIn").
	Owner string `json:"owner,omitempty"`
	// Role is what the figure is to the fact: RoleTotal (or "" when the
	// text does not say), RolePart, RoleIncrement, RoleChange,
	// RoleReference, RoleForecast, RoleEstimate.
	Role string `json:"role,omitempty"`
	// PartOf is the total a part belongs to, in the text's words.
	PartOf string `json:"part_of,omitempty"`
	// Event is what happened that the figure is about ("the chemical
	// attack", "the vote").
	Event string `json:"event,omitempty"`
	// Place is where, when the figure is tied to a place.
	Place string `json:"place,omitempty"`
	// Time is the day, month or year the figure is for, as an ISO 8601
	// date or reduced date, when its clause gives one.
	Time string `json:"time,omitempty"`
	// Generic marks a figure whose text says nothing of what it is of:
	// its slot takes any figure of its kind ("money_amount", "duration"),
	// and nothing is counted, no owner, event or place, no total it is a
	// part of ("$3 billion", "50 years", "9 percent"). Such a figure is
	// never the evidence of an alarm.
	Generic bool `json:"generic,omitempty"`
}

// The roles of a figure.
const (
	RoleTotal     = "total"     // the figure itself
	RolePart      = "part"      // a part of a named total ("including 100 …")
	RoleIncrement = "increment" // added to a total ("another 79")
	RoleChange    = "change"    // a rise or fall ("up 3%", "gained 30 seats")
	RoleReference = "reference" // a previous record, an earlier figure
	RoleForecast  = "forecast"  // expected, predicted, a target, a poll
	RoleEstimate  = "estimate"  // an estimate by a named body
)

// Empty reports whether f states nothing.
func (f Frame) Empty() bool { return f == Frame{} }
