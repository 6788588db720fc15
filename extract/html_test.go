package extract

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

const page = `<!DOCTYPE html>
<html><head>
  <title>Tillerson &amp; Putin   meet</title>
  <meta charset="utf-8">
  <meta property="article:published_time" content="2017-04-12T18:02:00+00:00">
  <link rel="canonical" href="https://example.com/story">
  <style>p { color: red }</style>
  <script>var toll = "<p>99 dead</p>";</script>
</head>
<body>
<h1>Trump says ties
   at all-time low</h1>
<p>The US fired 59&nbsp;cruise missiles at the base &#8211; the Pentagon&#8217;s
figure.<br>Officials said more than 80 people died.</p>
<ul><li>AT&amp;T paid $3bn</li><li>at least 87 dead</li></ul>
<noscript>Enable JavaScript</noscript>
<svg><text>1000 pixels</text></svg>
<pre>  two
  hours</pre>
<table><tr><td>six</td><td>vetoes</td></tr></table>
<p>a &lt; b &amp c &unknown; &#x41;</p>
</body></html>
`

func TestHTMLText(t *testing.T) {
	d := parseHTML([]byte(page))
	want := "Trump says ties at all-time low\n\n" +
		"The US fired 59 cruise missiles at the base \u2013 the Pentagon\u2019s figure.\n" +
		"Officials said more than 80 people died.\n\n" +
		"AT&T paid $3bn\n\nat least 87 dead\n\n" +
		"  two\n  hours\n\n" +
		"six vetoes\n\n" +
		"a < b &amp c &unknown; A"
	if d.Text != want {
		t.Errorf("Text\n got %q\nwant %q", d.Text, want)
	}
	if d.Title != "Tillerson & Putin meet" {
		t.Errorf("Title %q", d.Title)
	}
	if d.Published != "2017-04-12" {
		t.Errorf("Published %q", d.Published)
	}
	if d.URL != "https://example.com/story" {
		t.Errorf("URL %q", d.URL)
	}
	checkMap(t, d)
}

// checkMap checks the invariants of d.Map: runs cover Text in order, raw
// offsets stay inside Raw and never go back, and copied runs are the same
// bytes in Text and Raw.
func checkMap(t *testing.T, d *claims.Document) {
	t.Helper()
	text, rawPos := 0, 0
	for i, r := range d.Map {
		if r.Text != text || r.Len <= 0 || r.RawLen < 0 || r.Raw < rawPos || r.Raw+r.RawLen > len(d.Raw) {
			t.Fatalf("run %d %+v out of place (text at %d, raw at %d)", i, r, text, rawPos)
		}
		spaced := r.Len == 1 && d.Text[r.Text] == ' ' && isHTMLSpace(d.Raw[r.Raw]) // a white-space byte read as a space
		if r.Len == r.RawLen && !spaced && d.Text[r.Text:r.Text+r.Len] != string(d.Raw[r.Raw:r.Raw+r.RawLen]) {
			t.Errorf("copied run %d %+v: text %q, raw %q", i, r, d.Text[r.Text:r.Text+r.Len], d.Raw[r.Raw:r.Raw+r.RawLen])
		}
		text += r.Len
		rawPos = r.Raw + r.RawLen
	}
	if text != len(d.Text) {
		t.Fatalf("runs cover %d bytes of %d", text, len(d.Text))
	}
}

// copied reports whether d.Text[start:end] lies in copied runs that are
// contiguous in Raw.
func copied(d *claims.Document, start, end int) bool {
	next := -1
	for _, r := range d.Map {
		if r.Text+r.Len <= start || r.Text >= end {
			continue
		}
		if r.Len != r.RawLen {
			return false
		}
		lo := r.Raw + max(start, r.Text) - r.Text
		if next >= 0 && lo != next {
			return false
		}
		next = r.Raw + min(end, r.Text+r.Len) - r.Text
	}
	return true
}

func TestHTMLSpans(t *testing.T) {
	d := parseHTML([]byte(page))
	tests := []struct {
		text, raw string
		line, col int
	}{
		{"cruise missiles", "cruise missiles", 13, 25},
		{"59 cruise missiles", "59&nbsp;cruise missiles", 13, 17},
		{"more than 80 people", "more than 80 people", 14, 27},
		{"AT&T paid $3bn", "AT&amp;T paid $3bn", 15, 9},
		{"Pentagon\u2019s figure", "Pentagon&#8217;s\nfigure", 13, 65},
		{"\u2013", "&#8211;", 13, 53},
		{"all-time low", "all-time low", 12, 7},
		{"ties at", "ties\n   at", 11, 16},
		{"two\n  hours", "two\n  hours", 18, 8},
	}
	for _, tt := range tests {
		start := strings.Index(d.Text, tt.text)
		if start < 0 {
			t.Errorf("%q not in Text", tt.text)
			continue
		}
		sp := d.SpanOf(start, start+len(tt.text))
		if got := string(d.Raw[sp.Start:sp.End]); got != tt.raw || sp.Line != tt.line || sp.Col != tt.col {
			t.Errorf("SpanOf(%q) = %q at %d:%d, want %q at %d:%d", tt.text, got, sp.Line, sp.Col, tt.raw, tt.line, tt.col)
		}
	}
}

// TestHTMLWordSpans checks every word of the text: a word copied verbatim
// spans the same bytes in Raw, and any other word spans raw bytes that
// decode to it.
func TestHTMLWordSpans(t *testing.T) {
	d := parseHTML([]byte(page))
	for start := 0; start < len(d.Text); {
		end := strings.IndexAny(d.Text[start:], " \n")
		if end < 0 {
			end = len(d.Text)
		} else {
			end += start
		}
		if end > start {
			word := d.Text[start:end]
			sp := d.SpanOf(start, end)
			raw := string(d.Raw[sp.Start:sp.End])
			switch {
			case copied(d, start, end) && raw != word:
				t.Errorf("copied word %q spans %q", word, raw)
			case html.UnescapeString(raw) != word && raw != word:
				t.Errorf("word %q spans %q", word, raw)
			}
		}
		start = end + 1
	}
}

func TestHTMLMeta(t *testing.T) {
	tests := []struct{ page, published string }{
		{`<meta name="date" content="2017-04-12"><p>x</p>`, "2017-04-12"},
		{`<meta itemprop="datePublished" content="2017-04-13T01:00Z"><p>x</p>`, "2017-04-13"},
		{`<p>x <time itemprop="datePublished" datetime="2017-04-14">April 14</time></p>`, "2017-04-14"},
		{`<meta name="date" content="April 12, 2017"><p>x</p>`, ""},
		{`<meta name="date" content="2017-4-12"><p>x</p>`, ""},
		{`<meta name="description" content="2017-04-12"><p>x</p>`, ""},
	}
	for _, tt := range tests {
		if d := parseHTML([]byte(tt.page)); d.Published != tt.published {
			t.Errorf("%s: Published %q, want %q", tt.page, d.Published, tt.published)
		}
	}
}

var malformed = []string{
	"<p>unclosed <b>bold <i>both</p> after",
	"<scr<ipt>x</script",
	"<a href='x",
	"<!-- unterminated comment <p>hidden</p>",
	"<title>no end",
	"<script>no end <p>x</p>",
	"</p></div>stray ends</b>",
	"<head>text in head<p>and body</p>",
	"<svg><svg></svg>still hidden</svg>shown",
	"&#xFFFFFFFF; &#0; &#; &; &#x; && &amp",
	"<![CDATA[x]]><p\n>x</p  >",
	"<pre>\r\n a\r\n</pre>",
	"<table><td>a<td>b</table>",
	"plain text, no tags at all",
	"\ufeff<p>bom</p>",
}

func TestHTMLMalformed(t *testing.T) {
	for _, in := range malformed {
		d := parseHTML([]byte(in))
		checkMap(t, d)
	}
	if d := parseHTML([]byte("<svg><svg></svg>still hidden</svg>shown")); d.Text != "shown" {
		t.Errorf("nested svg: Text %q", d.Text)
	}
	if d := parseHTML([]byte("<head>text in head<p>and body</p>")); d.Text != "text in head\n\nand body" {
		t.Errorf("text in head: Text %q", d.Text)
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(page))
	for _, s := range malformed {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if bytes.IndexByte(raw, 0) >= 0 {
			return // Load rejects NUL bytes before parsing
		}
		d := parseHTML(raw)
		checkMap(t, d)
		for i := 0; i+1 <= len(d.Text); i += 7 {
			sp := d.SpanOf(i, min(i+5, len(d.Text)))
			if sp.Start < 0 || sp.End > len(d.Raw) || sp.Start > sp.End {
				t.Fatalf("SpanOf(%d) = %+v outside raw of %d bytes", i, sp, len(d.Raw))
			}
		}
	})
}
