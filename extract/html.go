package extract

import (
	"bytes"
	"html"
	"strings"

	"github.com/factcheck/factcheck/claims"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML builds the Document of an HTML page. Its Text is the visible
// text: the contents of script, style, noscript, template, svg and similar
// elements and of the head are left out; block-level elements start a new
// paragraph (a blank line), <br> a new line; runs of white space collapse to
// one space; character references are decoded. Map records where each run
// of Text came from in Raw, so spans of copied text point at the same bytes
// in Raw.
//
// The page's <title> becomes Title; <meta> tags naming the publication
// date (article:published_time, date, datePublished …) give Published and a
// canonical link or og:url gives URL. Malformed markup is read as leniently
// as a browser would read it; parseHTML never fails.
func parseHTML(raw []byte) *claims.Document {
	d := &claims.Document{Raw: raw}
	b := &textBuilder{raw: raw}
	z := xhtml.NewTokenizer(bytes.NewReader(raw))
	var (
		off       int                   // raw offset of the current token
		skip      = map[atom.Atom]int{} // open elements whose content is hidden
		skipping  int                   // sum of skip
		inHead    bool
		inTitle   bool
		preDepth  int
		published string
	)
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		tok := z.Raw()
		start := off
		off += len(tok)
		switch tt {
		case xhtml.TextToken:
			if inTitle {
				if d.Title == "" {
					d.Title = strings.Join(strings.Fields(string(z.Text())), " ")
				}
				continue
			}
			if skipping > 0 {
				continue
			}
			if inHead {
				if len(bytes.TrimSpace(tok)) == 0 {
					continue
				}
				inHead = false // stray text ends the head, as in a browser
			}
			b.text(tok, start, preDepth > 0)

		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if inHead && !headElements[a] {
				inHead = false
			}
			if hasAttr {
				attrs := tagAttrs(z)
				if published == "" {
					published = publishedDate(a, attrs)
				}
				if d.URL == "" {
					d.URL = pageURL(a, attrs)
				}
			}
			selfClosing := tt == xhtml.SelfClosingTagToken
			switch {
			case a == atom.Head && !selfClosing:
				inHead = true
			case a == atom.Body:
				inHead = false
			case a == atom.Title && skipping == 0 && !selfClosing:
				inTitle = true
			case hiddenElements[a] && !selfClosing:
				skip[a]++
				skipping++
			case a == atom.Pre && !selfClosing:
				preDepth++
			}
			if skipping > 0 || inTitle {
				continue
			}
			switch {
			case a == atom.Br:
				b.lineBreak(start, 1)
			case blockElements[a]:
				b.lineBreak(start, 2)
			case a == atom.Td || a == atom.Th:
				b.space(start, len(tok))
			}

		case xhtml.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Head:
				inHead = false
			case a == atom.Title:
				inTitle = false
			case hiddenElements[a] && skip[a] > 0:
				skip[a]--
				skipping--
			case a == atom.Pre && preDepth > 0:
				preDepth--
			}
			if skipping > 0 {
				continue
			}
			switch {
			case a == atom.Br:
				b.lineBreak(start, 1)
			case blockElements[a]:
				b.lineBreak(start, 2)
			}
		}
	}
	d.Text = string(b.out)
	d.Map = b.runs
	if d.Map == nil {
		d.Map = []claims.Run{}
	}
	d.Published = published
	return d
}

// headElements may appear in the head; any other start tag ends it.
var headElements = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true, atom.Style: true,
	atom.Script: true, atom.Base: true, atom.Noscript: true, atom.Template: true, atom.Html: true,
}

// hiddenElements hold content a reader does not see as article text.
var hiddenElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Textarea: true, atom.Select: true, atom.Noembed: true, atom.Noframes: true,
	atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Xmp: true,
}

// blockElements start and end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Ul: true, atom.Body: true,
}

// tagAttrs returns the current tag's attributes, keys lower-cased and values
// decoded, as key-value pairs in order.
func tagAttrs(z *xhtml.Tokenizer) [][2]string {
	var out [][2]string
	for {
		k, v, more := z.TagAttr()
		out = append(out, [2]string{string(k), string(v)})
		if !more {
			return out
		}
	}
}

func attr(attrs [][2]string, key string) string {
	for _, kv := range attrs {
		if kv[0] == key {
			return kv[1]
		}
	}
	return ""
}

// publishedDateNames are the meta property, name and itemprop values that
// give an article's publication date.
var publishedDateNames = map[string]bool{
	"article:published_time": true, "og:article:published_time": true,
	"date": true, "pubdate": true, "publishdate": true, "publish-date": true,
	"dc.date": true, "dc.date.issued": true, "dcterms.created": true,
	"datepublished": true, "sailthru.date": true, "parsely-pub-date": true,
}

// publishedDate returns the ISO date a tag gives as the publication date,
// or "".
func publishedDate(a atom.Atom, attrs [][2]string) string {
	named := false
	for _, k := range []string{"property", "name", "itemprop"} {
		if publishedDateNames[strings.ToLower(attr(attrs, k))] {
			named = true
		}
	}
	if !named {
		return ""
	}
	v := attr(attrs, "content")
	if a == atom.Time || v == "" {
		v = attr(attrs, "datetime")
	}
	return isoDate(v)
}

// isoDate returns the YYYY-MM-DD prefix of s, or "".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	for i, c := range []byte(s[:10]) {
		if i == 4 || i == 7 {
			if c != '-' {
				return ""
			}
		} else if c < '0' || c > '9' {
			return ""
		}
	}
	if len(s) > 10 && s[10] >= '0' && s[10] <= '9' {
		return ""
	}
	return s[:10]
}

// pageURL returns the page address a canonical link or og:url meta tag
// gives, or "".
func pageURL(a atom.Atom, attrs [][2]string) string {
	switch {
	case a == atom.Link && strings.EqualFold(attr(attrs, "rel"), "canonical"):
		return strings.TrimSpace(attr(attrs, "href"))
	case a == atom.Meta && strings.EqualFold(attr(attrs, "property"), "og:url"):
		return strings.TrimSpace(attr(attrs, "content"))
	}
	return ""
}

// A textBuilder accumulates visible text and its map to the raw bytes.
// Spaces and line breaks are held back until the next visible text, so
// the text never starts or ends with them and a run of white space,
// whatever tags it spans, becomes one space.
type textBuilder struct {
	raw    []byte
	out    []byte
	runs   []claims.Run
	copied bool // whether the last run is copied text

	spaceRaw, spaceEnd int // raw extent of pending white space, when spaceEnd > 0
	breaks, breakRaw   int // pending newlines and the raw offset of their tag
}

// emit appends s to the text as taken from raw[rawOff:rawOff+rawLen]: a
// copy when s is those very bytes, else a replacement. (One white-space
// byte read as a space is a replacement of equal length, which a Run cannot
// tell from a copy; its offsets map one to one, which is right.)
func (b *textBuilder) emit(s []byte, rawOff, rawLen int) {
	if len(s) == 0 {
		return
	}
	copied := len(s) == rawLen && bytes.Equal(s, b.raw[rawOff:rawOff+rawLen])
	if n := len(b.runs); copied && b.copied {
		last := &b.runs[n-1]
		if last.Raw+last.RawLen == rawOff {
			last.Len += len(s)
			last.RawLen += len(s)
			b.out = append(b.out, s...)
			return
		}
	}
	b.runs = append(b.runs, claims.Run{Text: len(b.out), Len: len(s), Raw: rawOff, RawLen: rawLen})
	b.out = append(b.out, s...)
	b.copied = copied
}

// space notes white space at raw[off:off+n].
func (b *textBuilder) space(off, n int) {
	if b.spaceEnd == 0 {
		b.spaceRaw = off
	}
	b.spaceEnd = off + n
}

// lineBreak asks for n newlines (1 or 2) before the next text, for a tag
// at raw offset off.
func (b *textBuilder) lineBreak(off, n int) {
	if b.breaks == 0 {
		b.breakRaw = off
	}
	b.breaks = min(b.breaks+n, 2)
}

// flush writes out pending white space before visible text.
func (b *textBuilder) flush() {
	spaceRaw, spaceEnd, breaks := b.spaceRaw, b.spaceEnd, b.breaks
	b.spaceEnd, b.breaks = 0, 0
	if len(b.out) == 0 {
		return
	}
	if breaks > 0 {
		have := len(b.out) - len(bytes.TrimRight(b.out, "\n"))
		if breaks > have {
			b.emit(bytes.Repeat([]byte("\n"), breaks-have), b.breakRaw, 0)
		}
		return
	}
	if spaceEnd > 0 {
		if last := b.out[len(b.out)-1]; last != ' ' && last != '\n' {
			b.emit([]byte(" "), spaceRaw, spaceEnd-spaceRaw)
		}
	}
}

// text adds the text token tok found at raw offset base. In pre
// elements white space is kept as it is.
func (b *textBuilder) text(tok []byte, base int, pre bool) {
	for i := 0; i < len(tok); {
		c := tok[i]
		switch {
		case isHTMLSpace(c) && !pre:
			j := i + 1
			for j < len(tok) && isHTMLSpace(tok[j]) {
				j++
			}
			b.space(base+i, j-i)
			i = j
		case c == 0xC2 && i+1 < len(tok) && tok[i+1] == 0xA0 && !pre: // no-break space
			b.space(base+i, 2)
			i += 2
		case c == 0xEF && bytes.HasPrefix(tok[i:], []byte("\ufeff")): // byte order mark
			i += 3
		case c == '&':
			s, n := charRef(tok[i:])
			switch {
			case n == 0:
				b.flush()
				b.emit(tok[i:i+1], base+i, 1)
				i++
				continue
			case s == "\u00ad": // soft hyphen
			case !pre && (s == "\u00a0" || len(s) == 1 && isHTMLSpace(s[0])):
				b.space(base+i, n)
			default:
				b.flush()
				b.emit([]byte(s), base+i, n)
			}
			i += n
		default:
			j := i + 1
			for j < len(tok) && !isHTMLSpace(tok[j]) && tok[j] != '&' && tok[j] != 0xC2 && tok[j] != 0xEF {
				j++
			}
			b.flush()
			b.emit(tok[i:j], base+i, j-i)
			i = j
		}
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// charRef decodes the character reference at the start of t ("&amp;",
// "&#8217;", "&#x2019;") and returns its text and length in bytes, or
// n == 0 when t does not start with one. Named references need their
// semicolon; numeric ones do not.
func charRef(t []byte) (s string, n int) {
	j := 1
	if j < len(t) && t[j] == '#' {
		j++
		hex := j < len(t) && (t[j] == 'x' || t[j] == 'X')
		if hex {
			j++
		}
		digits := j
		for j < len(t) && (t[j] >= '0' && t[j] <= '9' || hex && (t[j]|0x20 >= 'a' && t[j]|0x20 <= 'f')) {
			j++
		}
		if j == digits {
			return "", 0
		}
		if j < len(t) && t[j] == ';' {
			j++
		}
		return html.UnescapeString(string(t[:j])), j
	}
	for j < len(t) && (t[j]|0x20 >= 'a' && t[j]|0x20 <= 'z' || t[j] >= '0' && t[j] <= '9') {
		j++
	}
	if j == 1 || j >= len(t) || t[j] != ';' {
		return "", 0
	}
	j++
	ref := string(t[:j])
	if s := html.UnescapeString(ref); s != ref {
		return s, j
	}
	return "", 0
}
