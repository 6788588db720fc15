package extract

import (
	_ "embed"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/yamlfile"
)

//go:embed lexicon.yaml
var builtinLexicon []byte

// A Lexicon is the slot vocabulary: the classes of counted nouns, the
// events and activities figures are about, and the slots with their
// trigger words. Load it with DefaultLexicon and extend it with
// LoadLexicon; the format is documented in lexicon.yaml.
type Lexicon struct {
	nouns           map[string]nounRef // word → class and category
	events          map[string]string  // word → incident name
	generic         map[string]bool    // incident names that defer to the story's main event
	activities      map[string]string  // word → activity name
	slots           []*slotDef
	maxTrigger      int                       // longest trigger, in words
	stances         map[string][]stancePhrase // first word → phrases
	identifier      map[string]bool           // words after which a number is a name
	catchAll        string                    // class of nouns no class names
	stanceDefs      map[string]map[string][]string
	wordDefs        map[string][]string       // words: class → words and phrases
	months          [][]string                // months: each month's names, January first
	weekdays        [][]string                // weekdays: each day's names, Sunday first
	roleDefs        map[string][]string       // roles: role → words naming it
	synonymDefs     map[string][]string       // synonyms: canonical → variants
	eventExceptions map[string]eventException // event_exceptions: event word → words around it

	// raw definitions, kept so that a user file can override by name
	classes   map[string]map[string][]string
	eventDefs map[string][]string
	actDefs   map[string][]string
	slotDefs  map[string]*slotDef
	order     []string
}

type nounRef struct{ class, category string }

type stancePhrase struct {
	slot, value string
	words       []string
}

// byKind reports whether the slot takes a figure by its kind alone: it
// has no trigger and counts no noun ("money_amount", "duration").
func (s *slotDef) byKind() bool {
	return len(s.triggers) == 0 && len(s.counts) == 0 && len(s.strong) == 0 && len(s.near) == 0
}

type slotDef struct {
	name     string
	kind     claims.Kind
	unit     string
	units    []string
	counts   []string
	bare     bool
	ordinals bool
	subject  []string
	triggers [][]string
	rename   map[string]string // subject → slot name to use instead
	strong   [][]string        // triggers that win wherever they stand
	headTrig map[string]bool   // triggers that count only as the figure's own noun
	weak     bool              // yields to any other slot triggered in the clause
	cats     []catPhrase       // clause phrases that set the category
	catFirst map[string]bool   // the first words of cats
	// uncompared lists categories whose figures are read but not
	// compared: one of many ("aftershocks including a 5.5-magnitude
	// quake") is no fact the sources share.
	uncompared []string
	near       [][]string // triggers that count only right after the figure
}

type catPhrase struct {
	category string
	words    []string
}

// lexFile is the YAML shape of a lexicon file.
type lexFile struct {
	Version     int                            `yaml:"version"`
	Nouns       map[string]map[string][]string `yaml:"nouns"`
	Events      map[string][]string            `yaml:"events"`
	Generic     []string                       `yaml:"generic_events"`
	Activities  map[string][]string            `yaml:"activities"`
	Stances     map[string]map[string][]string `yaml:"stances"`
	Identifiers []string                       `yaml:"identifiers"`
	CatchAll    string                         `yaml:"catch_all"`
	Words       map[string][]string            `yaml:"words"`
	Months      [][]string                     `yaml:"months"`
	Weekdays    [][]string                     `yaml:"weekdays"`
	Roles       map[string][]string            `yaml:"roles"`
	Synonyms    map[string][]string            `yaml:"synonyms"`
	EventExc    map[string]eventException      `yaml:"event_exceptions"`
	Slots       yaml.Node                      `yaml:"slots"`
}

type slotYAML struct {
	Kind       string                `yaml:"kind"`
	Unit       string                `yaml:"unit"`
	Units      []string              `yaml:"units"`
	Counts     []string              `yaml:"counts"`
	Bare       bool                  `yaml:"bare"`
	Ordinals   bool                  `yaml:"ordinals"`
	Ordinal    bool                  `yaml:"ordinal"`
	Subject    []string              `yaml:"subject"`
	Triggers   []string              `yaml:"triggers"`
	HeadTrig   []string              `yaml:"head_triggers"`
	Weak       bool                  `yaml:"weak"`
	Strong     []string              `yaml:"strong"`
	Categories []map[string][]string `yaml:"categories"`
	Rename     map[string]string     `yaml:"rename"`
	Uncompared []string              `yaml:"uncompared"`
	Near       []string              `yaml:"near"`
}

// LexiconError is a problem in a lexicon file, with its position.
type LexiconError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *LexiconError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var validKinds = map[claims.Kind]bool{
	claims.KindCount: true, claims.KindMoney: true, claims.KindDuration: true, claims.KindDate: true,
	claims.KindTime: true, claims.KindPercent: true, claims.KindMeasure: true, claims.KindOrdinal: true,
	claims.KindText: true,
}

// The parts a slot's subject is made of (the lexicon's subject: lists).
const (
	partEvent    = "event"
	partCategory = "category"
	partActor    = "actor"
	partPerson   = "person"
	partActivity = "activity"
	partPast     = "past"
	partLocation = "location"
	partPlace    = "place"
	partContext  = "context"
	partFallback = "fallback"
)

var validSubjects = map[string]bool{
	partEvent: true, partCategory: true, partActor: true, partPerson: true, partActivity: true,
	partPast: true, partLocation: true, partPlace: true, partContext: true, partFallback: true,
}

// Names the stages give or read that stand for lexicon data: the noun
// class of people, the activity of saying, the category of a part.
const (
	personClass       = "person"
	activityStatement = "statement"
	labelIncluded     = "included"
	unitYears         = "years"
	slotAge           = "age"
	openSlotName      = "count"
)

// DefaultLexicon returns the built-in lexicon.
func DefaultLexicon() (*Lexicon, error) {
	l := &Lexicon{
		classes:   map[string]map[string][]string{},
		eventDefs: map[string][]string{},
		actDefs:   map[string][]string{},
		slotDefs:  map[string]*slotDef{},
		generic:   map[string]bool{},
		wordDefs:  map[string][]string{},
	}
	if err := l.merge("lexicon.yaml (built in)", builtinLexicon); err != nil {
		return nil, err
	}
	if err := checkWordClasses(l.wordDefs); err != nil {
		return nil, &LexiconError{File: "lexicon.yaml (built in)", Msg: err.Error()}
	}
	return l, nil
}

// LoadLexicon returns base extended with the YAML lexicon file at path: its
// noun classes, events, activities and slots are added, and those with a
// name base already has replace base's. base is not changed.
func LoadLexicon(base *Lexicon, path string) (*Lexicon, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	l := base.clone()
	if err := l.merge(path, data); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Lexicon) clone() *Lexicon {
	c := &Lexicon{
		classes:         cloneMap(l.classes),
		eventDefs:       cloneMap(l.eventDefs),
		actDefs:         cloneMap(l.actDefs),
		slotDefs:        cloneMap(l.slotDefs),
		generic:         cloneMap(l.generic),
		order:           append([]string(nil), l.order...),
		identifier:      cloneMap(l.identifier),
		catchAll:        l.catchAll,
		stanceDefs:      cloneMap(l.stanceDefs),
		wordDefs:        cloneMap(l.wordDefs),
		months:          l.months,
		weekdays:        l.weekdays,
		roleDefs:        cloneMap(l.roleDefs),
		synonymDefs:     cloneMap(l.synonymDefs),
		eventExceptions: cloneMap(l.eventExceptions),
	}
	c.index()
	return c
}

// cloneMap copies m (never nil, so the copy can be written to).
func cloneMap[K comparable, V any](m map[K]V) map[K]V {
	c := make(map[K]V, len(m))
	maps.Copy(c, m)
	return c
}

func (l *Lexicon) merge(file string, data []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return yamlError(file, err)
	}
	if len(root.Content) == 0 {
		return &LexiconError{File: file, Msg: "empty lexicon"}
	}
	var f lexFile
	dec := root.Content[0]
	if err := checkKeys(file, dec, yamlKeys(lexFile{})...); err != nil {
		return err
	}
	if n := mapValue(dec, "words"); n != nil && n.Kind != yaml.MappingNode {
		return &LexiconError{File: file, Line: n.Line, Col: n.Column, Msg: "words: want a mapping of class names to lists of words"}
	}
	if err := dec.Decode(&f); err != nil {
		return yamlError(file, err)
	}
	if f.Version != 1 {
		line, col := keyPos(dec, "version")
		return &LexiconError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("unsupported lexicon version %d (want 1)", f.Version)}
	}
	for class, cats := range f.Nouns {
		l.classes[class] = cats
	}
	for ev, words := range f.Events {
		l.eventDefs[ev] = words
	}
	for _, g := range f.Generic {
		l.generic[g] = true
	}
	for a, words := range f.Activities {
		l.actDefs[a] = words
	}
	if f.CatchAll != "" {
		l.catchAll = f.CatchAll
	}
	for _, w := range f.Identifiers {
		if l.identifier == nil {
			l.identifier = map[string]bool{}
		}
		l.identifier[strings.ToLower(w)] = true
	}
	if f.Months != nil {
		if len(f.Months) != 12 {
			line, col := keyPos(dec, "months")
			return &LexiconError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("months: want 12 lists of names, January first; have %d", len(f.Months))}
		}
		l.months = f.Months
	}
	if f.Weekdays != nil {
		if len(f.Weekdays) != 7 {
			line, col := keyPos(dec, "weekdays")
			return &LexiconError{File: file, Line: line, Col: col, Msg: fmt.Sprintf("weekdays: want 7 lists of names, Sunday first; have %d", len(f.Weekdays))}
		}
		l.weekdays = f.Weekdays
	}
	for canon, words := range f.Synonyms {
		if l.synonymDefs == nil {
			l.synonymDefs = map[string][]string{}
		}
		l.synonymDefs[canon] = words
	}
	for w, ex := range f.EventExc {
		if l.eventExceptions == nil {
			l.eventExceptions = map[string]eventException{}
		}
		l.eventExceptions[strings.ToLower(w)] = ex
	}
	for role, words := range f.Roles {
		if l.roleDefs == nil {
			l.roleDefs = map[string][]string{}
		}
		l.roleDefs[role] = words
	}
	if n := mapValue(dec, "words"); n != nil {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if _, ok := wordClassOf(k.Value); !ok {
				return &LexiconError{File: file, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("words: unknown class %q (known: %s)", k.Value, strings.Join(wordClassNames[:], ", "))}
			}
			l.wordDefs[k.Value] = f.Words[k.Value]
		}
	}
	for slot, values := range f.Stances {
		if l.stanceDefs == nil {
			l.stanceDefs = map[string]map[string][]string{}
		}
		l.stanceDefs[slot] = values
	}
	if f.Slots.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(f.Slots.Content); i += 2 {
			k, v := f.Slots.Content[i], f.Slots.Content[i+1]
			if err := checkKeys(file, v, yamlKeys(slotYAML{})...); err != nil {
				return err
			}
			var sy slotYAML
			if err := v.Decode(&sy); err != nil {
				return yamlError(file, err)
			}
			d := &slotDef{name: k.Value, kind: claims.Kind(sy.Kind), unit: sy.Unit, units: sy.Units,
				counts: sy.Counts, bare: sy.Bare, ordinals: sy.Ordinals || sy.Ordinal, subject: sy.Subject, rename: sy.Rename, weak: sy.Weak,
				uncompared: sy.Uncompared}
			if sy.Ordinal {
				d.kind = claims.KindOrdinal
			}
			if !validKinds[d.kind] {
				return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: unknown kind %q", k.Value, sy.Kind)}
			}
			for _, s := range sy.Subject {
				if !validSubjects[s] {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: unknown subject part %q", k.Value, s)}
				}
			}
			for _, c := range sy.Counts {
				if _, ok := l.classes[c]; !ok {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: unknown noun class %q", k.Value, c)}
				}
			}
			for _, t := range sy.Triggers {
				words := splitWords(t)
				if len(words) == 0 {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: empty trigger", k.Value)}
				}
				d.triggers = append(d.triggers, words)
			}
			for _, t := range sy.Near {
				words := splitWords(t)
				if len(words) == 0 {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: empty near trigger", k.Value)}
				}
				d.near = append(d.near, words)
			}
			for _, t := range sy.HeadTrig {
				if d.headTrig == nil {
					d.headTrig = map[string]bool{}
				}
				d.headTrig[strings.ToLower(t)] = true
			}
			for _, t := range sy.Strong {
				words := splitWords(t)
				if len(words) == 0 {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: empty strong trigger", k.Value)}
				}
				d.strong = append(d.strong, words)
			}
			for _, entry := range sy.Categories {
				if len(entry) != 1 {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: each categories entry names one category", k.Value)}
				}
				for cat, phrases := range entry {
					for _, t := range phrases {
						if words := splitWords(t); len(words) > 0 {
							d.cats = append(d.cats, catPhrase{category: cat, words: words})
							if d.catFirst == nil {
								d.catFirst = map[string]bool{}
							}
							d.catFirst[words[0]] = true
						}
					}
				}
			}
			for _, u := range sy.Uncompared {
				if !slices.ContainsFunc(d.cats, func(c catPhrase) bool { return c.category == u }) {
					return &LexiconError{File: file, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("slot %s: uncompared category %q is not one of its categories", k.Value, u)}
				}
			}
			if _, ok := l.slotDefs[d.name]; !ok {
				l.order = append(l.order, d.name)
			}
			l.slotDefs[d.name] = d
		}
	}
	l.index()
	return nil
}

// index rebuilds the lookup tables from the definitions.
func (l *Lexicon) index() {
	l.nouns = map[string]nounRef{}
	classes := make([]string, 0, len(l.classes))
	for c := range l.classes {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		for cat, words := range l.classes[c] {
			for _, w := range words {
				w = strings.ToLower(w)
				if strings.Contains(w, "_") {
					continue
				}
				if _, dup := l.nouns[w]; !dup {
					l.nouns[w] = nounRef{class: c, category: cat}
				}
			}
		}
	}
	l.stances = map[string][]stancePhrase{}
	slotNames := make([]string, 0, len(l.stanceDefs))
	for slot := range l.stanceDefs {
		slotNames = append(slotNames, slot)
	}
	sort.Strings(slotNames)
	for _, slot := range slotNames {
		values := make([]string, 0, len(l.stanceDefs[slot]))
		for v := range l.stanceDefs[slot] {
			values = append(values, v)
		}
		sort.Strings(values)
		for _, v := range values {
			for _, p := range l.stanceDefs[slot][v] {
				if words := splitWords(p); len(words) > 0 {
					l.stances[words[0]] = append(l.stances[words[0]], stancePhrase{slot: slot, value: v, words: words})
				}
			}
		}
	}
	l.events = wordIndex(l.eventDefs)
	l.activities = wordIndex(l.actDefs)
	l.slots = l.slots[:0]
	l.maxTrigger = 1
	for _, name := range l.order {
		d := l.slotDefs[name]
		l.slots = append(l.slots, d)
		for _, t := range d.triggers {
			if len(t) > l.maxTrigger {
				l.maxTrigger = len(t)
			}
		}
	}
}

func wordIndex(defs map[string][]string) map[string]string {
	names := make([]string, 0, len(defs))
	for n := range defs {
		names = append(names, n)
	}
	sort.Strings(names)
	idx := map[string]string{}
	for _, n := range names {
		for _, w := range defs[n] {
			w = strings.ToLower(w)
			if _, dup := idx[w]; !dup {
				idx[w] = n
			}
		}
	}
	return idx
}

// splitWords splits a trigger phrase into lower-cased words at spaces and
// hyphens, as the scanner does.
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' })
}

// yamlKeys returns the keys a YAML shape (a struct with yaml tags) reads.
func yamlKeys(shape any) []string {
	t := reflect.TypeOf(shape)
	keys := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

func checkKeys(file string, n *yaml.Node, allowed ...string) error {
	if n.Kind != yaml.MappingNode {
		return &LexiconError{File: file, Line: n.Line, Col: n.Column, Msg: "expected a mapping"}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		ok := false
		for _, a := range allowed {
			if k.Value == a {
				ok = true
			}
		}
		if !ok {
			return &LexiconError{File: file, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown key %q", k.Value)}
		}
	}
	return nil
}

// mapValue returns the value of key in mapping n, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func keyPos(n *yaml.Node, key string) (int, int) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1].Line, n.Content[i+1].Column
		}
	}
	return n.Line, n.Column
}

// yamlError turns a yaml.v3 error ("yaml: line 4: …") into a LexiconError.
func yamlError(file string, err error) error {
	e := yamlfile.Syntax(err)
	if e.Line > 0 {
		return &LexiconError{File: file, Line: e.Line, Col: 1, Msg: e.Msg}
	}
	return &LexiconError{File: file, Msg: e.Msg}
}
