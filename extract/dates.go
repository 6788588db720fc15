package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dateMention is a date or time of day read from the text.
type dateMention struct {
	from, to int    // tokens
	iso      string // ISO 8601 date, reduced date, interval or time
	lo, hi   time.Time
	known    bool // lo/hi are real days (the year is known)
	isTime   bool
	zone     string
	relative bool // resolved against the anchor
	yearOnly bool
}

// dayNum returns t as days since 1970-01-01.
func dayNum(t time.Time) float64 { return float64(t.Unix() / 86400) }

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// parseAnchor reads an ISO date ("2017-04-12", or a longer RFC 3339 time).
func parseAnchor(s string) (time.Time, bool) {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func isYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		y = y*10 + int(s[i]-'0')
	}
	if y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

func (v *vocabulary) dayOfMonth(toks []token, i int) (int, int, bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].low) > 2 {
		return 0, i, false
	}
	d, err := strconv.Atoi(toks[i].low)
	if err != nil || d < 1 || d > 31 {
		return 0, i, false
	}
	j := i + 1
	if j < len(toks) && !toks[j].space {
		if v.ordinalSuffix(toks[j].low) {
			j++
		}
	}
	return d, j, true
}

// parseDate reads a date or time of day at toks[i]. anchor is the date
// relative expressions are resolved against (zero when unknown) and
// yearHint the year to give month-day dates when the anchor is unknown.
// borrowed says the anchor is not the document's own date but another
// article's of the story: the document may be a few days older or newer,
// so a weekday resolves to the nearest such day, not the last. (--date
// is the document's date as the user gives it, not borrowed.)
func (v *vocabulary) parseDate(toks []token, i int, anchor time.Time, yearHint int, borrowed bool) (dateMention, bool) {
	t := toks[i]
	hasAnchor := !anchor.IsZero()
	year := yearHint
	if hasAnchor {
		year = anchor.Year()
	}
	// Month-first: "April 4", "Oct 1", "October 2, 2017", "September 2015".
	var m time.Month
	ok := false
	if t.kind == tWord {
		m, ok = v.months[t.low]
	}
	if ok {
		if !t.cap && v.in(t.low, wcAmbiguousMonth) {
			return dateMention{}, false
		}
		j := i + 1
		if j < len(toks) && toks[j].low == "." && !toks[j].space {
			j++
		}
		if d, k, ok := v.dayOfMonth(toks, j); ok {
			dm := dateMention{from: i, to: k}
			y := 0
			if k+1 < len(toks) && toks[k].low == "," {
				if yy, ok := isYear(toks[k+1].low); ok {
					y, dm.to = yy, k+2
				}
			} else if k < len(toks) {
				if yy, ok := isYear(toks[k].low); ok {
					y, dm.to = yy, k+1
				}
			}
			return fullDate(dm, y, year, m, d, anchor)
		}
		if j < len(toks) {
			if y, ok := isYear(toks[j].low); ok {
				dm := dateMention{from: i, to: j + 1, iso: fmt.Sprintf("%04d-%02d", y, m), known: true, lo: date(y, m, 1)}
				dm.hi = dm.lo.AddDate(0, 1, -1)
				return dm, true
			}
		}
		return dateMention{}, false
	}
	// Day-first: "4 April", "14 June 2017".
	if t.kind == tNum {
		if d, k, ok := v.dayOfMonth(toks, i); ok && k < len(toks) {
			if m, ok := v.months[toks[k].low]; ok && toks[k].kind == tWord && (toks[k].cap || !v.in(toks[k].low, wcAmbiguousMonth)) {
				dm := dateMention{from: i, to: k + 1}
				y := 0
				if k+1 < len(toks) {
					if yy, ok := isYear(toks[k+1].low); ok {
						y, dm.to = yy, k+2
					}
				}
				return fullDate(dm, y, year, m, d, anchor)
			}
		}
		if tm, ok := v.parseClock(toks, i); ok {
			return tm, true
		}
		// ISO dates: 2017-10-01
		if y, ok := isYear(t.low); ok && i+4 < len(toks) && toks[i+1].low == "-" && !toks[i+1].space &&
			toks[i+2].kind == tNum && toks[i+3].low == "-" && toks[i+4].kind == tNum && !toks[i+4].space {
			m, _ := strconv.Atoi(toks[i+2].low)
			d, _ := strconv.Atoi(toks[i+4].low)
			if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
				lo := date(y, time.Month(m), d)
				return dateMention{from: i, to: i + 5, iso: lo.Format("2006-01-02"), lo: lo, hi: lo, known: true}, true
			}
		}
		return dateMention{}, false
	}
	if t.kind != tWord {
		return dateMention{}, false
	}
	// "Sunday, April 14, 2024", "Monday (Oct 1)": the weekday names the
	// date beside it.
	// So does "Tuesday night, March 10".
	j := i + 1
	if j < len(toks) && v.in(toks[j].low, wcPartOfDay) {
		j++
	}
	if _, ok := v.weekdays[t.low]; ok && t.cap && j+1 < len(toks) && (toks[j].low == "," || toks[j].low == "(") {
		if dm, ok := v.parseDate(toks, j+1, anchor, yearHint, borrowed); ok && !dm.relative && dm.iso != "" && !dm.isTime {
			dm.from = i
			if toks[j].low == "(" && dm.to < len(toks) && toks[dm.to].low == ")" {
				dm.to++
			}
			return dm, true
		}
	}
	// Relative dates need the anchor.
	if wd, ok := v.weekdays[t.low]; ok && t.cap {
		if !hasAnchor {
			return dateMention{from: i, to: i + 1, relative: true}, true
		}
		back := int(anchor.Weekday()-wd+7) % 7
		switch {
		case i > 0 && v.in(toks[i-1].low, wcNextWord):
			back = back - 7
			if back == 0 {
				back = -7
			}
		case borrowed && back > 3:
			back -= 7 // "Wednesday" in a report of a day after the anchor
		}
		d := anchor.AddDate(0, 0, -back)
		return dateMention{from: i, to: i + 1, iso: d.Format("2006-01-02"), lo: d, hi: d, known: true, relative: true}, true
	}
	switch {
	case v.in(t.low, wcYesterday) || v.in(t.low, wcToday):
		if !hasAnchor {
			return dateMention{from: i, to: i + 1, relative: true}, true
		}
		d := anchor
		if v.in(t.low, wcYesterday) {
			d = anchor.AddDate(0, 0, -1)
		}
		return dateMention{from: i, to: i + 1, iso: d.Format("2006-01-02"), lo: d, hi: d, known: true, relative: true}, true
	case t.low == wLast || t.low == wThis || t.low == wNext:
		if i+1 >= len(toks) {
			break
		}
		switch unit := base(toks[i+1].low); { // "last week's attack"
		case v.in(unit, wcWeekWord):
			if !hasAnchor {
				return dateMention{from: i, to: i + 2, relative: true}, true
			}
			monday := anchor.AddDate(0, 0, -((int(anchor.Weekday()) + 6) % 7))
			switch t.low {
			case wLast:
				monday = monday.AddDate(0, 0, -7)
			case wNext:
				monday = monday.AddDate(0, 0, 7)
			}
			sunday := monday.AddDate(0, 0, 6)
			return dateMention{from: i, to: i + 2, iso: monday.Format("2006-01-02") + "/" + sunday.Format("2006-01-02"),
				lo: monday, hi: sunday, known: true, relative: true}, true
		case v.in(unit, wcYearWord):
			if !hasAnchor {
				return dateMention{from: i, to: i + 2, relative: true}, true
			}
			y := anchor.Year()
			switch t.low {
			case wLast:
				y--
			case wNext:
				y++
			}
			return dateMention{from: i, to: i + 2, iso: strconv.Itoa(y), lo: date(y, 1, 1), hi: date(y, 12, 31), known: true, relative: true, yearOnly: true}, true
		}
	}
	return dateMention{}, false
}

// ordinalSuffix reports whether w ends an ordinal day: "4th", "1st".
func (v *vocabulary) ordinalSuffix(w string) bool { return v.in(w, wcOrdinalSuffix) }

func fullDate(dm dateMention, y, fallbackYear int, m time.Month, d int, anchor time.Time) (dateMention, bool) {
	if y == 0 && fallbackYear != 0 {
		y = fallbackYear
		// A month and day without a year is the one nearest the anchor:
		// "June 23" in a report of 14 June is nine days ahead, "December
		// 28" in one of 5 January is last year's. A tie goes to the past.
		if !anchor.IsZero() {
			ahead, back := date(y, m, d).Sub(anchor), anchor.Sub(date(y-1, m, d))
			if d0 := date(y, m, d); d0.After(anchor) && back <= ahead {
				y--
			} else if behind, next := anchor.Sub(d0), date(y+1, m, d).Sub(anchor); d0.Before(anchor) && next < behind {
				y++
			}
		}
	}
	if y == 0 {
		dm.iso = fmt.Sprintf("--%02d-%02d", m, d)
		return dm, true
	}
	lo := date(y, m, d)
	if lo.Month() != m {
		return dateMention{}, false // "February 30"
	}
	dm.iso, dm.lo, dm.hi, dm.known = lo.Format("2006-01-02"), lo, lo, true
	return dm, true
}

// parseClock reads "10:08 p.m.", "8:40pm", "3.45 am", "6 a.m.", "06:00 ET".
func (v *vocabulary) parseClock(toks []token, i int) (dateMention, bool) {
	s := toks[i].low
	var h, m int
	var err error
	switch {
	case strings.Contains(s, ":") || (strings.Count(s, ".") == 1 && len(s) >= 4 && len(s) <= 5):
		sep := ":"
		if !strings.Contains(s, ":") {
			sep = "."
		}
		parts := strings.Split(s, sep)
		if len(parts) != 2 || len(parts[1]) != 2 {
			return dateMention{}, false
		}
		if h, err = strconv.Atoi(parts[0]); err != nil {
			return dateMention{}, false
		}
		if m, err = strconv.Atoi(parts[1]); err != nil {
			return dateMention{}, false
		}
	case len(s) <= 2:
		if h, err = strconv.Atoi(s); err != nil {
			return dateMention{}, false
		}
	default:
		return dateMention{}, false
	}
	if h > 24 || m > 59 {
		return dateMention{}, false
	}
	j := i + 1
	ampm := ""
	// "pm", "p.m.", "PM"
	if j < len(toks) && toks[j].kind == tWord {
		switch low := toks[j].low; {
		case v.in(low, wcAM) || v.in(low, wcPM):
			ampm = toks[j].low
			j++
		case len(low) == 1 && (v.in(low+"m", wcAM) || v.in(low+"m", wcPM)): // "a.m.", "p.m."
			if j+2 < len(toks) && toks[j+1].low == "." && toks[j+2].low == "m" {
				ampm = toks[j].low + "m"
				j += 3
				if j < len(toks) && toks[j].low == "." && !toks[j].space {
					j++
				}
			}
		}
	}
	sepClock := strings.Contains(s, ":")
	if ampm == "" && !sepClock {
		return dateMention{}, false // a bare number or a decimal
	}
	if ampm != "" && h > 12 {
		return dateMention{}, false
	}
	if v.in(ampm, wcPM) && h < 12 {
		h += 12
	}
	if v.in(ampm, wcAM) && h == 12 {
		h = 0
	}
	zone := ""
	if j < len(toks) && v.in(toks[j].low, wcTimeZone) && toks[j].kind == tWord {
		zone = strings.ToUpper(toks[j].low)
		j++
	}
	return dateMention{from: i, to: j, iso: fmt.Sprintf("%02d:%02d", h, m), isTime: true, zone: zone}, true
}
