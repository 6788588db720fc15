package rules

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// accentFold maps accented Latin letters (lower case) to their base
// letters.
var accentFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ĉ': "c", 'ċ': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ģ': "g", 'ĥ': "h", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ł': "l", 'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}

// normalize returns the form in which text values are compared: lower
// case, accents folded ("Sheikhoun" and "Sheïkhoun" are one), apostrophes
// and full stops dropped ("U.S." is "us"), any other run of punctuation or
// spaces one space, and a leading "the" dropped ("the Netherlands" is
// "netherlands"). CEL rules call it as normalize(s).
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’' || r == '.' || r == '\u00ad':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			if f, ok := accentFold[r]; ok {
				b.WriteString(f)
			} else if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		case unicode.Is(unicode.Mn, r): // a combining accent
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// textConflicts returns the pairs of claims from sources whose text values
// share nothing once normalized: for each source with text values, in
// order of first mention, its first text claim and the first text claim
// of the first-mentioned source none of whose values it gives. Each pair
// is [i, j] with i < j, listed once, sorted. Superseded claims and
// numeric claims take no part.
//
// A source may give several values (the countries that abstained); two
// sources contradict each other only when they have none in common, as
// one source may simply name fewer. Time: O(n·k/64) for n claims from k
// sources.
func textConflicts(objs []*claimObj) [][2]int {
	srcID := map[string]int{}
	var first []int      // first text claim of each source
	var values [][]int   // value ids of each source, distinct
	var holders [][]uint // for each value id, a bitset of the sources that give it
	valueID := map[string]int{}
	type pending struct{ s, v int }
	var give []pending
	for i, o := range objs {
		t := o.value().Text
		if o.Superseded || t == "" {
			continue
		}
		s, ok := srcID[o.Source]
		if !ok {
			s = len(first)
			srcID[o.Source] = s
			first = append(first, i)
			values = append(values, nil)
		}
		norm := normalize(t)
		v, ok := valueID[norm]
		if !ok {
			v = len(valueID)
			valueID[norm] = v
		}
		give = append(give, pending{s, v})
	}
	k := len(first)
	if k < 2 {
		return nil
	}
	words := (k + 63) / 64
	holders = make([][]uint, len(valueID))
	backing := make([]uint, len(valueID)*words)
	for v := range holders {
		holders[v] = backing[v*words : (v+1)*words : (v+1)*words]
	}
	for _, p := range give {
		set := holders[p.v]
		if set[p.s/64]&(1<<(p.s%64)) == 0 {
			set[p.s/64] |= 1 << (p.s % 64)
			values[p.s] = append(values[p.s], p.v)
		}
	}
	seen := map[[2]int]bool{}
	var out [][2]int
	shares := make([]uint, words)
	for a := range k {
		clear(shares)
		for _, v := range values[a] {
			for w, x := range holders[v] {
				shares[w] |= x
			}
		}
		b := -1
		for w, x := range shares {
			if free := ^x; free != 0 {
				for bit := range 64 {
					if s := w*64 + bit; s < k && free&(1<<bit) != 0 {
						b = s
						break
					}
				}
			}
			if b >= 0 {
				break
			}
		}
		if b < 0 {
			continue
		}
		p := [2]int{min(first[a], first[b]), max(first[a], first[b])}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sortPairs(out)
	return out
}

func sortPairs(ps [][2]int) {
	slices.SortFunc(ps, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
}
