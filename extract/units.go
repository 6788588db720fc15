package extract

import "github.com/factcheck/factcheck/claims"

// unitDef says how a unit word converts: to Unit by multiplying by Factor.
type unitDef struct {
	kind   claims.Kind
	unit   string
	factor float64
}

const (
	minute = 60.0
	hour   = 3600.0
	day    = 86400.0
	week   = 7 * day
	month  = 30.4375 * day
	year   = 365.25 * day
)

// unitWords are the measurement units the parser knows, by lower-cased word.
var unitWords = map[string]unitDef{
	"second": {claims.KindDuration, "s", 1}, "seconds": {claims.KindDuration, "s", 1},
	"sec": {claims.KindDuration, "s", 1}, "secs": {claims.KindDuration, "s", 1},
	"minute": {claims.KindDuration, "s", minute}, "minutes": {claims.KindDuration, "s", minute},
	"min": {claims.KindDuration, "s", minute}, "mins": {claims.KindDuration, "s", minute},
	"hour": {claims.KindDuration, "s", hour}, "hours": {claims.KindDuration, "s", hour},
	"hr": {claims.KindDuration, "s", hour}, "hrs": {claims.KindDuration, "s", hour},
	"day": {claims.KindDuration, "s", day}, "days": {claims.KindDuration, "s", day},
	"week": {claims.KindDuration, "s", week}, "weeks": {claims.KindDuration, "s", week},
	"month": {claims.KindDuration, "s", month}, "months": {claims.KindDuration, "s", month},
	"year": {claims.KindDuration, "s", year}, "years": {claims.KindDuration, "s", year},
	"decade": {claims.KindDuration, "s", 10 * year}, "decades": {claims.KindDuration, "s", 10 * year},
	"km": {claims.KindMeasure, "m", 1000}, "kilometre": {claims.KindMeasure, "m", 1000},
	"kilometres": {claims.KindMeasure, "m", 1000}, "kilometer": {claims.KindMeasure, "m", 1000},
	"kilometers": {claims.KindMeasure, "m", 1000}, "kms": {claims.KindMeasure, "m", 1000},
	"mile": {claims.KindMeasure, "m", 1609.344}, "miles": {claims.KindMeasure, "m", 1609.344},
	"metre": {claims.KindMeasure, "m", 1}, "metres": {claims.KindMeasure, "m", 1},
	"meter": {claims.KindMeasure, "m", 1}, "meters": {claims.KindMeasure, "m", 1},
	"cm": {claims.KindMeasure, "m", 0.01}, "centimetres": {claims.KindMeasure, "m", 0.01},
	"centimeters": {claims.KindMeasure, "m", 0.01}, "mm": {claims.KindMeasure, "m", 0.001},
	"foot": {claims.KindMeasure, "m", 0.3048}, "feet": {claims.KindMeasure, "m", 0.3048},
	"ft": {claims.KindMeasure, "m", 0.3048}, "yard": {claims.KindMeasure, "m", 0.9144},
	"yards": {claims.KindMeasure, "m", 0.9144}, "inches": {claims.KindMeasure, "m", 0.0254},
	"kg": {claims.KindMeasure, "kg", 1}, "kilograms": {claims.KindMeasure, "kg", 1},
	"kilogrammes": {claims.KindMeasure, "kg", 1}, "tonnes": {claims.KindMeasure, "kg", 1000},
	"tonne": {claims.KindMeasure, "kg", 1000}, "tons": {claims.KindMeasure, "kg", 1000},
	"ton":      {claims.KindMeasure, "kg", 1000},
	"kilotons": {claims.KindMeasure, "kt_TNT", 1}, "kilotonnes": {claims.KindMeasure, "kt_TNT", 1},
	"kt": {claims.KindMeasure, "kt_TNT", 1}, "megatons": {claims.KindMeasure, "kt_TNT", 1000},
	"hectares": {claims.KindMeasure, "m2", 1e4}, "acres": {claims.KindMeasure, "m2", 4046.86},
	"hectare": {claims.KindMeasure, "m2", 1e4}, "acre": {claims.KindMeasure, "m2", 4046.86},
	"mph": {claims.KindMeasure, "m/s", 0.44704}, "kph": {claims.KindMeasure, "m/s", 1 / 3.6},
	"knots":   {claims.KindMeasure, "m/s", 0.514444},
	"percent": {claims.KindPercent, "percent", 1}, "pc": {claims.KindPercent, "percent", 1},
	"degrees": {claims.KindMeasure, "degC", 1},
}

// currencyWords and currencySymbols name money units by ISO 4217 code.
var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
	"pounds": "GBP", "pound": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "cny": "CNY", "rupees": "INR", "inr": "INR",
	"roubles": "RUB", "rubles": "RUB", "rub": "RUB", "francs": "CHF", "chf": "CHF",
	"aud": "AUD", "cad": "CAD",
}

var currencySymbols = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB"}
