package extract

import (
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, with inner apostrophes ("Russia’s", "don't")
	tNum                  // digits with inner separators ("1,200", "3.45", "10:08")
	tPunct                // one punctuation or symbol character
)

// A token is a word, a number or one punctuation character of the text.
type token struct {
	low        string  // lower-cased text (words), the text itself otherwise
	start, end int32   // byte offsets in the text
	nl         uint16  // newlines in the whitespace before the token (capped)
	kind       tokKind //
	space      bool    // whitespace precedes the token
	cap        bool    // a word that starts with an upper-case letter
}

// scan splits text into tokens. It is a plain byte scanner: one pass, no
// regular expressions.
func scan(text string) []token { return scanWords(text, nil) }

// scanWords is scan with a table of known lower-case words: a capitalised
// word found in it shares the table's string instead of allocating one.
func scanWords(text string, known map[string]*wordInfo) []token {
	toks := make([]token, 0, len(text)/5)
	var buf [32]byte
	i := 0
	space, nl := true, 2
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			space = true
			i++
			continue
		case c == '\n':
			space = true
			nl++
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) {
				d := text[j]
				if d >= '0' && d <= '9' {
					j++
					continue
				}
				// Inner separators: "1,200", "3.45", "10:08" (a digit must follow).
				if (d == ',' || d == '.' || d == ':') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j += 2
					continue
				}
				break
			}
			toks = append(toks, token{start: int32(i), end: int32(j), kind: tNum, space: space, nl: nlCount(nl), low: text[i:j]})
			i = j
		case c < utf8.RuneSelf && !isLetterByte(c):
			toks = append(toks, token{start: int32(i), end: int32(i + 1), kind: tPunct, space: space, nl: nlCount(nl), low: text[i : i+1]})
			i++
		default:
			r, n := rune(c), 1
			if c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
			if !unicode.IsLetter(r) {
				if unicode.IsSpace(r) {
					space = true
					if r == '\u2028' || r == '\u2029' || r == '\u0085' {
						nl++
					}
					i += n
					continue
				}
				toks = append(toks, token{start: int32(i), end: int32(i + n), kind: tPunct, space: space, nl: nlCount(nl), low: text[i : i+n]})
				i += n
				break
			}
			j := i + n
			for j < len(text) {
				if b := text[j]; b < utf8.RuneSelf {
					if isLetterByte(b) {
						j++
						continue
					}
					if b != '\'' {
						break
					}
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) {
					j += n2
					continue
				}
				// Inner apostrophe followed by a letter: "Russia’s", "don't".
				if (r2 == '\'' || r2 == '’') && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := text[i:j]
			low := ""
			if known != nil && len(w) <= len(buf) && unicode.IsUpper(r) {
				// Lower-case into a buffer; a known word needs no new string.
				ascii := true
				for k := 0; k < len(w); k++ {
					b := w[k]
					if b >= utf8.RuneSelf {
						ascii = false
						break
					}
					if b >= 'A' && b <= 'Z' {
						b += 'a' - 'A'
					}
					buf[k] = b
				}
				if ascii {
					if wi := known[string(buf[:len(w)])]; wi != nil {
						low = wi.word
					}
				}
			}
			if low == "" {
				low = lower(w)
			}
			toks = append(toks, token{start: int32(i), end: int32(j), kind: tWord, space: space, nl: nlCount(nl), low: low, cap: unicode.IsUpper(r)})
			i = j
		}
		space, nl = false, 0
	}
	return toks
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lower lower-cases s and folds the typographic apostrophe to ASCII,
// allocating only when something changes.
func lower(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				} else if b[k] >= utf8.RuneSelf {
					return lowerSlow(s)
				}
			}
			return string(b)
		}
	}
	if ascii {
		return s
	}
	return lowerSlow(s)
}

func lowerSlow(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '’' {
			r = '\''
		}
		out = append(out, unicode.ToLower(r))
	}
	return string(out)
}

// base strips a possessive ending from a lower-cased word: "russia's" → "russia".
func base(w string) string {
	if len(w) > 2 && w[len(w)-2] == '\'' && w[len(w)-1] == 's' {
		return w[:len(w)-2]
	}
	if len(w) > 1 && w[len(w)-1] == '\'' {
		return w[:len(w)-1]
	}
	return w
}

// possessive reports whether the lower-cased word ends in 's or s'.
func possessive(w string) bool { return base(w) != w }

// nlCount caps a newline count to what a token holds.
func nlCount(n int) uint16 { return uint16(min(n, 1<<16-1)) }
