package extract

import (
	"strings"
	"time"
)

// markFurniture marks tokens that are not article text: URLs, handles,
// phone numbers, copyright lines, timestamps and related-link lines.
func (c *docCtx) markFurniture() {
	toks := c.toks
	c.skip = grow(c.scratch.skip, len(toks))
	// URLs, domains, e-mail and handles: the whole glued run.
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		url := false
		switch {
		case (t.low == "http" || t.low == "https") && c.word(i+1) == ":":
			url = true
		case t.low == "www" && c.word(i+1) == ".":
			url = true
		case t.low == "@" && i+1 < len(toks) && !toks[i+1].space:
			url = true
		case t.low == "." && !t.space && i+1 < len(toks) && !toks[i+1].space && toks[i+1].kind == tWord &&
			i > 0 && toks[i-1].kind == tWord && c.isTLD(toks[i+1].low):
			url = true
		}
		if !url {
			continue
		}
		k := i
		for k > 0 && !toks[k].space {
			k--
		}
		for ; k < len(toks) && (k <= i || !toks[k].space); k++ {
			c.skip[k] = true
		}
		i = k - 1
	}
	// Phone numbers: three or more digit groups in a row, or a leading 0.
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tNum {
			continue
		}
		k := i
		for k < len(toks) && (toks[k].kind == tNum || (toks[k].low == "-" && k+1 < len(toks) && toks[k+1].kind == tNum)) && toks[k].nl == 0 || k == i {
			k++
		}
		groups := 0
		for q := i; q < k; q++ {
			if toks[q].kind == tNum {
				groups++
			}
		}
		if groups >= 3 || (len(toks[i].low) >= 3 && toks[i].low[0] == '0' && !strings.Contains(toks[i].low, ".")) {
			for q := i; q < k; q++ {
				c.skip[q] = true
			}
		}
		i = k - 1
	}
	// Datelines: "SEOUL, Oct. 31 (Yonhap) --", "BEIRUT (Reuters) -".
	c.dateline = -1
	for i := 0; i < len(toks); i++ {
		if i == 0 || toks[i].nl > 0 {
			if end, date := c.datelineAt(i); end > i {
				for q := i; q < end; q++ {
					c.skip[q] = true
				}
				if date >= 0 && c.dateline < 0 {
					c.dateline = date
				}
			}
		}
	}
	// Lines of page furniture.
	lineStart := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && (i == 0 || toks[i].nl == 0) {
			continue
		}
		if i > lineStart {
			if c.furnitureLine(lineStart, i) {
				for q := lineStart; q < i; q++ {
					c.skip[q] = true
				}
			}
		}
		lineStart = i
	}
}

// datelineAt reads a dateline at the start of a line, toks[i]: a place in
// capitals with its region ("SEOUL", "RIVERSIDE, Calif."), a date ("Oct.
// 31", "March 14, 2026", "Saturday, March 14, 2026", "14 March 2026"), a
// news agency in brackets or slashes ("(Reuters)", "/PRNewswire/") and a
// dash or colon. The place or the date may be missing, not both ("LONDON
// (Reuters) -", "Oct. 11 (UPI) —"). It returns the token after the
// dateline (i when there is none) and the first token of its date, or -1.
//
// A dateline dates the report, never the event it tells of: its tokens
// are furniture, and its date is the document's anchor (findDate).
func (c *docCtx) datelineAt(i int) (end, date int) {
	toks := c.toks
	k := i
	for k < len(toks) && k-i < 4 && toks[k].kind == tWord && c.allCaps(k) {
		k++
	}
	place := k > i
	date = -1
	q := i // where a date may start
	if place {
		q = -1
		// ", South Korea", ", Calif.", then ", Oct. 31"
		for n := 0; n < 3 && c.word(k) == ","; n++ {
			if c.datelineDate(k+1) > k+1 {
				q = k + 1
				break
			}
			r := k + 1
			for r < len(toks) && r-k < 5 && toks[r].kind == tWord && toks[r].cap {
				r++
				if c.word(r) == "." && !toks[r].space { // "Calif."
					r++
				}
			}
			if r == k+1 {
				return i, -1
			}
			k = r
		}
	}
	if q >= 0 {
		if to := c.datelineDate(q); to > q {
			date, k = q, to
		}
	}
	if !place && date < 0 {
		return i, -1
	}
	// "(Reuters)", "(AP)", "/PRNewswire/"
	if open := c.word(k); open == "(" || open == "/" {
		shut := open
		if open == "(" {
			shut = ")"
		}
		r := k + 1
		for r < len(toks) && r-k < 6 && toks[r].low != shut && toks[r].nl == 0 {
			r++
		}
		if r >= len(toks) || toks[r].low != shut {
			return i, -1
		}
		k = r + 1
	}
	switch c.word(k) {
	case "-", "--", "—", "–", ":":
		for c.word(k+1) == "-" {
			k++
		}
		return k + 1, date
	}
	return i, -1
}

// datelineDate returns the token after a date of the calendar at toks[q]
// ("Oct. 31", "March 14, 2026", "Saturday, March 14, 2026", "14 March"),
// or q when none starts there. A weekday alone is no dateline date.
func (c *docCtx) datelineDate(q int) int {
	if q >= len(c.toks) || c.toks[q].kind == tPunct {
		return q
	}
	dm, ok := c.x.vocab.parseDate(c.toks, q, time.Time{}, 0, false)
	if !ok || dm.relative || dm.iso == "" || dm.isTime || dm.yearOnly {
		return q
	}
	return dm.to
}

// allCaps reports whether token k is a word of two or more letters, all
// capitals.
func (c *docCtx) allCaps(k int) bool {
	w := c.text[c.toks[k].start:c.toks[k].end]
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return c.toks[k].cap
}

func (c *docCtx) isTLD(w string) bool { return c.in(w, wcWebDomain) }

// furnitureLine reports whether toks[from:to], one line, is page furniture:
// a line that opens with a furniture phrase ("Updated", "Read more",
// "This article", "[Editor's note"), a time ago ("16 hrs ago"), a
// copyright sign, an embedded post's signature, a related link.
func (c *docCtx) furnitureLine(from, to int) bool {
	first := c.toks[from].low
	second := c.word(from + 1)
	switch {
	case c.phraseOf(from, wcFurnitureOpener) > 0:
		return true
	case first == "©":
		return true
	case first == "(" && second == "c" && c.word(from+2) == ")":
		return true
	case first == "[" && c.phraseOf(from+1, wcFurnitureOpener) > 0: // "[Editor's note, Oct. 30 8:30pm: …]"
		return true
	}
	for k := from; k+1 < to; k++ {
		// "16 hrs ago", "3 mins ago"
		if c.toks[k].kind == tNum && k+2 < to && c.toks[k+2].low == "ago" {
			if c.is(k+1, wcAgoUnit) && to-from <= 8 {
				return true
			}
		}
		if c.toks[k].low == "©" {
			return true
		}
	}
	// The signature of an embedded post: "— Name (@handle) October 2, 2017".
	if first == "—" || first == "–" || first == "-" {
		for k := from + 1; k+1 < to; k++ {
			if c.toks[k].low == "(" && c.toks[k+1].low == "@" {
				return true
			}
		}
	}
	// A bulleted line in title case with no final stop: a related link.
	if first == "-" || first == "•" || first == "*" || first == "»" {
		words, capped := 0, 0
		for k := from + 1; k < to; k++ {
			if c.toks[k].kind == tWord && len(c.toks[k].low) > 3 {
				words++
				if c.toks[k].cap {
					capped++
				}
			}
		}
		last := c.toks[to-1].low
		if words > 0 && capped*10 >= words*6 && last != "." {
			return true
		}
	}
	return false
}

// shortLine reports whether token i stands on a line of at most ten
// tokens: a date line, not a sentence.
func (c *docCtx) shortLine(i int) bool {
	from, to := i, i+1
	for from > 0 && c.toks[from].nl == 0 && to-from <= 10 {
		from--
	}
	for to < len(c.toks) && c.toks[to].nl == 0 && to-from <= 10 {
		to++
	}
	return to-from <= 10
}
