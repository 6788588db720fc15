package extract

import (
	"runtime"
	"sync"
	"weak"
)

// docHabits are what a document's own writing settles for the quantity
// parser: whether its commas are decimal ("48,3%", "1.234.567") and the
// scale its temperatures are written in when it names one.
type docHabits struct {
	// decimalComma: the document writes decimal commas (or points that
	// group thousands) more often than decimal points (or commas that
	// group thousands), and more than once; its "1,500" is then one and
	// a half ("1,000" stays a thousand: no one writes three zero
	// decimals).
	decimalComma bool
	// scale is the temperature scale the document names most often
	// outside brackets ("Celsius", "°F", "42.6C"), or nil: a bare "98
	// degrees" is in it.
	scale *unitDef
}

// habitCache holds each document's habits, computed the first time the
// parser needs them. Its keys are weak: an entry goes with its document.
var habitCache sync.Map // weak.Pointer[docCtx] → *docHabits

// habits returns c's habits, reading them from its tokens once.
func (c *docCtx) habits() *docHabits {
	k := weak.Make(c)
	if h, ok := habitCache.Load(k); ok {
		return h.(*docHabits)
	}
	h := readHabits(c.toks)
	if _, loaded := habitCache.LoadOrStore(k, h); !loaded {
		runtime.AddCleanup(c, func(k weak.Pointer[docCtx]) { habitCache.Delete(k) }, k)
	}
	return h
}

// readHabits reads a document's habits from the shapes of its figures
// and the temperature scales it names.
func readHabits(toks []token) *docHabits {
	h := &docHabits{}
	dec, pt, dotGroups := 0, 0, 0
	var cs, fs int
	depth := 0
	for i, t := range toks {
		switch t.low {
		case "(", "[":
			depth++
			continue
		case ")", "]":
			depth = max(depth-1, 0)
			continue
		}
		if t.kind == tNum {
			switch numberShape(t.low) {
			case shapeCommaDecimal:
				dec++
			case shapeDotGroups, shapeDotGroupsComma:
				dec++
				dotGroups++
			case shapeDotDecimal, shapeCommaGroups:
				pt++
			}
			continue
		}
		if depth > 0 {
			continue
		}
		var u *unitDef
		if t.kind == tWord {
			for _, p := range qt.units[t.low] {
				if p.u.dim == "temperature" && len(p.words) == 1 {
					u = p.u
				}
			}
			if l, ok := qt.scaleLetters[t.low]; ok && i > 0 && !t.space &&
				(qt.degrees[toks[i-1].low] || toks[i-1].kind == tNum && t.cap) {
				u = l
			}
			if l, ok := qt.scaleLetters[t.low]; ok && i > 0 && t.space && qt.degrees[toks[i-1].low] {
				u = l
			}
		}
		switch {
		case u == nil:
		case u.name == "degC":
			cs++
		case u.name == "degF":
			fs++
		}
	}
	// One decimal comma in a text of figures without decimals is as
	// likely a slip ("800,00 people") as a habit.
	h.decimalComma = dec > pt && (dec >= 2 || dotGroups > 0)
	switch {
	case cs > fs:
		h.scale = qt.byName["degC"]
	case fs > cs:
		h.scale = qt.byName["degF"]
	}
	return h
}
