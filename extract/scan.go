package extract

import (
	"strings"
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
	// base marks a word whose info (scanWords) is its base's: "Russia's"
	// has that of "russia".
	base bool
}

// scan splits text into tokens. It is a plain byte scanner: one pass, no
// regular expressions.
func scan(text string) []token {
	toks, _ := scanWords(text, nil, &scanBuf{})
	return toks
}

// scanBuf is the memory scanWords works in, reused from one document to
// the next.
type scanBuf struct {
	// words and english count the words scanWords read and those of them
	// the table has in the lexicon's english_common_words (themselves,
	// not a possessive): the document's language.
	words, english int
	toks           []token
	info           []*wordInfo
	lower          []byte   // lower-cased capitalised words no table knows
	fixes          []lowFix // the tokens whose low is in lower
}

// lowFix says that toks[tok].low is lower[off:end].
type lowFix struct{ tok, off, end int32 }

// scanWords is scan with the table of known lower-case words: it also
// returns what each token is (noWord for a token that is not a known word,
// or a possessive of one), with one table lookup per word. Words cost no
// allocation of their own: the lower-case form of a lower-case word is
// the text itself, that of a known word the table's string, and those of
// the other capitalised words share one string per document. The tokens
// and their info are written into buf's memory, reused when it is large
// enough.
func scanWords(text string, known *wordTable, buf *scanBuf) ([]token, []*wordInfo) {
	// News text runs at about five bytes a token; a little more room
	// saves growing the slices, which copies them.
	size := len(text)/4 + 16
	toks, info := buf.toks[:0], buf.info[:0]
	buf.words, buf.english = 0, 0
	if cap(toks) < size {
		toks = make([]token, 0, size)
	}
	if known != nil && cap(info) < size {
		info = make([]*wordInfo, 0, size)
	}
	lower, fixes := buf.lower[:0], buf.fixes[:0]
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
			if known != nil {
				info = append(info, noWord)
			}
			i = j
		case c < utf8.RuneSelf && !isLetterByte(c):
			toks = append(toks, token{start: int32(i), end: int32(i + 1), kind: tPunct, space: space, nl: nlCount(nl), low: text[i : i+1]})
			if known != nil {
				info = append(info, noWord)
			}
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
				if known != nil {
					info = append(info, noWord)
				}
				i += n
				break
			}
			ascii := c < utf8.RuneSelf
			upper := c >= 'A' && c <= 'Z'
			j := i + n
			for j < len(text) {
				b := text[j]
				if b >= 'a' && b <= 'z' {
					j++
					continue
				}
				if b >= 'A' && b <= 'Z' {
					upper = true
					j++
					continue
				}
				if b < utf8.RuneSelf && b != '\'' {
					break
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) {
					ascii = ascii && r2 < utf8.RuneSelf
					j += n2
					continue
				}
				// Inner apostrophe followed by a letter: "Russia’s", "don't".
				if (r2 == '\'' || r2 == '’') && j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if unicode.IsLetter(r3) {
						ascii = ascii && r2 < utf8.RuneSelf
						j += n2
						continue
					}
				}
				break
			}
			var low string
			var wi *wordInfo
			isBase := false
			switch {
			case !ascii:
				low = lowerSlow(text[i:j])
				if known != nil {
					if wi = known.get(low); wi == nil {
						if b := base(low); b != low {
							wi, isBase = known.get(b), true
						}
					}
				}
			case !upper:
				low = text[i:j]
				if known != nil {
					if wi = known.get(low); wi == nil {
						if b := base(low); b != low {
							wi, isBase = known.get(b), true
						}
					}
				}
			default:
				off := len(lower)
				for k := i; k < j; k++ {
					b := text[k]
					if b >= 'A' && b <= 'Z' {
						b += 'a' - 'A'
					}
					lower = append(lower, b)
				}
				w := lower[off:]
				if known != nil {
					if wi = known.getBytes(w); wi == nil {
						if b := baseBytes(w); len(b) < len(w) {
							wi, isBase = known.getBytes(b), true
						}
					}
				}
				if wi != nil && wi.word == string(w) {
					low = wi.word
					lower = lower[:off]
				} else {
					fixes = append(fixes, lowFix{tok: int32(len(toks)), off: int32(off), end: int32(len(lower))})
				}
			}
			toks = append(toks, token{start: int32(i), end: int32(j), kind: tWord, space: space, nl: nlCount(nl), low: low, cap: unicode.IsUpper(r),
				base: isBase && wi != nil})
			if known != nil {
				if wi == nil {
					wi = noWord
				}
				info = append(info, wi)
				buf.words++
				if !isBase && wi.cls.has(wcEnglish) {
					buf.english++
				}
			}
			i = j
		}
		space, nl = false, 0
	}
	if len(fixes) > 0 {
		words := string(lower)
		for _, f := range fixes {
			toks[f.tok].low = words[f.off:f.end]
		}
	}
	buf.toks, buf.info, buf.lower, buf.fixes = toks, info, lower, fixes
	return toks, info
}

// baseBytes is base for a word being lower-cased.
func baseBytes(w []byte) []byte {
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		return w[:n-2]
	}
	if n := len(w); n > 1 && w[n-1] == '\'' {
		return w[:n-1]
	}
	return w
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lowerSlow lower-cases a word with non-ASCII letters and folds the
// typographic apostrophe to ASCII.
func lowerSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '’':
			b.WriteByte('\'')
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
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
