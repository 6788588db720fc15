package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// About says in words what a figure of frame f is about, for an editor:
//
//	the death toll of the chemical attack      slot death_toll, Event "the chemical attack"
//	Macron's share of the vote                 Dimension percent, Counts "vote", Owner "Macron"
//	the player's wage, per week, after tax     Counts "wage", Owner "the player", Per "week", Basis "net"
//	the number of Russia's vetoes              Dimension count, Counts "veto", Owner "Russia"
//	an estimate of the crowd size in Washington
//
// What is measured is f.Counts ("the number of" its plural for a count,
// "share of the" it for a percentage), or the slot's name in words when
// the frame does not say; whose it is, f.Owner; then its role, event,
// place, time, the rate's period and whether before or after tax. A
// frame that names no owner, event or place falls back on the subject:
// "the death toll of the strike (soldiers)" for slot death_toll and
// subject "strike: soldiers".
func (f Frame) About(slot, subject string) string {
	if f.Empty() {
		return keyWords(slot, subject)
	}
	what := f.Counts
	named := f.Dimension == "count" && slot != "" && slot != "count" // a slot of the lexicon says more: "the death toll"
	switch {
	case what == "" || named:
		what = strings.ReplaceAll(slot, "_", " ")
	case f.Dimension == "count":
		what = plural(what)
	case f.Dimension == "percent":
		what = "share of the " + what
	}
	var s string
	switch {
	case named:
		// A slot of the lexicon and its subject say what it counts and of
		// what event: "the death toll of the strike (civilians)".
		s = keyWords(slot, subject)
	case f.Counts != "" && f.Dimension == "count" && !named:
		s = "the number of "
		if f.Owner != "" {
			s += possessive(f.Owner) + " "
		}
		s += what
	case f.Owner != "":
		s = possessive(f.Owner) + " " + what
	case what != "":
		s = "the " + what
	}
	switch f.Role {
	case RolePart:
		of := f.PartOf
		if of == "" {
			of = "a larger total"
		}
		s += ", part of " + of
	case RoleIncrement:
		s = "an addition to " + s
	case RoleChange:
		s = "the change in " + s
	case RoleReference:
		s = "an earlier figure for " + s
	case RoleForecast:
		s = "a forecast of " + s
	case RoleEstimate:
		s = "an estimate of " + s
	}
	if f.Event != "" && !named && !strings.Contains(" "+s+" ", " "+f.Event+" ") { // not "the share of the vote in the vote"
		prep := " of "
		if strings.Contains(s, " of ") {
			prep = " in "
		}
		s += prep + withArticle(f.Event)
	}
	if f.Place != "" && !named {
		s += " in " + f.Place
	}
	if f.Owner == "" && f.Event == "" && f.Place == "" && subject != "" && !named && subject != f.Counts { // an open slot's subject is what it counts
		if s == "" {
			s = subject
		} else {
			s += subjectWords(subject)
		}
	}
	if f.Time != "" {
		if _, layout, ok := parseDate(f.Time); ok && layout == "2006-01-02" {
			s += " on " + FormatDate(f.Time)
		} else {
			s += " in " + FormatDate(f.Time)
		}
	}
	if f.Per != "" {
		s += ", per " + f.Per
	}
	switch f.Basis {
	case "net":
		s += ", after tax"
	case "gross":
		s += ", before tax"
	}
	return strings.TrimSpace(s)
}

// About says in words what c's figure is about: c.Frame.About(c.Slot,
// c.Subject).
func (c *Claim) About() string { return c.Frame.About(c.Slot, c.Subject) }

// CommonFrame returns the parts of the frames of cs that they state
// alike: a part is kept when every claim that states it states the same
// and at least half of the claims state it, so that one claim's reading
// does not name the group; it is left empty when two of them differ or
// few state it.
func CommonFrame(cs []*Claim) Frame {
	first := -1
	for i, c := range cs {
		if !c.Frame.Empty() {
			first = i
			break
		}
	}
	if first < 0 {
		return Frame{} // the common case while extraction fills no frame
	}
	cs = cs[first:]
	var out Frame
	var differ [frameParts]bool
	var stated [frameParts]int
	common := out.parts()
	for _, c := range cs {
		if c.Frame.Empty() {
			continue
		}
		for i, p := range c.Frame.parts() {
			if *p != "" {
				stated[i]++
			}
			switch {
			case *p == "" || differ[i]:
			case *common[i] == "":
				*common[i] = *p
			case *common[i] != *p:
				differ[i] = true
			}
		}
	}
	for i, p := range out.parts() {
		if differ[i] || 2*stated[i] < len(cs) {
			*p = ""
		}
	}
	return out
}

const frameParts = 12

// parts returns pointers to f's parts, in declaration order.
func (f *Frame) parts() [frameParts]*string {
	return [frameParts]*string{&f.Dimension, &f.Unit, &f.Currency, &f.Per, &f.Basis, &f.Counts,
		&f.Owner, &f.Role, &f.PartOf, &f.Event, &f.Place, &f.Time}
}

// keyWords writes what a figure is about from its slot and subject
// alone, in one allocation (a report names every group): "the death toll
// of the chemical attack".
func keyWords(slot, subject string) string {
	if slot == "" {
		return subject
	}
	var b strings.Builder
	b.Grow(len(slot) + len(subject) + 16)
	b.WriteString("the ")
	for i := range len(slot) {
		if slot[i] == '_' {
			b.WriteByte(' ')
		} else {
			b.WriteByte(slot[i])
		}
	}
	if subject != "" {
		writeSubject(&b, subject)
	}
	return b.String()
}

// subjectWords writes a subject after what it qualifies: " of the
// chemical attack", " of Russia", " of the strike (soldiers)" for
// "strike: soldiers", " (earlier report)".
func subjectWords(subject string) string {
	var b strings.Builder
	writeSubject(&b, subject)
	return b.String()
}

func writeSubject(b *strings.Builder, subject string) {
	if strings.HasPrefix(subject, "(") {
		b.WriteString(" ")
		b.WriteString(subject)
		return
	}
	head, cat, isCat := strings.Cut(subject, ": ")
	b.WriteString(" of ")
	if needsArticle(head) {
		b.WriteString("the ")
	}
	b.WriteString(head)
	if isCat {
		b.WriteString(" (")
		b.WriteString(cat)
		b.WriteString(")")
	}
}

// determiners are the words that make a noun phrase definite or
// indefinite already.
var determiners = []string{"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}

// withArticle puts "the" before a common noun phrase ("chemical attack"),
// not before a name ("Russia") or a phrase that has a determiner.
func withArticle(s string) string {
	if needsArticle(s) {
		return "the " + s
	}
	return s
}

// needsArticle reports whether s is a common noun phrase without a
// determiner: it starts with a lower-case letter and not with one of
// determiners.
func needsArticle(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return false
	}
	first, _, _ := strings.Cut(s, " ")
	for _, d := range determiners {
		if first == d {
			return false
		}
	}
	return true
}

// possessive writes an owner's possessive: "Russia's", "the player's",
// "Paris's" (a name ending in s takes 's, as most newspapers write it).
func possessive(owner string) string {
	if strings.HasSuffix(owner, "'s") || strings.HasSuffix(owner, "’s") {
		return owner
	}
	return owner + "'s"
}

// irregularPlurals are the plurals English does not form with -s or -es,
// of nouns a figure commonly counts.
var irregularPlurals = map[string]string{
	"person": "people", "child": "children", "man": "men", "woman": "women", "veto": "vetoes", "hero": "heroes",
}

// plural writes the plural of a noun phrase given as a lemma
// ("registered voter", "cruise missile"); a phrase that already ends in s
// is taken to be plural.
func plural(lemma string) string {
	i := strings.LastIndexByte(lemma, ' ') + 1
	head, last := lemma[:i], lemma[i:]
	if p, ok := irregularPlurals[last]; ok {
		return head + p
	}
	for _, p := range irregularPlurals {
		if last == p {
			return lemma
		}
	}
	switch {
	case last == "" || strings.HasSuffix(last, "s"):
		return lemma
	case strings.HasSuffix(last, "x") || strings.HasSuffix(last, "z") ||
		strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		return lemma + "es"
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		return lemma[:len(lemma)-1] + "ies"
	}
	return lemma + "s"
}
