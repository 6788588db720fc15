package extract

import (
	"sync"
	"time"

	"github.com/factcheck/factcheck/claims"
)

// docCtx is one document being read.
type docCtx struct {
	warnings   []claims.Warning // what the user should know of the document
	x          *Extractor
	doc        *claims.Document
	text       string
	toks       []token
	sents      []sentence
	sentOf     []int32     // token → sentence
	info       []*wordInfo // token → what the word is (noWord for others)
	sentText   map[int]string
	skip       []bool // page furniture, URLs, phone numbers
	anchor     time.Time
	own        bool // anchor is the document's own date
	borrowed   bool // anchor came from the story or --date
	yearHint   int
	eventCount map[string]int
	mainEvent  string
	storyEvent string
	inMention  []mark            // tokens that belong to a quantity or date
	breakdown  bool              // the story counts civilians apart from combatants
	roles      map[string]string // role ("perpetrator") → surname the text gives it
	storyRoles map[string]string
	// askedEvent, askedBreakdown and askedRoles record that extract
	// read storyEvent, breakdown or storyRoles.
	askedEvent, askedBreakdown, askedRoles bool
	storyDated                             bool // anchor is the story's date
	scratch                                *scratch
	latest                                 time.Time       // the latest full date of the document, or its own date
	dateline                               int             // token of the dateline's date, or -1
	datelineDay                            bool            // the anchor is the dateline's day in the story's year
	regionsNamed                           []string        // regions the document gives tolls for
	regional                               bool            // the story gives tolls for two regions or more
	askedRegional                          bool            // extract read regional
	midCaps                                map[string]bool // words capitalised inside a sentence (properPlace)
	words, english                         int             // the words scanned, and the common English ones
}

// scratch holds the per-token slices of a docCtx, reused from one
// document to the next.
type scratch struct {
	scan      scanBuf
	sentOf    []int32
	skip      []bool
	inMention []mark
	sents     []sentence
	draft     claims.Claim // the claim claim builds
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grow returns s[:n], zeroed, reusing its memory when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// free hands c's per-token slices back for the next document; c is not
// used again.
func (c *docCtx) free() {
	s := c.scratch
	if s == nil {
		return
	}
	s.sentOf, s.skip, s.inMention, s.sents = c.sentOf[:0], c.skip[:0], c.inMention[:0], c.sents[:0]
	s.draft = claims.Claim{} // it holds strings of the document's text
	*c = docCtx{}
	scratchPool.Put(s)
}

func (x *Extractor) prepare(doc *claims.Document) *docCtx {
	s := scratchPool.Get().(*scratch)
	c := &docCtx{x: x, doc: doc, text: doc.Text, scratch: s}
	c.toks, c.info = scanWords(c.text, x.table, &s.scan)
	c.words, c.english = s.scan.words, s.scan.english
	c.sents = x.vocab.appendSentences(s.sents[:0], c.text, c.toks)
	c.sentOf = grow(s.sentOf, len(c.toks))
	for si, s := range c.sents {
		for k := s.from; k < s.to; k++ {
			c.sentOf[k] = int32(si)
		}
	}
	c.markFurniture()
	c.findDate()
	c.countEvents()
	c.findRoles()
	c.regionsNamed = c.namedRegions()
	return c
}
