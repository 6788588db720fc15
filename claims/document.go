package claims

import (
	"sort"
	"unicode/utf8"
)

// A Document is one input article.
//
// Raw holds the input's original bytes. Text is the text that extraction
// reads: for plain text and Markdown it is Raw itself; for HTML it is the
// visible text, and Map records where each run of Text came from so that
// every span can point into Raw.
type Document struct {
	// Source names the input exactly as the user gave it: the path on the
	// command line, "-" for standard input, or the id of a JSONL record.
	Source string
	// Story keeps stories apart in a feed: claims are compared only within
	// one story. Empty means the run's single story.
	Story string
	// Title is the article's title when one is known.
	Title string
	// Published is the publication date as an ISO 8601 date, or "".
	Published string
	// URL is the article's address when one is known.
	URL string
	// Raw is the input's original bytes.
	Raw []byte
	// Text is what extraction reads.
	Text string
	// Map maps offsets in Text to offsets in Raw. Nil means Text is Raw.
	Map []Run

	lineStarts []int
	colMarks   []colMark
}

// A colMark records, on a long line, how many characters precede a byte
// offset on its line, so that Position counts from at most colStep bytes
// back rather than from the start of a line that may be megabytes long.
type colMark struct{ off, col int }

// colStep is the spacing in bytes of the colMarks on a long line.
const colStep = 512

// A Run says that Text[Text:Text+Len] was taken from Raw[Raw:Raw+RawLen].
// When Len equals RawLen the bytes correspond one to one (copied text);
// otherwise the run is a replacement (an entity, a collapsed space) and every
// offset inside it maps to the run's raw start, or its raw end for the end.
type Run struct {
	Text, Len, Raw, RawLen int
}

// Release drops d's text: Raw, Text, Map and the line index built by
// Position. A long run calls it once a document's claims are read and
// nothing will ask for its text again, so that memory holds the claims and
// not the articles. Source, Story, Title, Published and URL stay.
func (d *Document) Release() {
	d.Raw, d.Text, d.Map = nil, "", nil
	d.lineStarts, d.colMarks = nil, nil
}

// RawOffset maps an offset in d.Text to the offset in d.Raw it came from.
func (d *Document) RawOffset(off int) int {
	if d.Map == nil {
		return off
	}
	i := sort.Search(len(d.Map), func(i int) bool { return d.Map[i].Text+d.Map[i].Len > off })
	if i == len(d.Map) {
		if len(d.Map) == 0 {
			return 0
		}
		last := d.Map[len(d.Map)-1]
		return last.Raw + last.RawLen
	}
	r := d.Map[i]
	if off < r.Text {
		return r.Raw
	}
	if r.Len == r.RawLen {
		return r.Raw + off - r.Text
	}
	return r.Raw
}

// rawEnd maps an exclusive end offset in Text to an exclusive end in Raw.
func (d *Document) rawEnd(end int) int {
	if d.Map == nil || end == 0 {
		return end
	}
	i := sort.Search(len(d.Map), func(i int) bool { return d.Map[i].Text+d.Map[i].Len >= end })
	if i == len(d.Map) {
		last := d.Map[len(d.Map)-1]
		return last.Raw + last.RawLen
	}
	r := d.Map[i]
	if r.Len == r.RawLen {
		return r.Raw + end - r.Text
	}
	return r.Raw + r.RawLen
}

// SpanOf returns the span in Raw of the text Text[start:end], with its line
// and column.
func (d *Document) SpanOf(start, end int) Span {
	rs, re := d.RawOffset(start), d.rawEnd(end)
	if re < rs {
		re = rs
	}
	line, col := d.Position(rs)
	return Span{Start: rs, End: re, Line: line, Col: col}
}

// Position returns the 1-based line and column of the raw byte offset off.
// Columns count characters (Unicode code points), not bytes.
func (d *Document) Position(off int) (line, col int) {
	if d.lineStarts == nil {
		d.index()
	}
	if off > len(d.Raw) {
		off = len(d.Raw)
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	start, runes := d.lineStarts[i], 0
	if k := sort.Search(len(d.colMarks), func(k int) bool { return d.colMarks[k].off > off }) - 1; k >= 0 && d.colMarks[k].off >= start {
		start, runes = d.colMarks[k].off, d.colMarks[k].col
	}
	return i + 1, runes + utf8.RuneCount(d.Raw[start:off]) + 1
}

// index records where each line of Raw starts and, every colStep bytes of
// a long line, the characters before that point on its line.
func (d *Document) index() {
	d.lineStarts = append(d.lineStarts, 0)
	mark, col := 0, 0 // the last mark (or line start) and the characters before it on its line
	for i, b := range d.Raw {
		switch {
		case b == '\n':
			d.lineStarts = append(d.lineStarts, i+1)
			mark, col = i+1, 0
		case i-mark >= colStep && b&0xC0 != 0x80: // a mark never splits a character
			col += utf8.RuneCount(d.Raw[mark:i])
			mark = i
			d.colMarks = append(d.colMarks, colMark{off: i, col: col})
		}
	}
}

// A Span locates evidence in a document's original bytes. Start and End are
// byte offsets, End exclusive; Line and Col (in characters) are 1-based and
// give the position of Start.
type Span struct {
	Start int
	End   int
	Line  int
	Col   int
}
