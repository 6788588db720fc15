package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/factcheck/factcheck/claims"
)

// Describe writes a value in words, as claims.FormatValue does for a
// value of kind with no unit and no frame: "59", "about 60", "more than
// 80", "at least 87", "up to 10", "fewer than 3", "between 20,000 and
// 25,000", "2%", "4 April 2017", "any"; a text value is its Text. CEL
// rules call show(c), which writes a claim's value in its own unit and
// frame ("€105m", "29 years").
func Describe(v claims.Value, kind claims.Kind) string {
	return claims.FormatValue(v, kind, "", claims.Frame{})
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
