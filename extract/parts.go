package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// partitives links the part and the whole of "12 of the 20 passengers
// died", "Eleven of the council's 15 members voted for": what the clause
// goes on to say is said of the part, so the part takes the triggers
// after the whole, and the whole takes none of them.
func (c *docCtx) partitives(ms []*mention) {
	for k := 0; k+1 < len(ms); k++ {
		p, w := ms[k], ms[k+1]
		if p.kind != claims.KindCount || w.kind != claims.KindCount || c.word(p.to) != wOf ||
			w.from-p.to > 3 || c.sentOf[p.from] != c.sentOf[w.from] {
			continue
		}
		between := true
		for q := p.to + 1; q < w.from; q++ {
			if t := c.toks[q]; !c.is(q, wcOfDeterminer) && !strings.HasSuffix(t.low, "'s") {
				between = false
			}
		}
		if between {
			p.ofWhole, w.isWhole = w, true
		}
	}
}

// remainders adds the figure a text gives only by arithmetic: "16 bodies
// are in a mortuary, including one person who died in hospital - the
// others have been recovered from the building" states 15 bodies
// recovered from the building. The new mention stands on "the others"
// and takes the total's noun class; its own clause gives it a slot and
// subject like any other figure. Only exact counts are subtracted.
func (c *docCtx) remainders(ms []*mention) []*mention {
	exact := func(m *mention) bool {
		return m.kind == claims.KindCount && m.class != "" && !m.ordinal && !m.age && m.val.IsPoint() && !m.val.Approx && !m.val.Vague
	}
	var add []*mention
	for k, total := range ms {
		if k+1 >= len(ms) || !exact(total) {
			continue
		}
		part := ms[k+1]
		si := c.sentOf[total.from]
		if c.sentOf[part.from] != si || !exact(part) || part.val.Lo >= total.val.Lo || !c.partBefore(part.from, total.to) {
			continue
		}
		end := c.sents[si].to
		if k+2 < len(ms) && ms[k+2].from < end {
			end = ms[k+2].from
		}
		for q := part.to; q+1 < end; q++ {
			if c.word(q) != wThe || !c.is(q+1, wcRemainder) {
				continue
			}
			r := &mention{from: q, to: q + 2, numFrom: q, numTo: q + 2, noun: q + 1, ofTok: -1, whole: total,
				kind: claims.KindCount, unit: total.unit, class: total.class, category: total.category,
				val:     claims.Exact(total.val.Lo - part.val.Lo),
				derived: strconv.FormatFloat(total.val.Lo, 'f', -1, 64) + " - " + strconv.FormatFloat(part.val.Lo, 'f', -1, 64)}
			add = append(add, r)
			break
		}
	}
	if len(add) == 0 {
		return ms
	}
	// A remainder stands after its part.
	out := append(slices.Clip(ms), add...)
	slices.SortStableFunc(out, func(a, b *mention) int { return a.from - b.from })
	return out
}

// partBefore reports whether a phrase that introduces a part of a total
// just given (part_markers) ends right before token k and after token
// from: "…, including one person", "…, of whom seven".
func (c *docCtx) partBefore(k, from int) bool {
	for _, p := range c.x.vocab.phrasesOf(wcPartMarker) {
		if k-len(p) < from {
			continue
		}
		if _, ok := c.matchPhrase(k-len(p), p); ok {
			return true
		}
	}
	return false
}

// dropAnaphors drops a figure that only refers back to one the document
// has already stated ("those 23 flats" after "23 flats"): it is not a new
// claim.
func (c *docCtx) dropAnaphors(ms []*mention) []*mention {
	type seenKey struct {
		v     float64
		class string
	}
	seen := map[seenKey]bool{}
	out := ms[:0]
	for _, m := range ms {
		if m.kind == claims.KindCount && m.class != "" && !m.val.Vague {
			k := seenKey{m.val.Lo, m.class}
			if seen[k] && m.qual == "" && c.is(m.from-1, wcAnaphor) {
				continue
			}
			seen[k] = true
		}
		out = append(out, m)
	}
	return out
}
