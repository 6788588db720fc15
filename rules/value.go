package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/factcheck/factcheck/claims"
)

// Describe renders a value in words for messages: "59", "about 60", "more
// than 80", "at least 87", "at most 10", "less than 3", "20,000 to
// 25,000", "any"; a date or text value is its Date or Text. A count,
// amount of money or duration from 0 to N is "at most N". Intervals
// with an open end that fit none of these are written "(20, 25]".
// Percentages (kind percent) carry a "%" sign. CEL rules call it as show(c).
func Describe(v claims.Value, kind claims.Kind) string {
	if v.Text != "" {
		return v.Text
	}
	if v.Date != "" {
		return v.Date
	}
	num := func(x float64) string {
		s := formatNumber(x)
		if kind == claims.KindPercent {
			s += "%"
		}
		return s
	}
	about := ""
	if v.Approx {
		about = "about "
	}
	hasLo, hasHi := !math.IsInf(v.Lo, 0), !math.IsInf(v.Hi, 0)
	switch {
	case !hasLo && !hasHi:
		return "any"
	case hasLo && hasHi && v.Lo == v.Hi && !v.LoOpen && !v.HiOpen:
		return about + num(v.Lo)
	case hasLo && !hasHi && v.LoOpen:
		return about + "more than " + num(v.Lo)
	case hasLo && !hasHi:
		return about + "at least " + num(v.Lo)
	case v.Lo == 0 && !v.LoOpen && hasHi && v.Hi > 0 && nonNegative(kind):
		return about + "at most " + num(v.Hi)
	case !hasLo && v.HiOpen:
		return about + "less than " + num(v.Hi)
	case !hasLo:
		return about + "at most " + num(v.Hi)
	case !v.LoOpen && !v.HiOpen:
		return about + num(v.Lo) + " to " + num(v.Hi)
	}
	l, r := "[", "]"
	if v.LoOpen {
		l = "("
	}
	if v.HiOpen {
		r = ")"
	}
	return about + l + num(v.Lo) + ", " + num(v.Hi) + r
}

// nonNegative reports whether values of kind cannot be below zero, so that
// an interval from 0 is an upper bound ("as many as 10" is [0, 10]).
func nonNegative(kind claims.Kind) bool {
	return kind == claims.KindCount || kind == claims.KindMoney || kind == claims.KindDuration
}

// formatNumber writes x in the shortest form that reads back exactly, with
// thousands separators from 10,000 up.
func formatNumber(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if math.Abs(x) < 10000 || math.IsInf(x, 0) || math.IsNaN(x) {
		return s
	}
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	frac := ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac
}

// DefaultApproxTol is the tolerance a compact "~60" value gets in rule tests.
const DefaultApproxTol = 0.05

// ParseValue reads the compact value syntax of rule test files:
//
//	59          exactly 59
//	~60         about 60 (Approx, Tol DefaultApproxTol)
//	>80  >=87   more than 80, at least 87
//	<3   <=10   less than 3, at most 10
//	20..25      20 to 25, ends included
//	(20..25]    ends excluded with ( and ), included with [ and ]
//	~20..25     about 20 to 25
//	any         unbounded
//
// Numbers may carry "_" or "," as digit separators.
func ParseValue(s string) (claims.Value, error) {
	in := s
	s = strings.TrimSpace(s)
	v := claims.Value{Lo: math.Inf(-1), Hi: math.Inf(1)}
	if s == "any" {
		return v, nil
	}
	if rest, ok := strings.CutPrefix(s, "~"); ok {
		v.Approx, v.Tol = true, DefaultApproxTol
		s = strings.TrimSpace(rest)
	}
	bad := func() (claims.Value, error) {
		return claims.Value{}, fmt.Errorf("bad value %q (want a number, ~N, >N, >=N, <N, <=N, A..B, (A..B] or any)", in)
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		rest, ok := strings.CutPrefix(s, op)
		if !ok {
			continue
		}
		x, err := parseNumber(rest)
		if err != nil {
			return bad()
		}
		switch op {
		case ">=":
			v.Lo = x
		case ">":
			v.Lo, v.LoOpen = x, true
		case "<=":
			v.Hi = x
		case "<":
			v.Hi, v.HiOpen = x, true
		}
		return v, nil
	}
	if a, b, ok := strings.Cut(s, ".."); ok {
		if strings.HasPrefix(a, "(") || strings.HasPrefix(a, "[") {
			v.LoOpen, a = a[0] == '(', a[1:]
		}
		if strings.HasSuffix(b, ")") || strings.HasSuffix(b, "]") {
			v.HiOpen, b = b[len(b)-1] == ')', b[:len(b)-1]
		}
		lo, err1 := parseNumber(a)
		hi, err2 := parseNumber(b)
		if err1 != nil || err2 != nil || lo > hi {
			return bad()
		}
		v.Lo, v.Hi = lo, hi
		return v, nil
	}
	x, err := parseNumber(s)
	if err != nil {
		return bad()
	}
	v.Lo, v.Hi = x, x
	return v, nil
}

func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer("_", "", ",", "").Replace(s)
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return x, nil
}

// DateValue returns the value of a date as claims.Value documents it: Date
// holds d; Lo and Hi are the first and last day, in days since 1970-01-01,
// when d has a year ("2017-04-12", "2017-04", "2017", or an interval
// "2017-04-03/2017-04-09"), and the interval is unbounded otherwise
// ("--04-04", a time "22:08").
func DateValue(d string) (claims.Value, error) {
	v := claims.Value{Lo: math.Inf(-1), Hi: math.Inf(1), Date: d}
	if strings.HasPrefix(d, "--") || strings.Contains(d, ":") {
		return v, nil
	}
	a, b, isRange := strings.Cut(d, "/")
	lo, _, err := dayRange(a)
	if err != nil {
		return claims.Value{}, err
	}
	_, hi, err := dayRange(b)
	if !isRange {
		_, hi, err = dayRange(a)
	}
	if err != nil {
		return claims.Value{}, err
	}
	v.Lo, v.Hi = lo, hi
	return v, nil
}

// dayRange returns the first and last day of an ISO date of day, month or
// year precision.
func dayRange(s string) (float64, float64, error) {
	days := func(t time.Time) float64 { return float64(t.Unix() / 86400) }
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return days(t), days(f.next(t)) - 1, nil
		}
	}
	return 0, 0, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, hh:mm or A/B)", s)
}
