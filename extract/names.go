package extract

// findRoles reads who a role word stands for: "the suspect, Stephen
// Paddock", "Stephen Paddock, the gunman", "gunman Stephen Paddock", "the
// gunman was identified as Stephen Paddock".
func (c *docCtx) findRoles() {
	c.roles = map[string]string{}
	for i := range c.toks {
		role := c.info[i].role
		if role == "" {
			continue
		}
		if _, done := c.roles[role]; done {
			continue
		}
		s := c.sents[c.sentOf[i]]
		// role[,] Name Name
		k := i + 1
		if c.word(k) == "," {
			k++
		}
		if name := c.nameAt(k, s.to); name != "" {
			c.roles[role] = name
			continue
		}
		// Name Name, the role
		if i >= 3 && (c.word(i-1) == wThe || c.word(i-1) == wA) && c.word(i-2) == "," {
			if name := c.nameBefore(i-2, s.from); name != "" {
				c.roles[role] = name
				continue
			}
		}
		// the role … identified as Name Name
		for q := i + 1; q+2 < s.to && q < i+10; q++ {
			if c.phraseOf(q, wcIdentifiedAs) == q+2 {
				if name := c.nameAt(q+2, s.to); name != "" {
					c.roles[role] = name
				}
				break
			}
		}
	}
}

// nameAt returns the surname of a personal name of two or more capitalised
// words starting at toks[k], or "".
func (c *docCtx) nameAt(k, end int) string {
	e := k
	for e < end && c.toks[e].kind == tWord && c.toks[e].cap && c.toks[e].nl == 0 {
		e++
	}
	if e-k < 2 {
		return ""
	}
	return properName(c.text[c.toks[e-1].start:c.toks[e-1].end])
}

// nameBefore returns the surname of a name of two or more capitalised words
// ending just before toks[k], or "".
func (c *docCtx) nameBefore(k, start int) string {
	b := k
	for b > start && c.toks[b-1].kind == tWord && c.toks[b-1].cap {
		b--
	}
	if k-b < 2 {
		return ""
	}
	return properName(c.text[c.toks[k-1].start:c.toks[k-1].end])
}
