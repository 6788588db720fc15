package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// Options control extraction over a set of documents.
type Options struct {
	// Date is the date relative dates ("Wednesday", "yesterday") are
	// resolved against when a document gives none of its own (ISO 8601
	// date; "" to infer it from the other documents of the story).
	Date string
	// All keeps quantities no slot claimed, with empty Slot and Subject.
	All bool
	// Release drops each document's text (claims.Document.Release) once
	// the claims of its batch are read, for a caller that will not need
	// the text again: memory then holds the claims, not the articles.
	// Claims never share memory with the text they were read from.
	Release bool
	// Warn, when set, is told, document by document in input order, of
	// what the user should know: a figure too large to hold exactly, a
	// document no claim was read from.
	Warn func(claims.Warning)
}

// Extractor reads claims from documents using a slot lexicon. It is safe
// for concurrent use.
type Extractor struct {
	lex         *Lexicon
	triggers    map[string][]trigRef // first word → triggers starting with it
	triggerWord map[string]bool      // every word of every trigger
	words       map[string]*wordInfo // what each known word is
	table       *wordTable           // words, as each token looks it up
	vocab       *vocabulary          // the lexicon's word classes
}

// wordInfo is everything the extractor asks about a word, so that a token
// costs one map lookup.
type wordInfo struct {
	word     string // the word itself
	role     string // a role word's family ("perpetrator")
	noun     *nounRef
	event    string
	activity string
	trigger  bool // a word of some trigger
	triggers []trigRef
	stances  []stancePhrase
	stop     bool // ends a noun search
	quantity bool // may start a quantity or date
	month    bool
	// Set on the word itself, not on its possessive, which info also
	// gives: test that the token is the word (wordInfo.word == token.low).
	say       bool     // one of sayVerbs
	supersede bool     // one of supersedeWords
	toll      bool     // one of tollWords
	cls       classSet // the word classes of the lexicon's words: section it is in
	starts    classSet // the classes with a phrase of several words it starts
}

var noWord = &wordInfo{}

func (x *Extractor) info(w string) *wordInfo {
	wi := x.words[w]
	if wi == nil {
		wi = &wordInfo{word: w}
		x.words[w] = wi
	}
	return wi
}

type trigRef struct {
	slot  *slotDef
	words []string
	near  bool // counts only right after the figure: "nine against"
}

// New returns an Extractor that uses lex.
func New(lex *Lexicon) *Extractor {
	x := &Extractor{lex: lex, triggers: map[string][]trigRef{}, triggerWord: map[string]bool{}, words: map[string]*wordInfo{},
		vocab: newVocabulary(lex)}
	for _, s := range lex.slots {
		for i, t := range slices.Concat(s.triggers, s.near) {
			x.triggers[t[0]] = append(x.triggers[t[0]], trigRef{slot: s, words: t, near: i >= len(s.triggers)})
			for _, w := range t {
				x.triggerWord[w] = true
				x.info(w).trigger = true
			}
		}
	}
	for w, refs := range x.triggers {
		x.info(w).triggers = refs
	}
	for w, ref := range lex.nouns {
		ref := ref
		x.info(w).noun = &ref
	}
	for w, ev := range lex.events {
		x.info(w).event = ev
	}
	for w, a := range lex.activities {
		x.info(w).activity = a
	}
	for w, ps := range lex.stances {
		x.info(w).stances = ps
	}
	for _, w := range x.vocab.phrasesOf(wcNounStop) {
		x.info(strings.Join(w, " ")).stop = true
	}
	for w := range x.vocab.quantityWords() {
		x.info(w).quantity = true
	}
	for w := range x.vocab.months {
		x.info(w).month = true
	}
	for w, r := range x.vocab.roles {
		x.info(w).role = r
	}
	for w, cls := range x.vocab.words {
		if strings.Contains(w, " ") {
			continue
		}
		wi := x.info(w)
		wi.say, wi.supersede, wi.toll = cls.has(wcSay), cls.has(wcSupersede), cls.has(wcToll)
		wi.cls = cls
	}
	for cl := range numWordClasses {
		for _, p := range x.vocab.phrases[cl] {
			x.info(p[0]).starts.add(cl)
			if r, _ := utf8.DecodeRuneInString(p[0]); !unicode.IsLetter(r) {
				x.vocab.oddStart.add(cl)
			}
		}
	}
	x.table = newWordTable(x.words)
	return x
}

// Run extracts the claims of docs, in document order, and numbers them
// c1, c2 … . Documents are read in parallel; the result does not depend on
// the number of cores. A document with no Published date whose text gives
// one (a dateline) has Published set to it.
//
// The documents of one story (claims.Document.Story) lend each other
// context: a date for those that give none, the year, the event a figure
// is about, the names behind "the gunman". Run reads the documents in
// batches of whole stories (see extractBatch), so that with
// Options.Release the text of each batch is dropped once the batch is
// read; the batches do not change what it reads.
func (x *Extractor) Run(docs []*claims.Document, opt Options) []*claims.Claim {
	out := make([][]*claims.Claim, len(docs))
	warns := make([][]claims.Warning, len(docs))
	for _, idx := range storyBatches(docs, batchDocs, batchBytes) {
		batch := make([]*claims.Document, len(idx))
		for k, i := range idx {
			batch[k] = docs[i]
		}
		cs, ws := x.extractBatch(batch, opt)
		for k := range cs {
			out[idx[k]], warns[idx[k]] = cs[k], ws[k]
		}
	}
	sendWarnings(warns, opt)
	return number(out, 0)
}

// sendWarnings hands the warnings of each document to opt.Warn, in
// document order.
func sendWarnings(warns [][]claims.Warning, opt Options) {
	if opt.Warn == nil {
		return
	}
	for _, ws := range warns {
		for _, w := range ws {
			opt.Warn(w)
		}
	}
}

// number numbers the claims of out in order, from c(n+1) on, and returns
// them in one slice.
func number(out [][]*claims.Claim, n int) []*claims.Claim {
	total := 0
	for _, cs := range out {
		total += len(cs)
	}
	all := make([]*claims.Claim, 0, total)
	id := []byte("c")
	for _, cs := range out {
		for _, cl := range cs {
			id = strconv.AppendInt(id[:1], int64(n+len(all)+1), 10)
			cl.ID = string(id)
			all = append(all, cl)
		}
	}
	return all
}
