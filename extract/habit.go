package extract

import (
	"runtime"
	"sync"
	"unsafe"
	"weak"
)

// docHabits are what a document's own writing settles for the quantity
// parser: whether its commas are decimal ("48,3%", "1.234.567") and the
// scale its temperatures are written in when it names one. Each is read
// from the document's tokens the first time the parser needs it.
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
	scale     *unitDef
	scaleRead bool
}

// habitCache holds each document's habits by the address of the
// document's docCtx. An entry is checked against a weak pointer to its
// docCtx (an address may be reused once a docCtx is gone) and deleted
// when its docCtx is.
var habitCache = struct {
	sync.RWMutex
	m map[uintptr]habitEntry
}{m: map[uintptr]habitEntry{}}

type habitEntry struct {
	h *docHabits
	w weak.Pointer[docCtx]
}

// habits returns c's habits, reading the decimal habit from its tokens
// the first time.
func (c *docCtx) habits() *docHabits {
	key := uintptr(unsafe.Pointer(c))
	habitCache.RLock()
	e, ok := habitCache.m[key]
	habitCache.RUnlock()
	if ok && e.w.Value() == c {
		return e.h
	}
	h := &docHabits{decimalComma: decimalHabit(c.toks)}
	habitCache.Lock()
	habitCache.m[key] = habitEntry{h, weak.Make(c)}
	habitCache.Unlock()
	runtime.AddCleanup(c, func(key uintptr) {
		habitCache.Lock()
		if e, ok := habitCache.m[key]; ok && e.w.Value() == nil {
			delete(habitCache.m, key)
		}
		habitCache.Unlock()
	}, key)
	return h
}

// temperatureScale returns the temperature scale c's document names most
// often outside brackets, or nil.
func (c *docCtx) temperatureScale() *unitDef {
	h := c.habits()
	if !h.scaleRead { // the document's own worker writes it: no lock
		h.scale, h.scaleRead = scaleHabit(c.toks), true
	}
	return h.scale
}

// decimalHabit reads whether a document's commas are decimal from the
// shapes of its figures.
func decimalHabit(toks []token) bool {
	dec, pt, dotGroups := 0, 0, 0
	for _, t := range toks {
		if t.kind != tNum {
			continue
		}
		switch numberShape(t.low) {
		case shapeCommaDecimal:
			dec++
		case shapeDotGroups, shapeDotGroupsComma:
			dec++
			dotGroups++
		case shapeDotDecimal, shapeCommaGroups:
			pt++
		}
	}
	// One decimal comma in a text of figures without decimals is as
	// likely a slip ("800,00 people") as a habit.
	return dec > pt && (dec >= 2 || dotGroups > 0)
}

// scaleHabit reads the temperature scale a document names most often
// outside brackets.
func scaleHabit(toks []token) *unitDef {
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
		if depth > 0 || t.kind != tWord || !qt.tempWords[t.low] {
			continue
		}
		var u *unitDef
		for _, p := range qt.units[t.low] {
			if p.u.dim == "temperature" && len(p.words) == 1 {
				u = p.u
			}
		}
		if l, ok := qt.scaleLetters[t.low]; ok && i > 0 && (qt.degrees[toks[i-1].low] || toks[i-1].kind == tNum && t.cap && !t.space) {
			u = l
		}
		switch {
		case u == nil:
		case u.name == "degC":
			cs++
		case u.name == "degF":
			fs++
		}
	}
	switch {
	case cs > fs:
		return qt.byName["degC"]
	case fs > cs:
		return qt.byName["degF"]
	}
	return nil
}
