package extract

import "unicode"

import "unicode/utf8"

import "strings"

// A sentence is a run of tokens [from, to) with its byte range.
type sentence struct {
	from, to   int // token indexes
	start, end int // byte offsets
	para       int // paragraph number, counting blank-line and line breaks
}

// maxSentence is the most tokens a sentence holds; see sentences.
const maxSentence = 400

// sentences splits tokens into sentences. A sentence ends at ".", "!" or "?"
// (with any closing quotes or brackets) before a capitalised word, a digit or
// a quote, unless the period ends an abbreviation or an initial; and at a line
// break unless the line looks hard-wrapped (long, no final punctuation, and the
// next line goes on in lower case).
func (v *vocabulary) sentences(text string, toks []token) []sentence {
	return v.appendSentences(nil, text, toks)
}

// appendSentences is sentences appending to out.
func (v *vocabulary) appendSentences(out []sentence, text string, toks []token) []sentence {
	wrappedDoc := hardWrapped(text)
	from, para := 0, 0
	lineLen := 0 // bytes since the last newline, at the current token
	lastNL := 0
	emit := func(to int) {
		if to > from {
			out = append(out, sentence{from: from, to: to, start: int(toks[from].start), end: int(toks[to-1].end), para: para})
		}
		from = to
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// A run of text with no sentence end (a 10 MB line of clauses, a
		// data dump) is cut into pieces of at most maxSentence tokens, at
		// a comma or semicolon once it is half that long, so that the work
		// per claim, and the sentence each claim quotes, stay bounded.
		if n := i - from; n >= maxSentence || n >= maxSentence/2 && (toks[i-1].low == "," || toks[i-1].low == ";") {
			emit(i)
		}
		if t.nl > 0 && i > from {
			prev := toks[i-1]
			lineLen = int(prev.end) - lastNL
			wrapped := lineLen >= 60 && !endsClause(prev) && t.kind == tWord && !t.cap ||
				wrappedDoc && t.nl == 1 && lineLen >= 40 && !endsClause(prev) && t.kind != tPunct
			if !wrapped {
				emit(i)
				para++
			}
		}
		if t.nl > 0 {
			lastNL = int(t.start)
		}
		if t.kind != tPunct || !(t.low == "." || t.low == "!" || t.low == "?") {
			continue
		}
		// Swallow closing quotes and brackets and repeated marks.
		j := i + 1
		for j < len(toks) && j-from < maxSentence && toks[j].kind == tPunct && !toks[j].space && isCloser(toks[j].low) {
			j++
		}
		if j >= len(toks) {
			i = j - 1
			continue
		}
		next := toks[j]
		if !next.space {
			continue // "U.S." or "3.45" or "yahoo.com"
		}
		if t.low == "." && i > 0 && toks[i-1].kind == tWord && !toks[i-1].space == false {
			// nothing: handled below
		}
		if t.low == "." && i > 0 && toks[i-1].kind == tWord {
			w := toks[i-1].low
			if v.in(w, wcAbbreviation) || (len(toks[i-1].low) == 1 && toks[i-1].cap) {
				// An abbreviation or an initial ("U.S.", "J. Smith"): ends a
				// sentence only before a line break.
				if next.nl == 0 {
					i = j - 1
					continue
				}
			}
		}
		if next.kind == tWord && !next.cap && next.nl == 0 {
			i = j - 1
			continue
		}
		emit(j)
		if next.nl > 0 {
			para++
		}
		i = j - 1
	}
	emit(len(toks))
	return out
}

func endsClause(t token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.low {
	case ".", "!", "?", ":", ";", "”", "\"", ")", "’":
		return true
	}
	return false
}

func isCloser(s string) bool {
	switch s {
	case "\"", "'", "”", "’", ")", "]", "»", ".", "!", "?":
		return true
	}
	return false
}

// hardWrapped reports whether text is wrapped at a fixed width (a Markdown
// draft, an e-mail): most of its long lines end without a stop, so a
// single line break inside a paragraph is a space. Such text has few
// lines much longer than its width; a page whose paragraphs are single
// long lines, with short headlines between, is not wrapped.
func hardWrapped(text string) bool {
	long, open, over := 0, 0, 0
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimRight(line, " \t\r")
		if len(line) > 120 {
			over++
		}
		if len(line) < 40 || len(line) > 120 {
			continue
		}
		long++
		switch line[len(line)-1] {
		case '.', '!', '?', ':', ';', '"', ')':
		default:
			if !strings.HasSuffix(line, "\u201d") {
				open++
			}
		}
	}
	return long >= 3 && open*2 > long && over*4 <= long
}

// sentenceText returns sentence si with its white space folded, computed
// once per sentence.
func (c *docCtx) sentenceText(si int) string {
	if t, ok := c.sentText[si]; ok {
		return t
	}
	if c.sentText == nil {
		c.sentText = map[int]string{}
	}
	s := c.sents[si]
	t := foldSpace(c.text[s.start:s.end])
	c.sentText[si] = t
	return t
}

// needsFold reports whether foldSpace would change s: white space at
// either end, other than single ASCII spaces, or two in a row.
func needsFold(s string) bool {
	if len(s) == 0 {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !foldByte[s[i]] {
			continue
		}
		if s[i] < utf8.RuneSelf {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// foldByte marks the ASCII white space other than the space, and the lead
// bytes of the other white space characters (U+0085, U+00A0, U+1680,
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
var foldByte = [256]bool{'\n': true, '\t': true, '\r': true, '\f': true, '\v': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// foldSpace replaces each run of white space in s by one space and drops
// white space at either end. The result never shares memory with s.
func foldSpace(s string) string {
	if !needsFold(s) {
		return strings.Clone(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				space = true
				i++
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
