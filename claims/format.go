package claims

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// FormatValue writes c's value the way a newspaper writes the figure:
// FormatValue(c.Value, c.Kind, c.Unit, c.Frame).
func (c *Claim) FormatValue() string { return FormatValue(c.Value, c.Kind, c.Unit, c.Frame) }

// FormatValue writes a value the way a newspaper writes a figure, in the
// unit and currency of the text: "59", "about 60", "more than 80", "at
// least 87", "up to 10", "fewer than 3", "between 20,000 and 25,000",
// "€105m", "£230,000 a week", "$196 a share", "$3bn", "1.2 million",
// "29 years", "2 hours", "58.2%", "21.4 °C (70.5 °F)", "8th",
// "12 April 2017", a text value as it is.
//
// kind and unit are the claim's (unit normalised: seconds, ISO 4217
// codes, degC, m …); f supplies what the text says beyond them:
//
//   - f.Unit, the unit the text wrote the figure in ("month", "degF",
//     "mi": see Convert), in which the value is shown. Without it a
//     duration is shown in the largest of years, months, weeks, days,
//     hours, minutes and seconds that it reaches and in which its ends
//     are whole or have one decimal ("47 months", "3.6 years"), a
//     length, mass or area in the metric unit of its size, a speed in
//     km/h.
//   - f.Currency, when unit is not a currency code.
//   - f.Per, the period or base of a rate: "a week", "an hour", "a
//     share", "per person". The value is the amount for one Per.
//
// Money is written with its currency's symbol (or ISO code) and, from a
// million up when no digit is lost, a newspaper's scale ("€105m", "$3bn",
// "$1.25tn"); other figures with "million", "billion", "trillion" on the
// same terms ("31 million", but "12,408,115"). A figure is never rounded
// to look tidy: only the noise of a unit conversion is dropped.
// Temperatures give the other scale in parentheses, rounded to a tenth;
// a temperature change (f.Role change or increment) converts without
// the scales' offset. A count shows no unit unless its unit is one of
// measure ("23 years"): what is counted belongs to the words about the
// figure (Frame.About).
//
// Intervals read as words: an open lower end "more than", a closed one
// "at least"; an upper end "less than" ("fewer than" for counts) or "up
// to", as does a count, amount or duration from 0; both ends "between A
// and B" ("about A to B" when hedged; "more than A and up to B" when an
// end is open). A vague quantity ("dozens") is "between 24 and 144
// (vague)", its convention's ends, and a value unbounded on both sides
// "any". A date is written day, month, year ("4 April 2017", "April
// 2017", "3 to 9 April 2017", "4 April" without a year), "about" one a
// day either way.
func FormatValue(v Value, kind Kind, unit string, f Frame) string {
	switch {
	case v.Text != "":
		return v.Text
	case v.Date != "":
		s := FormatDate(v.Date)
		if v.Approx {
			s = "about " + s
		}
		if unit != "" && kind == KindTime {
			s += " " + unit
		}
		return s
	}
	w := newWriter(v, kind, unit, f)
	s := w.describe(v, kind, true)
	if s == "any" {
		return s
	}
	if w.other != nil {
		s += " (" + w.other.describe(v, kind, false) + ")"
	}
	if v.Vague {
		s += " (vague)"
	}
	return s
}

// A writer writes the numbers of one value in one unit.
type writer struct {
	conv   func(float64) float64 // normalised value to the unit shown
	prefix string                // before each number: "$", "magnitude "
	money  bool                  // scale as "m", "bn", "tn"; cents
	scale  bool                  // scale as "million", "billion", "trillion"
	ord    bool                  // an ordinal: "8th"
	one    string                // after the last number when it is 1
	many   string                // after the last number otherwise
	per    string                // after the unit: " a week"
	other  *writer               // the same value in another scale, in parentheses
	round  int                   // decimals the shown numbers keep; -1: all
}

func newWriter(v Value, kind Kind, unit string, f Frame) *writer {
	w := &writer{conv: func(x float64) float64 { return x }, round: -1}
	if f.Per != "" {
		w.per = " " + perWords(f.Per)
	}
	delta := f.Role == RoleChange || f.Role == RoleIncrement
	switch kind {
	case KindMoney:
		w.money = true
		code := unit
		if _, _, ok := lookupUnit(code); ok || code == "" {
			code = f.Currency
		}
		if sym, ok := currencySymbols[code]; ok {
			w.prefix = sym
		} else if code != "" {
			w.prefix = code + " "
		}
		return w
	case KindPercent:
		w.one, w.many = "%", "%"
		if u, _, ok := lookupUnit(f.Unit); ok && u.base == "pp" {
			w.one, w.many = u.one, u.many
		}
		return w
	case KindOrdinal:
		w.ord = true
		return w
	case KindCount, "":
		w.scale = true
		// A count's unit is what it counts ("people"), unless it is a unit
		// of measure the value is already in ("23 years"): no conversion.
		for _, name := range []string{f.Unit, unit} {
			if u, _, ok := lookupUnit(name); ok && name != "" {
				w.one, w.many, w.prefix = u.one, u.many, u.prefix
				break
			}
		}
		return w
	}
	w.scale = true
	if kind == KindDuration && unit == "" {
		unit = "s" // durations are in seconds
	}
	base, canon, ok := lookupUnit(unit)
	if !ok {
		if unit != "" {
			w.one, w.many = " "+unit, " "+unit
		}
		return w
	}
	show, name, ok := lookupUnit(f.Unit)
	if !ok || show.base != base.base {
		name = autoUnit(v, canon, base)
		show = units[name]
	}
	w.setUnit(unit, name, show, delta)
	if base.base == "degC" && (name == "degC" || name == "degF") {
		// The other scale, to a tenth.
		o := &writer{conv: w.conv, round: 1}
		otherName := map[string]string{"degC": "degF", "degF": "degC"}[name]
		o.setUnit(unit, otherName, units[otherName], delta)
		w.other = o
	}
	return w
}

// setUnit makes w show values of normalised unit from in unit name.
func (w *writer) setUnit(from, name string, u unitInfo, delta bool) {
	w.one, w.many, w.prefix = u.one, u.many, u.prefix
	w.conv = func(x float64) float64 { return x }
	f, _, _ := lookupUnit(from)
	factor := f.factor / u.factor
	offset := (f.offset - u.offset) / u.factor
	if delta {
		offset = 0
	}
	if factor == 1 && offset == 0 {
		return
	}
	w.conv = func(x float64) float64 { return x*factor + offset }
}

// autoUnit picks the unit a value of normalised unit unit (a name of
// units) is shown in when the text's own is not known.
func autoUnit(v Value, unit string, base unitInfo) string {
	var ends []float64
	for _, x := range []float64{v.Lo, v.Hi} {
		if !math.IsInf(x, 0) && !math.IsNaN(x) {
			ends = append(ends, math.Abs(x*base.factor+base.offset))
		}
	}
	largest := 0.0
	for _, x := range ends {
		largest = math.Max(largest, x)
	}
	switch base.base {
	case "s":
		// The largest unit the value reaches in which every end is a
		// whole number or has one decimal, so that no digit is lost: "47
		// months", "2 hours", "1.5 hours", "3.6 years", "3 weeks".
		for _, name := range []string{"year", "month", "week", "day", "h", "min"} {
			size := units[name].factor
			fits := largest >= size
			for _, x := range ends {
				q := x / size * 10
				fits = fits && math.Abs(q-math.Round(q)) <= 1e-9*math.Max(1, q)
			}
			if fits {
				return name
			}
		}
		return "s"
	case "m":
		return sizeUnit(largest, []string{"km", "m", "cm", "mm"})
	case "kg":
		return sizeUnit(largest, []string{"t", "kg", "g"})
	case "m2":
		return sizeUnit(largest, []string{"km2", "ha", "m2"})
	case "m/s":
		return "km/h"
	}
	return unit
}

// sizeUnit returns the first of names, largest first, that x reaches one
// of; the last when it reaches none.
func sizeUnit(x float64, names []string) string {
	for _, name := range names {
		if x >= units[name].factor {
			return name
		}
	}
	return names[len(names)-1]
}

// perWords writes a rate's period or base: "a week", "an hour", "a
// share", "per person".
func perWords(per string) string {
	if u, name, ok := lookupUnit(per); ok && u.base == "s" {
		if name == "h" {
			return "an hour"
		}
		return "a " + strings.TrimSpace(u.one)
	}
	if per == "share" {
		return "a share"
	}
	return "per " + per
}

// describe writes v in words ("more than 80 people"), or with words
// false its numbers only ("80 people"), for the parentheses of another
// scale.
func (w *writer) describe(v Value, kind Kind, words bool) string {
	finite := func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }
	hasLo, hasHi := finite(v.Lo), finite(v.Hi)
	about := ""
	if v.Approx && words {
		about = "about "
	}
	word := func(s string) string {
		if words {
			return s
		}
		return ""
	}
	fromZero := hasLo && v.Lo == 0 && !v.LoOpen && hasHi && v.Hi > 0 &&
		(kind == KindCount || kind == KindMoney || kind == KindDuration) && !v.Vague
	below := func() string {
		if !v.HiOpen {
			return word("up to ")
		}
		if kind == KindCount {
			return word("fewer than ")
		}
		return word("less than ")
	}
	switch {
	case !hasLo && !hasHi:
		return "any"
	case hasLo && hasHi && v.Lo == v.Hi && !v.LoOpen && !v.HiOpen:
		return about + w.last(v.Lo)
	case hasLo && !hasHi:
		if v.LoOpen {
			return word("more than ") + w.last(v.Lo)
		}
		return word("at least ") + w.last(v.Lo)
	case !hasLo || fromZero:
		return below() + w.last(v.Hi)
	case !words:
		return w.first(v.Lo) + " to " + w.last(v.Hi)
	case v.Vague || (!v.LoOpen && !v.HiOpen):
		if v.Approx {
			return "about " + w.first(v.Lo) + " to " + w.last(v.Hi)
		}
		return "between " + w.first(v.Lo) + " and " + w.last(v.Hi)
	}
	lo := "at least "
	if v.LoOpen {
		lo = "more than "
	}
	return lo + w.first(v.Lo) + " and " + below() + w.last(v.Hi)
}

// first writes x as the first number of a range: with its unit when the
// unit is a sign written against the number ("between 40% and 45%"),
// else without ("between 20 and 25 °C").
func (w *writer) first(x float64) string {
	s := w.num(x)
	if w.ord || w.many == "" || w.many[0] == ' ' {
		return s
	}
	if w.shown(x) == 1 {
		return s + w.one
	}
	return s + w.many
}

// last writes x with the unit and the rate after it: the last number of
// a description.
func (w *writer) last(x float64) string {
	s := w.num(x)
	if w.ord {
		return s
	}
	if w.shown(x) == 1 {
		s += w.one
	} else {
		s += w.many
	}
	return s + w.per
}

// shown returns x as shown: converted, without the noise of conversion,
// rounded as w rounds.
func (w *writer) shown(x float64) float64 {
	y := clean(w.conv(x)) + 0 // +0: no "-0"
	if w.round >= 0 {
		p := math.Pow(10, float64(w.round))
		y = math.Round(y*p) / p
	}
	return y
}

// num writes x in w's unit, scale and currency, without the unit after
// it: "$105m", "1.2 million", "21.4", "8th".
func (w *writer) num(x float64) string {
	y := w.shown(x)
	sign := ""
	if y < 0 {
		sign, y = "-", -y
	}
	var s string
	switch {
	case w.ord && y == math.Trunc(y) && y < 1e15:
		s = group(strconv.FormatFloat(y, 'f', 0, 64)) + ordinalSuffix(int64(y))
	case w.money:
		s = moneyNumber(y)
	case w.scale:
		s = scaled(y, []scaleWord{{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}})
		if s == "" {
			s = plainNumber(y)
		}
	default:
		s = plainNumber(y)
	}
	return sign + w.prefix + s
}

type scaleWord struct {
	size float64
	name string
}

// scaled writes y at the largest scale it reaches when that loses no
// digit and leaves at most three decimals ("72.6 million"); else it
// returns "".
func scaled(y float64, scales []scaleWord) string {
	for _, sc := range scales {
		if y < sc.size {
			continue
		}
		q := clean(y / sc.size)
		if d := q * 1000; math.Abs(d-math.Round(d)) <= 1e-9*math.Max(1, d) && q < 1e15 {
			return plainNumber(q) + sc.name
		}
		break
	}
	return ""
}

// moneyNumber writes an amount: "105m", "3bn", "230,000", "196.50".
func moneyNumber(y float64) string {
	if y >= 1e6 {
		if s := scaled(y, []scaleWord{{1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}}); s != "" {
			return s
		}
	}
	if y != math.Trunc(y) && y < 1e15 {
		s := plainNumber(y)
		if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 == 1 {
			s += "0" // cents: "$196.50"
		}
		return s
	}
	return plainNumber(y)
}

// plainNumber writes y ≥ 0 in full, with thousands separators from 1,000
// up; beyond what a newspaper would print in full (10^15), with an
// exponent.
func plainNumber(y float64) string {
	if y >= 1e15 {
		return strconv.FormatFloat(y, 'g', -1, 64)
	}
	s := strconv.FormatFloat(y, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > maxDecimals && y >= 1 {
		// A share worked out from a fraction ("a third": 33.333…%) is
		// written as a newspaper would round it.
		s = strings.TrimRight(strings.TrimRight(strconv.FormatFloat(y, 'f', 2, 64), "0"), ".")
	} else if y < 1 && len(strings.TrimLeft(strings.TrimPrefix(s, "0."), "0")) > maxDecimals+2 {
		s = strconv.FormatFloat(y, 'g', maxDecimals, 64) // 0.3333…: 0.3333
	}
	return group(s)
}

// maxDecimals is the most decimals a figure of 1 or more is written with
// in full; one with more (none a text writes) is rounded to two. A figure
// under 1 with more than maxDecimals+2 significant digits is written with
// maxDecimals.
const maxDecimals = 4

// group puts thousands separators into the integer part of a decimal
// number of 4 digits or more.
func group(s string) string {
	frac := ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s, frac = s[:i], s[i:]
	}
	if len(s) < 4 {
		return s + frac
	}
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String() + frac
}

// clean drops the noise a unit conversion leaves in the last digits of a
// float64 (47 months in seconds and back is 47.000000000000007).
func clean(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return y
}

// ordinalSuffix returns "st", "nd", "rd" or "th" for n.
func ordinalSuffix(n int64) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// FormatDate writes an ISO 8601 date as a newspaper does: "4 April
// 2017", "April 2017", "2017", "4 April" (a date without a year,
// "--04-04"), "3 to 9 April 2017" (an interval "2017-04-03/2017-04-09"),
// "4 April 2017, 22:08". A time ("22:08") or anything else it does not
// read is returned as it is.
func FormatDate(d string) string {
	if a, b, ok := strings.Cut(d, "/"); ok {
		ta, la, okA := parseDate(a)
		tb, lb, okB := parseDate(b)
		if !okA || !okB || la != lb {
			return FormatDate(a) + " to " + FormatDate(b)
		}
		switch {
		case la == "2006-01-02" && ta.Year() == tb.Year() && ta.Month() == tb.Month():
			return strconv.Itoa(ta.Day()) + " to " + tb.Format("2 January 2006")
		case la == "2006-01-02" && ta.Year() == tb.Year():
			return ta.Format("2 January") + " to " + tb.Format("2 January 2006")
		case la == "2006-01" && ta.Year() == tb.Year():
			return ta.Format("January") + " to " + tb.Format("January 2006")
		}
		return FormatDate(a) + " to " + FormatDate(b)
	}
	if day, clock, ok := strings.Cut(d, "T"); ok {
		if _, layout, ok := parseDate(day); ok && layout == "2006-01-02" {
			return FormatDate(day) + ", " + clock
		}
		return d
	}
	t, layout, ok := parseDate(d)
	if !ok {
		return d
	}
	switch layout {
	case "2006-01-02":
		return t.Format("2 January 2006")
	case "2006-01":
		return t.Format("January 2006")
	case "--01-02":
		return t.Format("2 January")
	}
	return t.Format("2006")
}

// parseDate reads a day, a month, a year or a day without a year and
// says which.
func parseDate(s string) (time.Time, string, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006", "--01-02"} {
		if len(s) != len(layout) {
			continue
		}
		if t, err := time.Parse(layout, s); err == nil {
			return t, layout, true
		}
	}
	return time.Time{}, "", false
}
