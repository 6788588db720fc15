package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerRef is the plain lower-casing scanWords must match: ASCII words
// byte by byte, others rune by rune with the typographic apostrophe
// folded to ASCII.
func lowerRef(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			out := make([]rune, 0, len(s))
			for _, r := range s {
				if r == '’' {
					r = '\''
				}
				out = append(out, unicode.ToLower(r))
			}
			return string(out)
		}
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FuzzScanWords checks scanWords' lower-case forms and word lookups,
// which take shortcuts (no allocation for most words, a hash table, a
// shared string for unknown capitalised words), against the plain
// definitions: each word's low is lowerRef of its text and its info is
// the lexicon's entry for low, or for low without a possessive ending,
// or noWord; the other tokens' low is their text.
func FuzzScanWords(f *testing.F) {
	lex, err := DefaultLexicon()
	if err != nil {
		f.Fatal(err)
	}
	x := New(lex)
	files, _ := filepath.Glob("../testdata/gold/*/*.txt")
	for _, p := range files[:min(len(files), 6)] {
		b, _ := os.ReadFile(p)
		f.Add(string(b))
	}
	for _, s := range []string{"Russia’s KILLED The GOVERNOR’S said", "İstanbul ǅemal ÉTATS-UNIS Über", "DON'T Won't x'", "AbCdEfGhIjKlMnOpQrSt said's Said"} {
		f.Add(s)
	}
	buf := &scanBuf{}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		toks, info := scanWords(text, x.table, buf)
		if len(info) != len(toks) {
			t.Fatalf("%d tokens, %d infos", len(toks), len(info))
		}
		for k, tok := range toks {
			raw := text[tok.start:tok.end]
			if tok.kind != tWord {
				if tok.low != raw || info[k] != noWord {
					t.Fatalf("token %q: low %q, info %v", raw, tok.low, info[k].word)
				}
				continue
			}
			if want := lowerRef(raw); tok.low != want {
				t.Fatalf("word %q: low %q, want %q", raw, tok.low, want)
			}
			want := x.words[tok.low]
			if want == nil {
				if b := base(tok.low); b != tok.low {
					want = x.words[b]
				}
			}
			if want == nil {
				want = noWord
			}
			if info[k] != want {
				t.Fatalf("word %q: info %q, want %q", raw, info[k].word, want.word)
			}
		}
	})
}
