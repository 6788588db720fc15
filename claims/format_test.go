package claims

import (
	"math"
	"testing"
	"unicode/utf8"
)

func TestFormatValue(t *testing.T) {
	inf := math.Inf(1)
	const (
		minute = 60.0
		hour   = 3600.0
		day    = 86400.0
		year   = 365.25 * day
		month  = year / 12
	)
	approx := func(x float64) Value { return Value{Lo: x, Hi: x, Approx: true, Tol: 0.05} }
	for _, tc := range []struct {
		name string
		v    Value
		kind Kind
		unit string
		f    Frame
		want string
	}{
		// Counts: words for open ends, no unit, a scale when no digit is lost.
		{"count", Exact(59), KindCount, "missiles", Frame{}, "59"},
		{"more than", Value{Lo: 80, Hi: inf, LoOpen: true}, KindCount, "people", Frame{}, "more than 80"},
		{"at least", Value{Lo: 87, Hi: inf}, KindCount, "people", Frame{}, "at least 87"},
		{"about", approx(60), KindCount, "people", Frame{}, "about 60"},
		{"as many as", Value{Lo: 0, Hi: 10}, KindCount, "people", Frame{}, "up to 10"},
		{"at most", Value{Lo: -inf, Hi: 10}, KindCount, "", Frame{}, "up to 10"},
		{"fewer than", Value{Lo: -inf, Hi: 3, HiOpen: true}, KindCount, "", Frame{}, "fewer than 3"},
		{"range", Value{Lo: 20000, Hi: 25000}, KindCount, "people", Frame{}, "between 20,000 and 25,000"},
		{"hedged range", Value{Lo: 20000, Hi: 25000, Approx: true, Tol: 0.05}, KindCount, "", Frame{}, "about 20,000 to 25,000"},
		{"open range", Value{Lo: 80, Hi: 100, LoOpen: true}, KindCount, "", Frame{}, "more than 80 and up to 100"},
		{"half-open range", Value{Lo: 80, Hi: 100, HiOpen: true}, KindCount, "", Frame{}, "at least 80 and fewer than 100"},
		{"vague", Value{Lo: 24, Hi: 144, HiOpen: true, Vague: true}, KindCount, "", Frame{}, "between 24 and 144 (vague)"},
		{"unbounded", Unbounded(), KindCount, "people", Frame{}, "any"},
		{"thousands", Exact(1234), KindCount, "", Frame{}, "1,234"},
		{"millions", Exact(31e6), KindCount, "voters", Frame{}, "31 million"},
		{"decimal millions", Exact(1.2e6), KindCount, "", Frame{}, "1.2 million"},
		{"billions", Exact(3e9), KindCount, "", Frame{}, "3 billion"},
		{"exact large count", Exact(12408115), KindCount, "votes", Frame{}, "12,408,115"},
		{"more than a million", Value{Lo: 1e6, Hi: inf, LoOpen: true}, KindCount, "", Frame{}, "more than 1 million"},
		{"huge", Exact(2e18), KindCount, "", Frame{}, "2,000,000 trillion"},
		{"beyond print", Exact(1e300), KindCount, "", Frame{}, "1e+300"},
		{"tiny", Exact(0.000012), KindMeasure, "", Frame{}, "0.000012"},
		{"negative", Exact(-12000), KindMeasure, "", Frame{}, "-12,000"},
		{"age in years", Exact(29), KindCount, "years", Frame{}, "29 years"},
		{"one year of age", Exact(1), KindCount, "years", Frame{}, "1 year"},
		{"unknown kind", Exact(5), "", "", Frame{}, "5"},

		// Money: symbol or code, newspaper scale, rates.
		{"euros", Exact(105e6), KindMoney, "EUR", Frame{}, "€105m"},
		{"pounds", Exact(94e6), KindMoney, "GBP", Frame{}, "£94m"},
		{"decimal millions", Exact(59.7e6), KindMoney, "GBP", Frame{}, "£59.7m"},
		{"billions", Exact(3e9), KindMoney, "USD", Frame{}, "$3bn"},
		{"trillions", Exact(1.25e12), KindMoney, "USD", Frame{}, "$1.25tn"},
		{"under a million", Exact(800000), KindMoney, "GBP", Frame{}, "£800,000"},
		{"exact amount", Exact(89253123), KindMoney, "GBP", Frame{}, "£89,253,123"},
		{"cents", Exact(196.5), KindMoney, "USD", Frame{}, "$196.50"},
		{"per week", Exact(230000), KindMoney, "GBP", Frame{Per: "week"}, "£230,000 a week"},
		{"per year", Exact(12e6), KindMoney, "GBP", Frame{Per: "year"}, "£12m a year"},
		{"per hour", Exact(15), KindMoney, "USD", Frame{Per: "hour"}, "$15 an hour"},
		{"per share", Exact(196), KindMoney, "USD", Frame{Per: "share"}, "$196 a share"},
		{"per person", Exact(1200), KindMoney, "USD", Frame{Per: "person"}, "$1,200 per person"},
		{"code without a symbol", Exact(5e6), KindMoney, "CHF", Frame{}, "CHF 5m"},
		{"NZ dollars", Exact(2e6), KindMoney, "NZD", Frame{}, "NZ$2m"},
		{"currency from the frame", Exact(3e9), KindMoney, "", Frame{Currency: "USD"}, "$3bn"},
		{"no currency", Exact(1234567.5), KindMoney, "", Frame{}, "1,234,567.50"},
		{"money bound", Value{Lo: 3e9, Hi: inf, LoOpen: true}, KindMoney, "USD", Frame{}, "more than $3bn"},
		{"money range", Value{Lo: 5e9, Hi: 7e9}, KindMoney, "USD", Frame{}, "between $5bn and $7bn"},
		{"money rate range", Value{Lo: 200000, Hi: 230000}, KindMoney, "GBP", Frame{Per: "week"}, "between £200,000 and £230,000 a week"},
		{"about money", approx(60e6), KindMoney, "EUR", Frame{}, "about €60m"},
		{"negative money", Exact(-5e6), KindMoney, "USD", Frame{}, "-$5m"},

		// Durations: in the unit of the text, else the largest that fits.
		{"years", Exact(29 * year), KindDuration, "s", Frame{}, "29 years"},
		{"four years", Exact(4 * year), KindDuration, "s", Frame{}, "4 years"},
		{"hours", Exact(2 * hour), KindDuration, "s", Frame{}, "2 hours"},
		{"about two hours", Value{Lo: 2 * hour, Hi: 2 * hour, Approx: true, Tol: 0.1}, KindDuration, "s", Frame{}, "about 2 hours"},
		{"a third as a share", Value{Lo: 100.0 / 3, Hi: 100.0 / 3}, KindPercent, "percent", Frame{}, "33.33%"},
		{"four decimals kept", Value{Lo: 51.5074, Hi: 51.5074}, KindPercent, "percent", Frame{}, "51.5074%"},
		{"a third as a fraction", Value{Lo: 1.0 / 3, Hi: 1.0 / 3}, KindMeasure, "", Frame{}, "0.3333"},
		{"one hour", Exact(hour), KindDuration, "s", Frame{}, "1 hour"},
		{"months", Exact(47 * month), KindDuration, "s", Frame{}, "47 months"},
		{"months as written", Exact(24 * month), KindDuration, "s", Frame{Unit: "month"}, "24 months"},
		{"minutes", Exact(45 * minute), KindDuration, "s", Frame{}, "45 minutes"},
		{"an hour and a half", Exact(90 * minute), KindDuration, "s", Frame{}, "1.5 hours"},
		{"a decimal of years", Value{Lo: 3.6 * year, Hi: 4 * year}, KindDuration, "s", Frame{}, "between 3.6 and 4 years"},
		{"two decimals of hours", Exact(135 * minute), KindDuration, "s", Frame{}, "135 minutes"},
		{"a month is not a year", Exact(6 * month), KindDuration, "s", Frame{}, "6 months"},
		{"weeks", Exact(3 * 7 * day), KindDuration, "s", Frame{}, "3 weeks"},
		{"days", Exact(100 * day), KindDuration, "s", Frame{}, "100 days"},
		{"seconds", Exact(9.58), KindDuration, "s", Frame{}, "9.58 seconds"},
		{"day range", Value{Lo: 3 * day, Hi: 4 * day}, KindDuration, "s", Frame{}, "between 3 and 4 days"},
		{"up to a year", Value{Lo: 0, Hi: year}, KindDuration, "s", Frame{}, "up to 1 year"},
		{"more than 50 years", Value{Lo: 50 * year, Hi: inf, LoOpen: true}, KindDuration, "s", Frame{}, "more than 50 years"},
		{"no unit given", Exact(2 * hour), KindDuration, "", Frame{}, "2 hours"},
		{"hours as written", Exact(1.5 * hour), KindDuration, "s", Frame{Unit: "hour"}, "1.5 hours"},
		{"unknown unit as written", Exact(14 * day), KindDuration, "s", Frame{Unit: "fortnight"}, "2 weeks"},

		// Temperatures: both scales, the text's first.
		{"celsius", Exact(21.4), KindMeasure, "degC", Frame{}, "21.4 °C (70.5 °F)"},
		{"fahrenheit as written", Exact((70 - 32) * 5.0 / 9), KindMeasure, "degC", Frame{Unit: "degF"}, "70 °F (21.1 °C)"},
		{"temperature bound", Value{Lo: 40, Hi: inf, LoOpen: true}, KindMeasure, "degC", Frame{}, "more than 40 °C (104 °F)"},
		{"temperature range", Value{Lo: 20, Hi: 25}, KindMeasure, "degC", Frame{}, "between 20 and 25 °C (68 to 77 °F)"},
		{"about a temperature", approx(18.3), KindMeasure, "degC", Frame{}, "about 18.3 °C (64.9 °F)"},
		{"temperature change", Exact(3), KindMeasure, "degC", Frame{Role: RoleChange}, "3 °C (5.4 °F)"},
		{"below zero", Exact(-10), KindMeasure, "degC", Frame{}, "-10 °C (14 °F)"},

		// Other measures.
		{"miles as written", Exact(25 * 1609.344), KindMeasure, "m", Frame{Unit: "mi"}, "25 miles"},
		{"one mile", Exact(1609.344), KindMeasure, "m", Frame{Unit: "mi"}, "1 mile"},
		{"kilometres", Exact(40000), KindMeasure, "m", Frame{}, "40 km"},
		{"metres", Exact(300), KindMeasure, "m", Frame{}, "300 m"},
		{"centimetres", Exact(0.25), KindMeasure, "m", Frame{}, "25 cm"},
		{"tonnes", Exact(2500), KindMeasure, "kg", Frame{}, "2.5 tonnes"},
		{"hectares", Exact(5e4), KindMeasure, "m2", Frame{}, "5 hectares"},
		{"square kilometres", Exact(3e6), KindMeasure, "m2", Frame{}, "3 sq km"},
		{"speed", Exact(25), KindMeasure, "m/s", Frame{}, "90 km/h"},
		{"mph as written", Exact(44.704), KindMeasure, "m/s", Frame{Unit: "mph"}, "100 mph"},
		{"magnitude", Exact(7.8), KindMeasure, "Mw", Frame{}, "magnitude 7.8"},
		{"yield", Exact(15), KindMeasure, "kt_TNT", Frame{}, "15 kilotons"},
		{"unit of another dimension", Exact(300), KindMeasure, "m", Frame{Unit: "kg"}, "300 m"},
		{"unknown unit", Exact(12), KindMeasure, "furlongs", Frame{}, "12 furlongs"},

		// Percentages and ranks.
		{"percent", Exact(58.2), KindPercent, "percent", Frame{}, "58.2%"},
		{"percent range", Value{Lo: 40, Hi: 45}, KindPercent, "percent", Frame{}, "between 40% and 45%"},
		{"percentage points", Exact(3), KindPercent, "percent", Frame{Unit: "pp"}, "3 percentage points"},
		{"ordinal", Exact(8), KindOrdinal, "", Frame{}, "8th"},
		{"first", Exact(1), KindOrdinal, "", Frame{}, "1st"},
		{"twenty-second", Exact(22), KindOrdinal, "", Frame{}, "22nd"},
		{"thirteenth", Exact(13), KindOrdinal, "", Frame{}, "13th"},
		{"hundred and eleventh", Exact(111), KindOrdinal, "", Frame{}, "111th"},

		// Dates, times and texts.
		{"day", Value{Lo: 17268, Hi: 17268, Date: "2017-04-12"}, KindDate, "", Frame{}, "12 April 2017"},
		{"month", Value{Date: "2017-04"}, KindDate, "", Frame{}, "April 2017"},
		{"year", Value{Date: "2016"}, KindDate, "", Frame{}, "2016"},
		{"no year", Value{Date: "--04-04"}, KindDate, "", Frame{}, "4 April"},
		{"days of one month", Value{Date: "2017-04-03/2017-04-09"}, KindDate, "", Frame{}, "3 to 9 April 2017"},
		{"days of two months", Value{Date: "2017-03-30/2017-04-02"}, KindDate, "", Frame{}, "30 March to 2 April 2017"},
		{"days of two years", Value{Date: "2016-12-30/2017-01-02"}, KindDate, "", Frame{}, "30 December 2016 to 2 January 2017"},
		{"about a day", Value{Date: "2026-03-10", Approx: true}, KindDate, "", Frame{}, "about 10 March 2026"},
		{"time", Value{Date: "22:08"}, KindTime, "", Frame{}, "22:08"},
		{"time in a zone", Value{Date: "20:40"}, KindTime, "ET", Frame{}, "20:40 ET"},
		{"unreadable date", Value{Date: "spring"}, KindDate, "", Frame{}, "spring"},
		{"text", Value{Lo: -inf, Hi: inf, Text: "China"}, KindText, "", Frame{}, "China"},
	} {
		if got := FormatValue(tc.v, tc.kind, tc.unit, tc.f); got != tc.want {
			t.Errorf("%s: FormatValue(%+v, %q, %q, %+v) = %q, want %q", tc.name, tc.v, tc.kind, tc.unit, tc.f, got, tc.want)
		}
	}
}

// TestFormatValueClaim: a claim writes its value in its own unit and frame.
func TestFormatValueClaim(t *testing.T) {
	c := &Claim{Kind: KindMoney, Unit: "GBP", Value: Exact(230000), Frame: Frame{Per: "week"}}
	if got, want := c.FormatValue(), "£230,000 a week"; got != want {
		t.Errorf("FormatValue() = %q, want %q", got, want)
	}
}

func TestConvert(t *testing.T) {
	for _, tc := range []struct {
		x        float64
		from, to string
		want     float64
		ok       bool
	}{
		{70, "degF", "degC", 21.11111111111111, true},
		{100, "degC", "degF", 212, true},
		{0, "K", "degC", -273.15, true},
		{25, "mi", "km", 40.2336, true},
		{1, "year", "week", 52.17857142857143, true},
		{47, "month", "s", 123_600_600, true},
		{2, "hours", "min", 120, true}, // a plural is an alias
		{1, "km", "kg", 0, false},
		{1, "fortnight", "day", 0, false},
	} {
		got, ok := Convert(tc.x, tc.from, tc.to)
		if ok != tc.ok || math.Abs(got-tc.want) > 1e-9*math.Max(1, math.Abs(tc.want)) {
			t.Errorf("Convert(%g, %q, %q) = %g, %v; want %g, %v", tc.x, tc.from, tc.to, got, ok, tc.want, tc.ok)
		}
	}
}

func TestFormatDate(t *testing.T) {
	for in, want := range map[string]string{
		"2017-04-04":            "4 April 2017",
		"2017-04-04T22:08":      "4 April 2017, 22:08",
		"2017-04/2017-06":       "April to June 2017",
		"2016/2017":             "2016 to 2017",
		"2017-04-04/--04-05":    "4 April 2017 to 5 April",
		"--02-29":               "29 February",
		"22:08":                 "22:08",
		"2017-13-01":            "2017-13-01",
		"":                      "",
		"2018-10-11/2018-10-14": "11 to 14 October 2018",
	} {
		if got := FormatDate(in); got != want {
			t.Errorf("FormatDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzFormatValue: any value of any kind, unit and frame is written
// without a panic, as valid UTF-8, and not empty.
func FuzzFormatValue(f *testing.F) {
	f.Add(80.0, math.Inf(1), true, false, true, 0.05, "count", "people", "", "", "")
	f.Add(105e6, 105e6, false, false, false, 0.0, "money", "EUR", "", "week", "")
	f.Add(21.4, 21.4, false, false, false, 0.0, "measure", "degC", "degF", "", "change")
	f.Add(915170400.0, 915170400.0, false, false, false, 0.0, "duration", "s", "month", "", "")
	f.Add(math.NaN(), -1e308, false, true, false, 0.0, "ordinal", "", "", "", "")
	f.Fuzz(func(t *testing.T, lo, hi float64, loOpen, hiOpen, approx bool, tol float64, kind, unit, frameUnit, per, role string) {
		v := Value{Lo: lo, Hi: hi, LoOpen: loOpen, HiOpen: hiOpen, Approx: approx, Tol: tol}
		s := FormatValue(v, Kind(kind), unit, Frame{Unit: frameUnit, Per: per, Role: role})
		valid := utf8.ValidString(unit) && utf8.ValidString(frameUnit) && utf8.ValidString(per)
		if s == "" || valid && !utf8.ValidString(s) {
			t.Fatalf("FormatValue(%+v, %q, %q, %q, %q) = %q", v, kind, unit, frameUnit, per, s)
		}
	})
}
