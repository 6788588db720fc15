package claims

import "math"

// Kind says what sort of value a claim states.
type Kind string

// The kinds of claim.
const (
	KindCount    Kind = "count"    // a number of things or people
	KindMoney    Kind = "money"    // an amount in a currency; Unit is an ISO 4217 code
	KindDuration Kind = "duration" // a length of time in seconds
	KindDate     Kind = "date"     // a calendar date; Value.Date holds it
	KindTime     Kind = "time"     // a time of day; Value.Date holds it
	KindPercent  Kind = "percent"  // a percentage
	KindMeasure  Kind = "measure"  // a physical quantity in SI units (m, kg, t …) or a scale (Mw)
	KindOrdinal  Kind = "ordinal"  // a rank or position ("eighth", "32nd")
	KindText     Kind = "text"     // a non-numeric fact; Value.Text holds it
)

// Running reports whether figures of kind k are ones a later report may
// legitimately update: a death toll rises, a damage estimate grows, a
// magnitude is revised, a count of votes goes on. A date, a time, a
// duration, a rank or a text is not revised by the passing of time.
func (k Kind) Running() bool {
	return k == KindCount || k == KindMoney || k == KindMeasure || k == KindPercent
}

// Value is what a claim states. Numeric values are intervals: Lo and Hi are
// the ends (math.Inf(-1) and math.Inf(1) when unbounded), LoOpen and HiOpen
// say whether each end is excluded. An exact figure has Lo == Hi.
//
// Approx marks a hedged figure ("about 60"). Tol is the fraction of the
// value the figure may be off by: set for hedged figures and for round
// ones ("22,000"); Bounds widens the interval by it. Vague marks a vague
// quantity ("dozens") whose interval is a documented convention.
//
// Dates set Date to an ISO 8601 date ("2017-04-12"), a reduced-precision date
// ("2017-04", "2016"), a date without a year ("--04-04"), a time ("22:08") or
// an interval of dates ("2017-04-03/2017-04-09"); Lo and Hi then hold the
// first and last day as days since 1970-01-01 when the year is known, and the
// interval is unbounded otherwise. Text claims set Text and leave the interval
// unbounded.
type Value struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool
	Approx         bool
	Tol            float64
	Vague          bool
	Date           string
	Text           string
}

// Exact returns a closed one-point interval.
func Exact(v float64) Value { return Value{Lo: v, Hi: v} }

// Unbounded returns the interval that holds every number.
func Unbounded() Value { return Value{Lo: math.Inf(-1), Hi: math.Inf(1)} }

// IsPoint reports whether v states a single figure (before tolerance).
func (v Value) IsPoint() bool { return v.Lo == v.Hi && !v.LoOpen && !v.HiOpen }

// Bounded reports whether v has at least one finite end.
func (v Value) Bounded() bool { return !math.IsInf(v.Lo, -1) || !math.IsInf(v.Hi, 1) }

// Bounds returns the interval v admits once its tolerance is applied: a
// value with a tolerance (a hedged "about 60", or a round "22,000") is
// widened by Tol times its magnitude on each finite side.
func (v Value) Bounds() (lo, hi float64, loOpen, hiOpen bool) {
	lo, hi, loOpen, hiOpen = v.Lo, v.Hi, v.LoOpen, v.HiOpen
	if v.Tol > 0 {
		if !math.IsInf(lo, 0) {
			lo -= math.Abs(lo) * v.Tol
			loOpen = false
		}
		if !math.IsInf(hi, 0) {
			hi += math.Abs(hi) * v.Tol
			hiOpen = false
		}
	}
	return lo, hi, loOpen, hiOpen
}

// Overlaps reports whether a and b can both be true: their intervals, after
// tolerance, share at least one point. Text values overlap when equal; dates
// compare as day intervals.
func Overlaps(a, b Value) bool {
	if a.Text != "" || b.Text != "" {
		return a.Text == b.Text
	}
	alo, ahi, alo0, ahi0 := a.Bounds()
	blo, bhi, blo0, bhi0 := b.Bounds()
	if ahi < blo || bhi < alo {
		return false
	}
	if ahi == blo && (ahi0 || blo0) {
		return false
	}
	if bhi == alo && (bhi0 || alo0) {
		return false
	}
	return true
}

// Width returns the width of v's interval after tolerance, +Inf when it is
// unbounded on either side.
func (v Value) Width() float64 {
	lo, hi, _, _ := v.Bounds()
	return hi - lo
}

// Mid returns a representative figure for v: the midpoint of a bounded
// interval, else its finite end, else 0.
func (v Value) Mid() float64 {
	switch {
	case !math.IsInf(v.Lo, 0) && !math.IsInf(v.Hi, 0):
		return (v.Lo + v.Hi) / 2
	case !math.IsInf(v.Lo, 0):
		return v.Lo
	case !math.IsInf(v.Hi, 0):
		return v.Hi
	}
	return 0
}
