package extract

// The head noun: what a figure counts ("59 Tomahawk cruise missiles",
// "ten of our servicemen"), or the noun an earlier figure counted.

// headNoun finds the noun a count counts after toks[j]: "59 Tomahawk
// cruise missiles", "ten of our servicemen", "two of the injured". It
// returns the token after the mention so far, or -1 when the figure is
// no count ("could reach three figures").
func (c *docCtx) headNoun(m *mention, i, j int) int {
	toks := c.toks
	k := j
	if c.word(k) == "of" {
		k++
		if c.is(k, wcOfDeterminer) {
			k++
		}
	}
	partitive := k > j
	if g, ok := groupWords[c.word(k)]; ok && partitive && c.sentOf[k] == c.sentOf[i] {
		// "two of the injured": a part of a group a toll counts
		m.noun, m.class, m.partitive, m.ofGroup, m.groupSlot = k, "person", true, true, g
		j = k + 1
	}
	if partitive && m.noun < 0 {
		// "106 of those", "23 of them": the whole named before.
		if w := c.word(k - 1); (w == "those" || w == "them" || w == "these" || w == "whom") && (k >= len(toks) || toks[k].kind != tWord || c.is(k, wcNounStop)) {
			if ref, at, ok := c.previousNoun(m.from); ok {
				m.noun, m.class, m.category, m.partitive = at, ref.class, ref.category, true
				m.ofGroup, m.refCategory = true, true // the group's slot and category are the referent's
				j = k                                 // the evidence is "seven of whom", "106 of those"
			}
		}
	}
	for steps := 0; m.noun < 0 && k < len(toks) && steps < 4; k, steps = k+1, steps+1 {
		t := toks[k]
		if c.sentOf[k] != c.sentOf[i] {
			break
		}
		if t.kind == tPunct {
			if t.low == "-" && !t.space {
				continue
			}
			break
		}
		if t.kind == tNum && partitive && k+1 < len(toks) {
			// "23 of Grenfell's 129 flats": the part counts what the
			// whole counts.
			if ref, isNoun := c.x.lex.nouns[toks[k+1].low]; isNoun {
				m.class, m.category, m.partitive = ref.class, ref.category, true
			}
			break
		}
		if t.kind != tWord {
			break
		}
		if ref, isNoun := c.x.lex.nouns[t.low]; isNoun {
			m.noun, m.class, m.category = k, ref.class, ref.category
			// A compound keeps its last noun: "59 Tomahawk cruise missiles".
			for q := k + 1; q < len(toks) && q <= k+2 && toks[q].kind == tWord; q++ {
				if r2, ok := c.x.lex.nouns[toks[q].low]; ok && r2.class == ref.class {
					m.noun, m.category = q, r2.category
					if ref.category != "" {
						m.category = ref.category
					}
				} else if c.is(q, wcNounStop) || c.x.triggerWord[toks[q].low] {
					break
				}
			}
			// "300 drones and missiles": one count of two kinds.
			if w := c.word(m.noun + 1); (w == "and" || w == "or") && m.noun+2 < len(toks) {
				if r2, ok := c.x.lex.nouns[toks[m.noun+2].low]; ok && r2.class == ref.class && r2.category != m.category {
					m.noun, m.category = m.noun+2, ""
				}
			}
			j = m.noun + 1
			m.floors = ref.class == "floor"
			m.partitive = partitive
			if g, ok := groupWords[t.low]; ok && partitive {
				m.ofGroup, m.groupSlot = true, g
			}
			break
		}
		if t.low == "figures" || t.low == "digits" {
			return -1 // "could reach three figures"
		}
		if c.is(k, wcNounStop) || c.x.triggerWord[t.low] || k > j && t.kind == tWord && isNumberWord(t.low) {
			break
		}
	}
	return j
}

// previousNoun finds the counted noun of the nearest figure before token i
// in the same or the previous sentence: what "those" in "106 of those"
// stands for.
func (c *docCtx) previousNoun(i int) (nounRef, int, bool) {
	si := c.sentOf[i]
	for k := i - 1; k >= 0 && c.sentOf[k] >= si-1; k-- {
		if c.toks[k].kind != tWord || k == 0 {
			continue
		}
		p := c.toks[k-1]
		if ref, ok := c.x.lex.nouns[c.toks[k].low]; ok && (p.kind == tNum || isNumberWord(p.low)) {
			return ref, k, true
		}
	}
	return nounRef{}, -1, false
}
