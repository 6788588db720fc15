package claims

import (
	"cmp"
	"slices"
)

// A Claim is one statement of a fact by one source.
type Claim struct {
	// ID is unique within a run ("c1", "c2" …), assigned in input order.
	ID string
	// Source is the Document.Source the claim was read from.
	Source string
	// Story is the Document.Story of that source.
	Story string
	// Kind says what sort of value the claim states.
	Kind Kind
	// Slot says what is stated (death_toll, missile_count …); empty for a
	// quantity the parser read that no slot claimed.
	Slot string
	// Subject says whose or which one (the chemical attack, Russia …).
	Subject string
	// Value is the stated value.
	Value Value
	// Unit is the normalised unit: people, missiles, s, m, USD, percent …
	Unit string
	// Text is the evidence, exactly as it stands in the source.
	Text string
	// Span locates Text in the source's original bytes.
	Span Span
	// Sentence is the sentence the claim was read from.
	Sentence string
	// Qualifier is the hedge or bound as written ("more than", "about"), or "".
	Qualifier string
	// Attribution names who the text says gave the figure, when it says.
	Attribution string
	// Published is the source's publication date (ISO 8601) when known.
	Published string
	// Offset is the claim's byte offset in the analysed text; it orders the
	// claims of one source.
	Offset int
	// Superseded marks a figure the text itself calls earlier or replaced
	// ("initial reports put the toll at 20").
	Superseded bool
	// Derived says how a figure the text states only by arithmetic was
	// worked out ("16 - 1": "16 bodies, including one who died in
	// hospital; the others were recovered from the building"). Text is
	// then the words that stand for it ("the others").
	Derived string
	// AsOf is the day (ISO 8601) the text says a running figure was given
	// for ("the toll rose to 41 on Friday", "as of Tuesday"), or "".
	AsOf string
	// Frame says what the figure is of: its measure, what it counts,
	// whose it is, its role, event, place and time.
	Frame Frame
}

// Key is the grouping key of a claim: claims are comparable only when their
// story, slot and subject agree.
type Key struct {
	Story, Slot, Subject string
}

// KeyOf returns c's grouping key.
func KeyOf(c *Claim) Key { return Key{Story: c.Story, Slot: c.Slot, Subject: c.Subject} }

// A Group is a set of comparable claims: claims that state one fact, in
// one story.
type Group struct {
	Key
	// Kind and Unit are those of the group's first claim.
	Kind   Kind
	Unit   string
	Claims []*Claim
	// Confidence is how sure the grouping is that the claims state one
	// fact, from 0 to 1; GroupClaims, which groups by equal keys, gives 1.
	Confidence float64
}

// Sources returns the distinct sources of g's claims in order of appearance.
func (g *Group) Sources() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range g.Claims {
		if !seen[c.Source] {
			seen[c.Source] = true
			out = append(out, c.Source)
		}
	}
	return out
}

// GroupClaims groups the slotted claims of cs by KeyOf. Claims with no slot
// are left out. Groups are ordered by story, slot and subject; claims keep
// their order in cs.
func GroupClaims(cs []*Claim) []*Group {
	byKey := map[Key]*Group{}
	var groups []*Group
	for _, c := range cs {
		if c.Slot == "" {
			continue
		}
		k := KeyOf(c)
		g := byKey[k]
		if g == nil {
			g = &Group{Key: k, Kind: c.Kind, Unit: c.Unit, Confidence: 1}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.Claims = append(g.Claims, c)
	}
	slices.SortStableFunc(groups, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(a.Story, b.Story), cmp.Compare(a.Slot, b.Slot), cmp.Compare(a.Subject, b.Subject))
	})
	return groups
}
