package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// A wordClass names one list of the lexicon's `words:` section: the
// closed classes of words the stages read ("said", "according" … are
// say_verbs). The words are data, in lexicon.yaml, so that a user's
// lexicon can change them; the code only knows the class.
type wordClass uint8

// The word classes. Each has its list in lexicon.yaml under words:, by
// the name wordClassNames gives it.
const (
	wcSay wordClass = iota
	wcSpeaker
	wcSubordinator
	wcSupersede
	wcTimeFiller
	wcUpdateVerb
	wcEarlyStage
	wcPartOfDay
	wcTimeZone
	wcInclude
	wcDimensionAdjective
	wcVote
	wcLosing
	wcRemainder
	wcAnaphor
	wcToll
	wcAdminArea
	wcAbbreviation
	wcApposition
	wcNotName
	wcStanceAdverb
	wcInstitution
	wcEnglish
	wcCombatant
	wcDatedActivity
	wcWebDomain
	wcFurnitureOpener
	wcAgoUnit
	wcQuantityStarter
	wcCivilian
	wcAgeWord
	wcComplexPreposition
	wcSettlement
	wcCoordinator
	wcBeforeYear
	wcAgeAfter
	wcRecent
	wcIncrementBefore
	wcIncrementAfter
	wcPartMarker
	wcEarlyOpener
	wcEarlyAdjective
	wcReportNoun
	wcSameDayEarlier
	wcToday
	wcYearWord
	wcWeekWord
	wcOrdinalSuffix
	wcAmbiguousMonth
	wcNextWord
	wcYesterday
	wcAM
	wcPM
	wcAlone
	wcTollNoun
	wcTollModifier
	wcCountryNoun
	wcNearby
	wcRecordVerb
	wcModal
	wcJoinVerb
	wcAlongWith
	wcClauseBreak
	wcAdjectiveTrigger
	wcIdentifiedAs
	wcDeterminer
	wcNotCounted
	wcQuantityLink
	wcChange
	wcReference
	wcForecast
	wcPreposition
	wcNounStop
	wcOfDeterminer
	numWordClasses
)

// wordClassNames are the classes' keys in the lexicon's words: section.
var wordClassNames = [numWordClasses]string{
	wcSay:                "say_verbs",
	wcSpeaker:            "speaker_nouns",
	wcSubordinator:       "subordinators",
	wcSupersede:          "supersede_words",
	wcTimeFiller:         "time_fillers",
	wcUpdateVerb:         "update_verbs",
	wcEarlyStage:         "early_stages",
	wcPartOfDay:          "parts_of_day",
	wcTimeZone:           "time_zones",
	wcInclude:            "include_words",
	wcDimensionAdjective: "dimension_adjectives",
	wcVote:               "vote_words",
	wcLosing:             "losing_words",
	wcRemainder:          "remainder_words",
	wcAnaphor:            "anaphors",
	wcToll:               "toll_words",
	wcAdminArea:          "admin_areas",
	wcAbbreviation:       "abbreviations",
	wcApposition:         "apposition_words",
	wcNotName:            "not_names",
	wcStanceAdverb:       "stance_adverbs",
	wcInstitution:        "institution_words",
	wcEnglish:            "english_common_words",
	wcCombatant:          "combatant_categories",
	wcDatedActivity:      "dated_activities",
	wcWebDomain:          "web_domains",
	wcFurnitureOpener:    "furniture_openers",
	wcAgoUnit:            "ago_units",
	wcQuantityStarter:    "quantity_starters",
	wcCivilian:           "civilian_categories",
	wcAgeWord:            "age_words",
	wcComplexPreposition: "complex_prepositions",
	wcSettlement:         "settlements",
	wcCoordinator:        "coordinators",
	wcBeforeYear:         "before_year",
	wcAgeAfter:           "age_after",
	wcRecent:             "recent_words",
	wcIncrementBefore:    "increment_before",
	wcIncrementAfter:     "increment_after",
	wcPartMarker:         "part_markers",
	wcEarlyOpener:        "early_openers",
	wcEarlyAdjective:     "early_adjectives",
	wcReportNoun:         "report_nouns",
	wcSameDayEarlier:     "same_day_earlier",
	wcToday:              "today_words",
	wcYearWord:           "year_words",
	wcWeekWord:           "week_words",
	wcOrdinalSuffix:      "ordinal_suffixes",
	wcAmbiguousMonth:     "ambiguous_months",
	wcNextWord:           "next_words",
	wcYesterday:          "yesterday_words",
	wcAM:                 "am_marks",
	wcPM:                 "pm_marks",
	wcAlone:              "alone_words",
	wcTollNoun:           "toll_nouns",
	wcTollModifier:       "toll_modifiers",
	wcCountryNoun:        "country_nouns",
	wcNearby:             "nearby_words",
	wcRecordVerb:         "record_verbs",
	wcModal:              "modals",
	wcJoinVerb:           "join_verbs",
	wcAlongWith:          "along_with",
	wcClauseBreak:        "clause_breaks",
	wcAdjectiveTrigger:   "adjective_triggers",
	wcIdentifiedAs:       "identified_as",
	wcDeterminer:         "determiner_words",
	wcNotCounted:         "not_counted",
	wcQuantityLink:       "quantity_links",
	wcChange:             "change_words",
	wcReference:          "reference_words",
	wcForecast:           "forecast_words",
	wcPreposition:        "prepositions",
	wcNounStop:           "noun_stops",
	wcOfDeterminer:       "of_determiners",
}

// wordClassOf returns the class named name.
func wordClassOf(name string) (wordClass, bool) {
	i := slices.Index(wordClassNames[:], name)
	return wordClass(i), i >= 0
}

// A classSet is a set of word classes.
type classSet [(numWordClasses + 63) / 64]uint64

func (s *classSet) add(c wordClass)     { s[c/64] |= 1 << (c % 64) }
func (s classSet) has(c wordClass) bool { return s[c/64]&(1<<(c%64)) != 0 }

// vocabulary is the lexicon's word classes, indexed: each entry's
// classes (words and phrases, a phrase's words joined by one space), and
// the phrases of more than one word of each class.
type vocabulary struct {
	words   map[string]classSet
	phrases [numWordClasses][][]string // entries of more than one word
	// oddStart marks the classes with a phrase whose first word is no
	// word the scanner gives a table entry (punctuation, digits): their
	// phrases are tried at every token.
	oddStart classSet
	entries  [numWordClasses][][]string // every entry
	months   map[string]time.Month      // January's names → 1 …
	weekdays map[string]time.Weekday    // Sunday's names → 0 …
	roles    map[string]string          // "gunman" → perpetrator
	// synonyms maps a variant to its canonical word ("morgue" →
	// mortuary).
	synonyms map[string]string
	// eventExceptions: the words before or after an event word that keep
	// it from naming its event ("opened fire").
	eventExceptions map[string]eventException
}

// An eventException lists the words that, right before or right after
// an event word, keep it from naming its event.
type eventException struct {
	Before []string `yaml:"before"`
	After  []string `yaml:"after"`
}

// canonical returns the canonical word of w, or w.
func (v *vocabulary) canonical(w string) string {
	if c, ok := v.synonyms[w]; ok {
		return c
	}
	return w
}

// newVocabulary indexes the lexicon's words:, months:, weekdays: and
// roles: sections.
func newVocabulary(l *Lexicon) *vocabulary {
	v := &vocabulary{words: map[string]classSet{}, months: map[string]time.Month{}, weekdays: map[string]time.Weekday{}, roles: map[string]string{},
		synonyms: map[string]string{}, eventExceptions: l.eventExceptions}
	for _, canon := range slices.Sorted(maps.Keys(l.synonymDefs)) {
		for _, w := range l.synonymDefs[canon] {
			if _, dup := v.synonyms[strings.ToLower(w)]; !dup {
				v.synonyms[strings.ToLower(w)] = canon
			}
		}
	}
	for i, names := range l.months {
		for _, n := range names {
			v.months[strings.ToLower(n)] = time.Month(i + 1)
		}
	}
	for i, names := range l.weekdays {
		for _, n := range names {
			v.weekdays[strings.ToLower(n)] = time.Weekday(i)
		}
	}
	for _, role := range slices.Sorted(maps.Keys(l.roleDefs)) {
		for _, w := range l.roleDefs[role] {
			if _, dup := v.roles[strings.ToLower(w)]; !dup {
				v.roles[strings.ToLower(w)] = role
			}
		}
	}
	defs := l.wordDefs
	for c, name := range wordClassNames {
		for _, w := range defs[name] {
			words := splitWords(w)
			if len(words) == 0 {
				continue
			}
			// Every entry, a word or a phrase, is known whole ("news
			// conference" is a dated activity); a phrase is also matched
			// token by token (phraseOf).
			key := strings.Join(words, " ")
			s := v.words[key]
			s.add(wordClass(c))
			v.words[key] = s
			v.entries[c] = append(v.entries[c], words)
			if len(words) > 1 {
				v.phrases[c] = append(v.phrases[c], words)
			}
		}
	}
	return v
}

// in reports whether the lower-case word (or phrase) w is one of class c.
func (v *vocabulary) in(w string, c wordClass) bool {
	return v.words[w].has(c)
}

// checkWordClasses reports a class the lexicon does not define, or one
// it defines that no stage reads.
func checkWordClasses(defs map[string][]string) error {
	for _, name := range wordClassNames {
		if _, ok := defs[name]; !ok {
			return fmt.Errorf("words: no class %q", name)
		}
	}
	for name := range defs {
		if _, ok := wordClassOf(name); !ok {
			return fmt.Errorf("words: unknown class %q (known: %s)", name, strings.Join(wordClassNames[:], ", "))
		}
	}
	return nil
}

// in reports whether the lower-case word w is one of class cl.
func (x *Extractor) in(w string, cl wordClass) bool { return x.vocab.in(w, cl) }

// in reports whether the lower-case word w is one of class cl.
func (c *docCtx) in(w string, cl wordClass) bool { return c.x.vocab.in(w, cl) }

// is reports whether token k is a word of class cl (the word itself, not
// its possessive).
func (c *docCtx) is(k int, cl wordClass) bool {
	if k < 0 || k >= len(c.toks) {
		return false
	}
	return !c.toks[k].base && c.info[k].cls.has(cl)
}

// phrasesOf returns every entry of class cl as its words, in the
// lexicon's order.
func (v *vocabulary) phrasesOf(cl wordClass) [][]string { return v.entries[cl] }

// phraseOf returns the end of a phrase of class cl (one word or more)
// that starts at token k, or -1.
func (c *docCtx) phraseOf(k int, cl wordClass) int {
	if c.is(k, cl) {
		return k + 1
	}
	// Only a word that starts a phrase of the class can (matchPhrase
	// skips commas and hyphens before it, and reads a possessive as its
	// base, as the word's info does).
	j := k
	for j >= 0 && j < len(c.toks) && (c.toks[j].low == "," || c.toks[j].low == "-") {
		j++
	}
	if !c.x.vocab.oddStart.has(cl) && (j < 0 || j >= len(c.toks) || !c.info[j].starts.has(cl)) {
		return -1
	}
	for _, p := range c.x.vocab.phrases[cl] {
		if end, ok := c.matchPhrase(k, p); ok {
			return end
		}
	}
	return -1
}
