package claims

import "strings"

// A unitInfo says how a unit converts to the normalised unit of its
// dimension and how a value in it is written.
type unitInfo struct {
	base   string  // the normalised unit: s, m, kg, m2, m/s, degC, percent …
	factor float64 // one of this unit in base units
	offset float64 // added after factor (temperatures): base = x*factor + offset
	one    string  // written after 1: " hour", " km", "%"
	many   string  // written after any other number: " hours", " km", "%"
	prefix string  // written before the number instead: "magnitude "
}

// Time units, in seconds; a month is a twelfth of a Julian year, as the
// extractor counts it.
const (
	secMinute = 60.0
	secHour   = 3600.0
	secDay    = 86400.0
	secWeek   = 7 * secDay
	secYear   = 365.25 * secDay
	secMonth  = secYear / 12
)

// units are the units FormatValue writes and Convert converts, by the
// name Frame.Unit gives them. The names are symbols (SI where there is
// one), not the words of any text: the extractor maps "47 months",
// "70 degrees Fahrenheit" and "25 miles" to "month", "degF" and "mi".
var units = map[string]unitInfo{
	"s":      {base: "s", factor: 1, one: " second", many: " seconds"},
	"min":    {base: "s", factor: secMinute, one: " minute", many: " minutes"},
	"h":      {base: "s", factor: secHour, one: " hour", many: " hours"},
	"day":    {base: "s", factor: secDay, one: " day", many: " days"},
	"week":   {base: "s", factor: secWeek, one: " week", many: " weeks"},
	"month":  {base: "s", factor: secMonth, one: " month", many: " months"},
	"year":   {base: "s", factor: secYear, one: " year", many: " years"},
	"decade": {base: "s", factor: 10 * secYear, one: " decade", many: " decades"},

	"mm": {base: "m", factor: 0.001, one: " mm", many: " mm"},
	"cm": {base: "m", factor: 0.01, one: " cm", many: " cm"},
	"m":  {base: "m", factor: 1, one: " m", many: " m"},
	"km": {base: "m", factor: 1000, one: " km", many: " km"},
	"in": {base: "m", factor: 0.0254, one: " inch", many: " inches"},
	"ft": {base: "m", factor: 0.3048, one: " foot", many: " feet"},
	"yd": {base: "m", factor: 0.9144, one: " yard", many: " yards"},
	"mi": {base: "m", factor: 1609.344, one: " mile", many: " miles"},

	"g":  {base: "kg", factor: 0.001, one: " g", many: " g"},
	"kg": {base: "kg", factor: 1, one: " kg", many: " kg"},
	"t":  {base: "kg", factor: 1000, one: " tonne", many: " tonnes"},
	"lb": {base: "kg", factor: 0.45359237, one: " lb", many: " lb"},

	"m2":    {base: "m2", factor: 1, one: " sq m", many: " sq m"},
	"ha":    {base: "m2", factor: 1e4, one: " hectare", many: " hectares"},
	"km2":   {base: "m2", factor: 1e6, one: " sq km", many: " sq km"},
	"acre":  {base: "m2", factor: 4046.8564224, one: " acre", many: " acres"},
	"sq_mi": {base: "m2", factor: 1609.344 * 1609.344, one: " sq mile", many: " sq miles"},

	"m/s":  {base: "m/s", factor: 1, one: " m/s", many: " m/s"},
	"km/h": {base: "m/s", factor: 1 / 3.6, one: " km/h", many: " km/h"},
	"mph":  {base: "m/s", factor: 0.44704, one: " mph", many: " mph"},
	"knot": {base: "m/s", factor: 1852.0 / 3600, one: " knot", many: " knots"},

	"degC": {base: "degC", factor: 1, one: " °C", many: " °C"},
	"degF": {base: "degC", factor: 5.0 / 9, offset: -32 * 5.0 / 9, one: " °F", many: " °F"},
	"K":    {base: "degC", factor: 1, offset: -273.15, one: " K", many: " K"},

	"kt_TNT": {base: "kt_TNT", factor: 1, one: " kiloton", many: " kilotons"},
	"Mt_TNT": {base: "kt_TNT", factor: 1000, one: " megaton", many: " megatons"},

	"Mw": {base: "Mw", factor: 1, prefix: "magnitude "},

	"percent": {base: "percent", factor: 1, one: "%", many: "%"},
	"pp":      {base: "pp", factor: 1, one: " percentage point", many: " percentage points"},
}

// unitAliases are other spellings of unit names that Frame.Unit or a
// claim's Unit may use: plurals and common symbols.
var unitAliases = map[string]string{
	"second": "s", "seconds": "s", "sec": "s", "minute": "min", "minutes": "min", "hour": "h", "hours": "h",
	"hr": "h", "days": "day", "weeks": "week", "months": "month", "years": "year", "yr": "year", "decades": "decade",
	"kilometre": "km", "kilometer": "km", "metre": "m", "meter": "m", "mile": "mi", "miles": "mi", "foot": "ft",
	"feet": "ft", "inch": "in", "yard": "yd", "tonne": "t", "tonnes": "t", "kph": "km/h", "knots": "knot",
	"kn": "knot", "°C": "degC", "°F": "degF", "acres": "acre", "sq km": "km2",
	"%": "percent",
}

// lookupUnit returns the unit named name and its canonical name.
func lookupUnit(name string) (unitInfo, string, bool) {
	if a, ok := unitAliases[name]; ok {
		name = a
	} else if _, ok := units[name]; !ok {
		if a, ok := unitAliases[strings.ToLower(name)]; ok {
			name = a
		}
	}
	u, ok := units[name]
	return u, name, ok
}

// Convert converts x from unit from to unit to, both names Frame.Unit
// uses ("month", "s", "degF", "degC", "mi", "km", "week", "year" …):
// exactly, as far as float64 goes. It reports false when either unit is
// unknown or they measure different things.
func Convert(x float64, from, to string) (float64, bool) {
	f, _, ok1 := lookupUnit(from)
	t, _, ok2 := lookupUnit(to)
	if !ok1 || !ok2 || f.base != t.base {
		return 0, false
	}
	return (x*f.factor + f.offset - t.offset) / t.factor, true
}

// currencySymbols are written before an amount in a currency, by ISO 4217
// code; an amount in another currency is written after its code ("CHF 5m").
var currencySymbols = map[string]string{
	"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹",
	"AUD": "A$", "CAD": "C$", "NZD": "NZ$", "HKD": "HK$", "SGD": "S$",
}
