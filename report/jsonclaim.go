package report

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// A feed of ten thousand articles has some hundred thousand claims, and
// encoding/json spends seconds on them (reflection, then a second pass to
// indent the whole output). Claims are written here by hand instead, byte
// for byte as encoding/json writes jsonClaim (with SetEscapeHTML(false),
// compact or indented): TestClaimJSONMatchesEncoding holds the two
// together. Everything else still goes through encoding/json.

// appendClaim appends c as the JSON object of the claims array: compact
// when indent is "", else indented as encoding/json indents a value whose
// own line starts with indent, by steps of two spaces.
func appendClaim(b []byte, c *claims.Claim, indent string) []byte {
	o := jsonObject{b: b, indent: indent}
	o.str("id", c.ID)
	o.str("source", c.Source)
	o.str("kind", string(c.Kind))
	o.str("slot", c.Slot)
	o.str("subject", c.Subject)
	o.str("text", c.Text)
	o.key("span")
	span := jsonObject{b: o.b, indent: o.inner()}
	span.int("start", c.Span.Start)
	span.int("end", c.Span.End)
	span.int("line", c.Span.Line)
	span.int("col", c.Span.Col)
	o.b = span.end()
	o.key("value")
	v := c.Value
	val := jsonObject{b: o.b, indent: o.inner()}
	val.float("lo", v.Lo)
	val.float("hi", v.Hi)
	val.bool("lo_open", v.LoOpen)
	val.bool("hi_open", v.HiOpen)
	val.bool("approx", v.Approx)
	if v.Approx && !math.IsInf(v.Tol, 0) && !math.IsNaN(v.Tol) {
		val.float("tol", v.Tol)
	}
	if v.Vague {
		val.bool("vague", true)
	}
	if v.Date != "" {
		val.str("date", v.Date)
	}
	if v.Text != "" {
		val.str("text", v.Text)
	}
	o.b = val.end()
	o.str("unit", c.Unit)
	o.str("sentence", c.Sentence)
	if c.Attribution != "" {
		o.str("attribution", c.Attribution)
	}
	if c.Qualifier != "" {
		o.str("qualifier", c.Qualifier)
	}
	if c.Superseded {
		o.bool("superseded", true)
	}
	if c.Derived != "" {
		o.str("derived", c.Derived)
	}
	if c.AsOf != "" {
		o.str("as_of", c.AsOf)
	}
	if f := c.Frame; !f.Empty() {
		o.key("frame")
		fo := jsonObject{b: o.b, indent: o.inner()}
		for _, part := range [...]struct{ key, val string }{
			{"dimension", f.Dimension}, {"unit", f.Unit}, {"currency", f.Currency}, {"per", f.Per}, {"basis", f.Basis},
			{"counts", f.Counts}, {"owner", f.Owner}, {"role", f.Role}, {"part_of", f.PartOf}, {"event", f.Event},
			{"place", f.Place}, {"time", f.Time},
		} {
			if part.val != "" {
				fo.str(part.key, part.val)
			}
		}
		o.b = fo.end()
	}
	return o.end()
}

// jsonObject appends the fields of one JSON object.
type jsonObject struct {
	b      []byte
	indent string // of the line the object starts on; "" for compact
	n      int    // fields so far
	pretty bool
}

// key starts a field.
func (o *jsonObject) key(k string) {
	if o.n == 0 {
		o.b = append(o.b, '{')
		o.pretty = o.indent != ""
	} else {
		o.b = append(o.b, ',')
	}
	o.n++
	if o.pretty {
		o.b = append(o.b, '\n')
		o.b = append(o.b, o.indent...)
		o.b = append(o.b, "  "...)
	}
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':')
	if o.pretty {
		o.b = append(o.b, ' ')
	}
}

// inner is the indentation of the lines of a value nested in a field.
func (o *jsonObject) inner() string {
	if !o.pretty {
		return ""
	}
	return o.indent + "  "
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

func (o *jsonObject) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *jsonObject) bool(k string, v bool) {
	o.key(k)
	o.b = strconv.AppendBool(o.b, v)
}

// float writes v as encoding/json writes a float64, or null when it is
// infinite or NaN (as finite does).
func (o *jsonObject) float(k string, v float64) {
	o.key(k)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		o.b = append(o.b, "null"...)
		return
	}
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	o.b = strconv.AppendFloat(o.b, v, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it
		if n := len(o.b); n >= 4 && o.b[n-4] == 'e' && o.b[n-3] == '-' && o.b[n-2] == '0' {
			o.b[n-2] = o.b[n-1]
			o.b = o.b[:n-1]
		}
	}
}

// end closes the object and returns the bytes.
func (o *jsonObject) end() []byte {
	switch {
	case o.n == 0:
		return append(o.b, '{', '}')
	case o.pretty:
		o.b = append(o.b, '\n')
		o.b = append(o.b, o.indent...)
	}
	return append(o.b, '}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off: ", \ and control characters escaped, invalid UTF-8
// as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// writeIndented writes v as encoding/json writes it at depth one of an
// indented object: no HTML escaping, lines after the first indented by
// two spaces, no final newline.
func writeIndented(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}
