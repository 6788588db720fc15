package extract

import (
	"strconv"
	"time"

	"github.com/factcheck/factcheck/claims"
)

// staleHeaderDays is how much later than every date of its text a page
// date may be and still date the report.
const staleHeaderDays = 180

// findDate sets the document's anchor date: its Published field, else a
// full date in its first lines (a dateline), else the latest full date in
// its text. yearHint is the latest year mentioned, for month-day dates.
func (c *docCtx) findDate() {
	if t, ok := parseAnchor(c.doc.Published); ok {
		c.anchor, c.own = t, true
	}
	lines := 0
	var header, latest time.Time
	headerOwnLine := false
	headerAt := -1
	type datedAt struct {
		at  int
		day time.Time
	}
	var dates []datedAt
	for i := 0; i < len(c.toks); i++ {
		t := c.toks[i]
		lines += int(t.nl)
		// A year on a furniture line ("(c)2017 the Boston Herald") dates
		// the page; years in the text may be about anything.
		if t.kind == tNum && c.skip[i] {
			if y, ok := isYear(t.low); ok && y > c.yearHint {
				c.yearHint = y
			}
		}
		if t.kind != tNum && !c.info[i].month {
			continue
		}
		dm, ok := c.x.vocab.parseDate(c.toks, i, time.Time{}, 0, false)
		if !ok || !dm.known || len(dm.iso) != 10 || dm.relative {
			continue
		}
		if lines <= 6 && header.IsZero() || lines <= 12 && !headerOwnLine && c.shortLine(i) {
			// The first date of the page's first lines; a date on a short
			// line of its own ("April 14, 2024 at 10:10 am") before one
			// in a sentence of the lead ("on 1 April 2024").
			header, headerOwnLine, headerAt = dm.lo, c.shortLine(i), i
		}
		dates = append(dates, datedAt{i, dm.lo})
		i = dm.to - 1
	}
	for _, d := range dates {
		if d.at != headerAt && d.day.After(latest) {
			latest = d.day
		}
	}
	// A page date far later than every date its text gives is the date
	// the page was shown ("Friday, June 14, 2024" over a report of 2022),
	// not the report's.
	if !header.IsZero() && !latest.IsZero() && header.After(latest.AddDate(0, 0, staleHeaderDays)) {
		header = time.Time{}
	}
	if header.After(latest) {
		latest = header
	}
	if c.dateline >= 0 && header.IsZero() {
		// A dateline gives the day; the year is the page's.
		y := c.yearHint
		if y == 0 && !latest.IsZero() {
			y = latest.Year()
		}
		if dm, ok := c.x.vocab.parseDate(c.toks, c.dateline, time.Time{}, y, false); ok && dm.known && len(dm.iso) == 10 {
			header = dm.lo
		}
	}
	c.latest = latest
	if !header.IsZero() && header.After(c.latest) {
		c.latest = header
	}
	if !c.anchor.IsZero() && c.anchor.After(c.latest) {
		c.latest = c.anchor
	}
	if c.own {
		return
	}
	switch {
	case !header.IsZero():
		c.anchor, c.own = header, true
	case !latest.IsZero():
		c.anchor, c.own = latest, true
	}
}

// eventInClause reports whether the clause of m names an event or an
// activity: "the fire took hold on Wednesday", "Tuesday's chemical
// attack". A weekday elsewhere in a sentence about an event is when
// something else happened: "Rescuers raced Tuesday to find survivors of
// the earthquake".
func (c *docCtx) eventInClause(m *mention) bool {
	// A time of day before the weekday is part of it: "struck the
	// airfield at around 3.45 am early Friday".
	from := m.from
	for from > 0 && c.sentOf[from-1] == c.sentOf[m.from] && (c.inMention[from-1] != markNone || c.is(from-1, wcTimeFiller)) {
		from--
	}
	span := *m
	span.from = from
	lo, hi := c.window(&span)
	for k := lo; k < hi; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		if _, ok := c.eventAt(k); ok || c.info[k].activity != "" {
			return true
		}
	}
	return false
}

// asOfFor returns the day the text gives figure m for: a date its clause
// gives as the time of an update ("the toll rose on Friday to 41", "41 by
// Friday", "rose to 41 on Friday"), or "".
func (c *docCtx) asOfFor(at int, ms []*mention) string {
	m := ms[at]
	lo, hi := c.window(m)
	updated := false
	for k := lo; k < m.from; k++ {
		updated = updated || c.is(k, wcUpdateVerb)
	}
	// The mentions of m's sentence: ms is in text order.
	first, last := at, at
	for first > 0 && c.sentOf[ms[first-1].from] == c.sentOf[m.from] {
		first--
	}
	for last+1 < len(ms) && c.sentOf[ms[last+1].from] == c.sentOf[m.from] {
		last++
	}
	for _, d := range ms[first : last+1] {
		if d.date == nil || !d.date.known || len(d.date.iso) != 10 {
			continue
		}
		switch {
		case d.from >= lo && d.to <= hi && d.from < m.from && c.asOfDate(d):
			return d.date.iso // "rose on Friday to 41"
		case d.from >= m.to && d.from-m.to <= 4 && (updated || c.asOfDate(d)):
			return d.date.iso // "rose to 41 on Friday", "41 by Friday"
		}
	}
	return ""
}

// asOfDate reports whether date mention m is when a figure was given
// rather than when something happened: its clause reports a running
// figure's new value ("the toll rose Wednesday to 9,500"), or it follows
// "by" or "as of" ("4,544 by Tuesday afternoon").
func (c *docCtx) asOfDate(m *mention) bool {
	if w := c.word(m.from - 1); w == wBy || w == wOf && c.word(m.from-2) == wAs {
		return true
	}
	// Only a verb before the date: in "the earthquake that struck on
	// Sunday has climbed to 2,100" Sunday is when it struck.
	lo, _ := c.window(m)
	for k := lo; k < m.from; k++ {
		if c.is(k, wcUpdateVerb) {
			return true
		}
	}
	return false
}

// earlySentence reports whether sentence s opens by placing what it says
// at an earlier time than the report: "In the first hours after the quake,
// Xinhua put the toll at around 150", "Initially, police said 20 died",
// "At first, officials counted 12 dead".
func (c *docCtx) earlySentence(s sentence) bool {
	w := func(k int) string {
		if s.from+k < s.to {
			return c.toks[s.from+k].low
		}
		return ""
	}
	if end := c.phraseOf(s.from, wcEarlyOpener); end > s.from && c.word(end) == "," {
		return true // "Initially, …", "At first, …"
	}
	if w(0) == wIn && w(1) == wThe && c.in(w(2), wcEarlyAdjective) {
		return c.in(w(3), wcEarlyStage) // "In the first hours after the quake, …"
	}
	return false
}

// superseded reports whether the text itself calls the figure earlier:
// "initial reports put the death toll at 20".
func (c *docCtx) superseded(m *mention) bool {
	s := c.sents[c.sentOf[m.from]]
	if c.earlySentence(s) {
		return true
	}
	for k := m.from - 1; k >= s.from && m.from-k <= 8; k-- {
		w := c.toks[k].low
		if w == ";" || w == "." {
			break
		}
		if wi := c.info[k]; wi.supersede && wi.word == w {
			nx := c.word(k + 1)
			if w == wFirst && !c.in(nx, wcReportNoun) {
				continue
			}
			if c.in(w, wcSameDayEarlier) && (nx == wOn || nx == wThis || nx == wIn || c.in(nx, wcToday) || nx == "," && k == s.from) {
				continue // "Earlier, one person was killed": earlier that day
			}
			return true
		}
	}
	return false
}

// pastYear returns a year other than the story's that the clause ties the
// figure to ("the Sandy Hook shooting in 2012 that killed 27"), or "".
func (c *docCtx) pastYear(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	cur := c.yearHint
	if !c.anchor.IsZero() {
		cur = c.anchor.Year()
	}
	best, bestD := "", 13
	for k := s.from; k < s.to; k++ {
		t := c.toks[k]
		d := m.dist(k)
		if d >= bestD || k >= m.from && k < m.to {
			continue
		}
		if y, ok := isYear(t.low); ok && t.kind == tNum && (cur == 0 || y < cur) {
			best, bestD = t.low, d
		}
		if t.low == wLast && c.in(base(c.word(k+1)), wcYearWord) || c.in(base(t.low), wcYearWord) && c.word(k-1) == wLast {
			if cur != 0 {
				best = strconv.Itoa(cur - 1)
			} else {
				best = wLast + " " + c.word(k+1)
			}
			bestD = d
		}
		if t.low == wLast && c.x.vocab.isMonth(c.word(k+1)) {
			best, bestD = "last "+c.word(k+1), d // "landslides last April"
		}
		// A day well before the story's: "the strike on its embassy on
		// April 1, where 12 people were killed", in a report of April 14.
		if ref := c.latestDate(); c.info[k].month && m.kind != claims.KindDate && m.kind != claims.KindTime && !ref.IsZero() {
			if dm, ok := c.x.vocab.parseDate(c.toks, k, c.anchor, c.yearHint, false); ok && dm.known && len(dm.iso) == 10 && !dm.relative &&
				dm.lo.Before(ref.AddDate(0, 0, -pastDays)) {
				best, bestD = dm.iso, d
			}
		}
	}
	return best
}

// latestDate is the latest day the document gives or is dated (its own
// date, --date, or the story's).
func (c *docCtx) latestDate() time.Time {
	if c.anchor.After(c.latest) {
		return c.anchor
	}
	return c.latest
}

// pastDays is how many days before the latest date of a report a day must
// lie for the figures tied to it to be about an earlier event.
const pastDays = 7

func (v *vocabulary) isMonth(w string) bool {
	_, ok := v.months[w]
	return ok
}
