package extract

import (
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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
	say       bool // one of sayVerbs
	supersede bool // one of supersedeWords
	toll      bool // one of tollWords
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
	x := &Extractor{lex: lex, triggers: map[string][]trigRef{}, triggerWord: map[string]bool{}, words: map[string]*wordInfo{}}
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
	for w := range stopNoun {
		x.info(w).stop = true
	}
	for w := range quantityWord {
		x.info(w).quantity = true
	}
	for w := range monthNames {
		x.info(w).month = true
	}
	for w, r := range roleWords {
		x.info(w).role = r
	}
	for w := range sayVerbs {
		x.info(w).say = true
	}
	for w := range supersedeWords {
		x.info(w).supersede = true
	}
	for w := range tollWords {
		x.info(w).toll = true
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

// extractBatch reads the claims of docs, taking story context from docs
// alone, and returns each document's claims, not yet numbered.
//
// A document is read in two steps: prepare (tokens, sentences, its own
// date, events and names), then extract, which may use the story's
// context: the story's latest date for a document without one, the
// story's latest year, its main event, whether it counts civilians apart
// from soldiers, the names behind "the gunman". Holding every document's
// tokens until the whole story is prepared would take some ten times the
// text in memory, so each document is extracted as soon as it is
// prepared, with the context of the story's documents prepared so far,
// and its working state reused for the next one. What the reading used
// of that context is recorded; once the batch is done, a document whose
// reading used a value the complete story does not give is read again
// with the complete context. The claims are those of reading every
// document with its story complete, whatever the order the workers took.
func (x *Extractor) extractBatch(docs []*claims.Document, opt Options) ([][]*claims.Claim, [][]claims.Warning) {
	out := make([][]*claims.Claim, len(docs))
	warns := make([][]claims.Warning, len(docs))
	used := make([]usedContext, len(docs))
	fallback, _ := parseAnchor(opt.Date)
	var mu sync.Mutex
	stories := map[string]*storyFacts{}
	x.parallel(len(docs), func(i int) {
		c := x.prepare(docs[i])
		if c.own && c.doc.Published == "" {
			// The document's own dateline dates it.
			c.doc.Published = c.anchor.Format("2006-01-02")
		}
		combatants := c.countsCombatants()
		mu.Lock()
		sf := stories[c.doc.Story]
		if sf == nil {
			sf = newStoryFacts()
			stories[c.doc.Story] = sf
		}
		sf.add(c, combatants)
		ctx := sf.context()
		mu.Unlock()
		c.setContext(ctx, fallback)
		out[i], warns[i] = c.finish(c.extract(opt.All))
		used[i] = c.used(ctx)
		c.free()
	})
	final := make(map[string]storyContext, len(stories))
	for st, sf := range stories {
		final[st] = sf.context()
	}
	var again []int
	for i, d := range docs {
		if !used[i].agrees(final[d.Story]) {
			again = append(again, i)
		}
	}
	x.parallel(len(again), func(k int) {
		i := again[k]
		c := x.prepare(docs[i])
		c.setContext(final[c.doc.Story], fallback)
		out[i], warns[i] = c.finish(c.extract(opt.All))
		c.free()
	})
	if opt.Release {
		for _, d := range docs {
			d.Release()
		}
	}
	return out, warns
}

// storyFacts gathers what the documents of a story prepared so far lend
// it.
type storyFacts struct {
	anchor    time.Time      // the latest own date of a document
	year      int            // the latest year hint
	events    map[string]int // event → weighted mentions
	breakdown bool           // a document counts civilians apart from combatants
	roleVotes map[string]map[string]int
	regions   map[string]bool // regions documents give tolls for
}

func newStoryFacts() *storyFacts {
	return &storyFacts{events: map[string]int{}, roleVotes: map[string]map[string]int{}, regions: map[string]bool{}}
}

// add adds what the prepared document c lends its story; combatants is
// c.countsCombatants().
func (sf *storyFacts) add(c *docCtx, combatants bool) {
	if c.own && c.anchor.After(sf.anchor) {
		sf.anchor = c.anchor
	}
	sf.year = max(sf.year, c.yearHint)
	for ev, n := range c.eventCount {
		sf.events[ev] += n
	}
	if combatants {
		sf.breakdown = true
	}
	for _, r := range c.regionsNamed {
		sf.regions[r] = true
	}
	for role, name := range c.roles {
		if sf.roleVotes[role] == nil {
			sf.roleVotes[role] = map[string]int{}
		}
		sf.roleVotes[role][name]++
	}
}

// storyContext is the context a story gives its documents.
type storyContext struct {
	anchor    time.Time
	year      int
	event     string
	breakdown bool
	roles     map[string]string
	regional  bool // tolls are given for two regions or more
}

func (sf *storyFacts) context() storyContext {
	ctx := storyContext{anchor: sf.anchor, year: sf.year, event: topEvent(sf.events), breakdown: sf.breakdown,
		roles: make(map[string]string, len(sf.roleVotes)), regional: len(sf.regions) >= 2}
	for role, names := range sf.roleVotes {
		ctx.roles[role] = topEvent(names)
	}
	return ctx
}

// setContext gives c its story's context: a document without a date of
// its own takes fallback (--date), else the latest date the story gives.
func (c *docCtx) setContext(ctx storyContext, fallback time.Time) {
	c.yearHint = ctx.year
	c.datelineDay = false
	if !c.own && c.dateline >= 0 && (ctx.year != 0 || !ctx.anchor.IsZero()) {
		// A dateline without a year ("RIVERSIDE, March 11 (Reuters) -")
		// dates the report in the story's year: the day is its own.
		if dm, ok := parseDate(c.toks, c.dateline, ctx.anchor, ctx.year, false); ok && dm.known && len(dm.iso) == 10 {
			c.anchor, c.storyDated, c.borrowed, c.datelineDay = dm.lo, true, false, true
			c.setStory(ctx)
			return
		}
	}
	if !c.own {
		c.anchor = fallback
		if c.anchor.IsZero() {
			c.anchor = ctx.anchor
			c.storyDated = true
		}
		c.borrowed = !c.anchor.IsZero()
	}
	c.setStory(ctx)
}

// setStory gives c the story's event, breakdown, roles and regions.
func (c *docCtx) setStory(ctx storyContext) {
	c.storyEvent, c.breakdown, c.storyRoles, c.regional = ctx.event, ctx.breakdown, ctx.roles, ctx.regional
	c.askedEvent, c.askedBreakdown, c.askedRoles, c.askedRegional = false, false, false, false
}

// usedContext is what a reading used of its story's context.
type usedContext struct {
	ctx                                     storyContext
	dates                                   bool // the anchor and year hint came from the story
	event, breakdown, roles, regional, done bool
}

// used returns what the extraction just done used of ctx. The year hint
// is read only when the anchor is zero; a document's anchor is its own
// date, else --date, else the story's date.
func (c *docCtx) used(ctx storyContext) usedContext {
	return usedContext{ctx: ctx, dates: c.storyDated || c.anchor.IsZero(), event: c.askedEvent,
		breakdown: c.askedBreakdown, roles: c.askedRoles, regional: c.askedRegional, done: true}
}

// agrees reports whether a reading that used u would have read the same
// with the story's complete context.
func (u usedContext) agrees(final storyContext) bool {
	return u.done &&
		(!u.dates || u.ctx.anchor.Equal(final.anchor) && u.ctx.year == final.year) &&
		(!u.event || u.ctx.event == final.event) &&
		(!u.breakdown || u.ctx.breakdown == final.breakdown) &&
		(!u.roles || maps.Equal(u.ctx.roles, final.roles)) &&
		(!u.regional || u.ctx.regional == final.regional)
}

// parallel calls f(0) … f(n-1) on all cores. The workers take the next
// index from a counter (a channel would bounce each index through the
// scheduler); the caller's goroutine is one of them. A panic in f is
// raised again on the caller's goroutine.
func (x *Extractor) parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var once sync.Once
	var fault any // a worker's panic
	work := func() {
		defer func() {
			if r := recover(); r != nil {
				once.Do(func() { fault = r })
				next.Store(int64(n)) // the others stop at their next index
			}
		}()
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			f(i)
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if fault != nil {
		panic(fault)
	}
}

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
}

// scratch holds the per-token slices of a docCtx, reused from one
// document to the next.
type scratch struct {
	scan      scanBuf
	sentOf    []int32
	skip      []bool
	inMention []mark
	sents     []sentence
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
	*c = docCtx{}
	scratchPool.Put(s)
}

func (x *Extractor) prepare(doc *claims.Document) *docCtx {
	s := scratchPool.Get().(*scratch)
	c := &docCtx{x: x, doc: doc, text: doc.Text, scratch: s}
	c.toks, c.info = scanWords(c.text, x.table, &s.scan)
	c.sents = appendSentences(s.sents[:0], c.text, c.toks)
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

// roleWords name people by what they did; "the gunman" and "the suspect"
// in one story are one person.
var roleWords = map[string]string{
	"gunman": "perpetrator", "shooter": "perpetrator", "suspect": "perpetrator", "attacker": "perpetrator",
	"assailant": "perpetrator", "killer": "perpetrator", "bomber": "perpetrator", "perpetrator": "perpetrator",
	"victim": "victim", "pilot": "pilot", "driver": "driver", "captain": "captain",
}

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
		if i >= 3 && (c.word(i-1) == "the" || c.word(i-1) == "a") && c.word(i-2) == "," {
			if name := c.nameBefore(i-2, s.from); name != "" {
				c.roles[role] = name
				continue
			}
		}
		// the role … identified as Name Name
		for q := i + 1; q+2 < s.to && q < i+10; q++ {
			if c.toks[q].low == "identified" && c.word(q+1) == "as" {
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

// markFurniture marks tokens that are not article text: URLs, handles,
// phone numbers, copyright lines, timestamps and related-link lines.
func (c *docCtx) markFurniture() {
	toks := c.toks
	c.skip = grow(c.scratch.skip, len(toks))
	// URLs, domains, e-mail and handles: the whole glued run.
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		url := false
		switch {
		case (t.low == "http" || t.low == "https") && c.word(i+1) == ":":
			url = true
		case t.low == "www" && c.word(i+1) == ".":
			url = true
		case t.low == "@" && i+1 < len(toks) && !toks[i+1].space:
			url = true
		case t.low == "." && !t.space && i+1 < len(toks) && !toks[i+1].space && toks[i+1].kind == tWord &&
			i > 0 && toks[i-1].kind == tWord && isTLD(toks[i+1].low):
			url = true
		}
		if !url {
			continue
		}
		k := i
		for k > 0 && !toks[k].space {
			k--
		}
		for ; k < len(toks) && (k <= i || !toks[k].space); k++ {
			c.skip[k] = true
		}
		i = k - 1
	}
	// Phone numbers: three or more digit groups in a row, or a leading 0.
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tNum {
			continue
		}
		k := i
		for k < len(toks) && (toks[k].kind == tNum || (toks[k].low == "-" && k+1 < len(toks) && toks[k+1].kind == tNum)) && toks[k].nl == 0 || k == i {
			k++
		}
		groups := 0
		for q := i; q < k; q++ {
			if toks[q].kind == tNum {
				groups++
			}
		}
		if groups >= 3 || (len(toks[i].low) >= 3 && toks[i].low[0] == '0' && !strings.Contains(toks[i].low, ".")) {
			for q := i; q < k; q++ {
				c.skip[q] = true
			}
		}
		i = k - 1
	}
	// Datelines: "SEOUL, Oct. 31 (Yonhap) --", "BEIRUT (Reuters) -".
	c.dateline = -1
	for i := 0; i < len(toks); i++ {
		if i == 0 || toks[i].nl > 0 {
			if end, date := c.datelineAt(i); end > i {
				for q := i; q < end; q++ {
					c.skip[q] = true
				}
				if date >= 0 && c.dateline < 0 {
					c.dateline = date
				}
			}
		}
	}
	// Lines of page furniture.
	lineStart := 0
	for i := 0; i <= len(toks); i++ {
		if i < len(toks) && (i == 0 || toks[i].nl == 0) {
			continue
		}
		if i > lineStart {
			if c.furnitureLine(lineStart, i) {
				for q := lineStart; q < i; q++ {
					c.skip[q] = true
				}
			}
		}
		lineStart = i
	}
}

// datelineAt reads a dateline at the start of a line, toks[i]: a place in
// capitals with its region ("SEOUL", "RIVERSIDE, Calif."), a date ("Oct.
// 31", "March 14, 2026", "Saturday, March 14, 2026", "14 March 2026"), a
// news agency in brackets or slashes ("(Reuters)", "/PRNewswire/") and a
// dash or colon. The place or the date may be missing, not both ("LONDON
// (Reuters) -", "Oct. 11 (UPI) —"). It returns the token after the
// dateline (i when there is none) and the first token of its date, or -1.
//
// A dateline dates the report, never the event it tells of: its tokens
// are furniture, and its date is the document's anchor (findDate).
func (c *docCtx) datelineAt(i int) (end, date int) {
	toks := c.toks
	k := i
	for k < len(toks) && k-i < 4 && toks[k].kind == tWord && c.allCaps(k) {
		k++
	}
	place := k > i
	date = -1
	q := i // where a date may start
	if place {
		q = -1
		// ", South Korea", ", Calif.", then ", Oct. 31"
		for n := 0; n < 3 && c.word(k) == ","; n++ {
			if c.datelineDate(k+1) > k+1 {
				q = k + 1
				break
			}
			r := k + 1
			for r < len(toks) && r-k < 5 && toks[r].kind == tWord && toks[r].cap {
				r++
				if c.word(r) == "." && !toks[r].space { // "Calif."
					r++
				}
			}
			if r == k+1 {
				return i, -1
			}
			k = r
		}
	}
	if q >= 0 {
		if to := c.datelineDate(q); to > q {
			date, k = q, to
		}
	}
	if !place && date < 0 {
		return i, -1
	}
	// "(Reuters)", "(AP)", "/PRNewswire/"
	if open := c.word(k); open == "(" || open == "/" {
		shut := open
		if open == "(" {
			shut = ")"
		}
		r := k + 1
		for r < len(toks) && r-k < 6 && toks[r].low != shut && toks[r].nl == 0 {
			r++
		}
		if r >= len(toks) || toks[r].low != shut {
			return i, -1
		}
		k = r + 1
	}
	switch c.word(k) {
	case "-", "--", "—", "–", ":":
		for c.word(k+1) == "-" {
			k++
		}
		return k + 1, date
	}
	return i, -1
}

// datelineDate returns the token after a date of the calendar at toks[q]
// ("Oct. 31", "March 14, 2026", "Saturday, March 14, 2026", "14 March"),
// or q when none starts there. A weekday alone is no dateline date.
func (c *docCtx) datelineDate(q int) int {
	if q >= len(c.toks) || c.toks[q].kind == tPunct {
		return q
	}
	dm, ok := parseDate(c.toks, q, time.Time{}, 0, false)
	if !ok || dm.relative || dm.iso == "" || dm.isTime || dm.yearOnly {
		return q
	}
	return dm.to
}

// allCaps reports whether token k is a word of two or more letters, all
// capitals.
func (c *docCtx) allCaps(k int) bool {
	w := c.text[c.toks[k].start:c.toks[k].end]
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
	}
	return c.toks[k].cap
}

func isTLD(w string) bool {
	switch w {
	case "com", "org", "net", "co", "uk", "gov", "edu", "io", "info", "news", "tv", "su", "ru", "de", "fr", "in", "ly", "be":
		return true
	}
	return false
}

// furnitureLine reports whether toks[from:to], one line, is page furniture.
func (c *docCtx) furnitureLine(from, to int) bool {
	first := c.toks[from].low
	second := c.word(from + 1)
	switch first {
	case "updated", "posted", "published", "copyright", "aired", "©", "photo", "image", "credit", "source":
		return true
	case "(":
		if second == "c" && c.word(from+2) == ")" {
			return true
		}
	case "[":
		if base(second) == "editor" { // "[Editor's note, Oct. 30 8:30pm: …]"
			return true
		}
	case "this":
		if second == "article" || second == "story" { // "This article is more than 11 years old"
			return true
		}
	case "editor's":
		if second == "note" {
			return true
		}
	case "read", "also", "related", "recommended", "more", "see", "follow", "share", "subscribe", "sign":
		if second == "more" || second == "read" || second == "also" || first == "related" || first == "recommended" ||
			first == "follow" || first == "share" || first == "subscribe" || (first == "more" && second == "from") ||
			(first == "sign" && second == "up") {
			return true
		}
	case "last":
		if second == "updated" || second == "modified" {
			return true
		}
	}
	for k := from; k+1 < to; k++ {
		// "16 hrs ago", "3 mins ago"
		if c.toks[k].kind == tNum && k+2 < to && c.toks[k+2].low == "ago" {
			switch c.toks[k+1].low {
			case "hrs", "hr", "h", "mins", "min", "m", "secs", "hours", "minutes", "days", "d":
				if to-from <= 8 {
					return true
				}
			}
		}
		if c.toks[k].low == "©" {
			return true
		}
	}
	// The signature of an embedded post: "— Name (@handle) October 2, 2017".
	if first == "—" || first == "–" || first == "-" {
		for k := from + 1; k+1 < to; k++ {
			if c.toks[k].low == "(" && c.toks[k+1].low == "@" {
				return true
			}
		}
	}
	// A bulleted line in title case with no final stop: a related link.
	if first == "-" || first == "•" || first == "*" || first == "»" {
		words, capped := 0, 0
		for k := from + 1; k < to; k++ {
			if c.toks[k].kind == tWord && len(c.toks[k].low) > 3 {
				words++
				if c.toks[k].cap {
					capped++
				}
			}
		}
		last := c.toks[to-1].low
		if words > 0 && capped*10 >= words*6 && last != "." {
			return true
		}
	}
	return false
}

// staleHeaderDays is how much later than every date of its text a page
// date may be and still date the report.
const staleHeaderDays = 180

// shortLine reports whether token i stands on a line of at most ten
// tokens: a date line, not a sentence.
func (c *docCtx) shortLine(i int) bool {
	from, to := i, i+1
	for from > 0 && c.toks[from].nl == 0 && to-from <= 10 {
		from--
	}
	for to < len(c.toks) && c.toks[to].nl == 0 && to-from <= 10 {
		to++
	}
	return to-from <= 10
}

// findDate sets the document's anchor date: its Published field, else a
// full date in its first lines (a dateline), else the latest full date in
// its text. yearHint is the latest year mentioned, for month-day dates.
func (c *docCtx) findDate() {
	if t, ok := parseAnchor(c.doc.Published); ok {
		c.anchor, c.own = t, true
	}
	lines := 0
	var header, latest time.Time
	headerOwnLine := false
	headerAt := -1
	type datedAt struct {
		at  int
		day time.Time
	}
	var dates []datedAt
	for i := 0; i < len(c.toks); i++ {
		t := c.toks[i]
		lines += int(t.nl)
		// A year on a furniture line ("(c)2017 the Boston Herald") dates
		// the page; years in the text may be about anything.
		if t.kind == tNum && c.skip[i] {
			if y, ok := isYear(t.low); ok && y > c.yearHint {
				c.yearHint = y
			}
		}
		if t.kind != tNum && !c.info[i].month {
			continue
		}
		dm, ok := parseDate(c.toks, i, time.Time{}, 0, false)
		if !ok || !dm.known || len(dm.iso) != 10 || dm.relative {
			continue
		}
		if lines <= 6 && header.IsZero() || lines <= 12 && !headerOwnLine && c.shortLine(i) {
			// The first date of the page's first lines; a date on a short
			// line of its own ("April 14, 2024 at 10:10 am") before one
			// in a sentence of the lead ("on 1 April 2024").
			header, headerOwnLine, headerAt = dm.lo, c.shortLine(i), i
		}
		dates = append(dates, datedAt{i, dm.lo})
		i = dm.to - 1
	}
	for _, d := range dates {
		if d.at != headerAt && d.day.After(latest) {
			latest = d.day
		}
	}
	// A page date far later than every date its text gives is the date
	// the page was shown ("Friday, June 14, 2024" over a report of 2022),
	// not the report's.
	if !header.IsZero() && !latest.IsZero() && header.After(latest.AddDate(0, 0, staleHeaderDays)) {
		header = time.Time{}
	}
	if header.After(latest) {
		latest = header
	}
	if c.dateline >= 0 && header.IsZero() {
		// A dateline gives the day; the year is the page's.
		y := c.yearHint
		if y == 0 && !latest.IsZero() {
			y = latest.Year()
		}
		if dm, ok := parseDate(c.toks, c.dateline, time.Time{}, y, false); ok && dm.known && len(dm.iso) == 10 {
			header = dm.lo
		}
	}
	c.latest = latest
	if !header.IsZero() && header.After(c.latest) {
		c.latest = header
	}
	if !c.anchor.IsZero() && c.anchor.After(c.latest) {
		c.latest = c.anchor
	}
	if c.own {
		return
	}
	switch {
	case !header.IsZero():
		c.anchor, c.own = header, true
	case !latest.IsZero():
		c.anchor, c.own = latest, true
	}
}

func (c *docCtx) countEvents() {
	c.eventCount = map[string]int{}
	for i, t := range c.toks {
		if t.kind != tWord || c.skip[i] {
			continue
		}
		if ev, ok := c.eventAt(i); ok && !c.x.lex.generic[ev] {
			w := 1
			if c.sentOf[i] < 3 {
				w = 2
			}
			c.eventCount[ev] += w
		}
	}
	c.mainEvent = topEvent(c.eventCount)
}

func topEvent(counts map[string]int) string {
	best, bestN := "", 0
	for ev, n := range counts {
		if n > bestN || n == bestN && ev < best {
			best, bestN = ev, n
		}
	}
	return best
}

// extract reads the document's mentions and turns them into claims.
func (c *docCtx) extract(all bool) []*claims.Claim {
	var ms []*mention
	year := c.yearHint
	if !c.anchor.IsZero() {
		year = 0
	}
	for i := 0; i < len(c.toks); i++ {
		if c.skip[i] {
			continue
		}
		t := c.toks[i]
		if t.kind != tNum && !c.info[i].quantity {
			continue
		}
		if t.kind == tNum && significantDigits(t.low) > maxDigits {
			// A float64 holds 15 significant digits exactly; a figure
			// with more would be compared wrongly, or printed as a
			// number the text does not give.
			span := c.doc.SpanOf(int(t.start), int(t.end))
			c.warnings = append(c.warnings, claims.Warning{Source: c.doc.Source, Line: span.Line, Col: span.Col,
				Msg: fmt.Sprintf("figure %s has more than %d significant digits, too many to hold exactly: left out", abbreviate(t.low), maxDigits)})
			continue
		}
		if dm, ok := parseDate(c.toks, i, c.anchor, year, c.storyDated); ok && !c.skipAny(dm.from, dm.to) {
			if dm.iso != "" {
				d := dm // only a kept date goes to the heap
				m := &mention{from: dm.from, to: dm.to, numFrom: dm.from, numTo: dm.to, noun: -1, ofTok: -1, kind: claims.KindDate, date: &d}
				if dm.isTime {
					m.kind = claims.KindTime
				}
				ms = append(ms, m)
			}
			i = dm.to - 1
			continue
		}
		if y, ok := isYear(t.low); ok && t.kind == tNum && c.yearContext(i) {
			lo := date(y, 1, 1)
			dm := &dateMention{from: i, to: i + 1, iso: t.low, lo: lo, hi: date(y, 12, 31), known: true, yearOnly: true}
			ms = append(ms, &mention{from: i, to: i + 1, numFrom: i, numTo: i + 1, noun: -1, ofTok: -1, kind: claims.KindDate, date: dm})
			continue
		}
		if pair, ok := c.scoreline(i); ok {
			ms = append(ms, pair[0], pair[1])
			i = pair[1].to - 1
			continue
		}
		if m, ok := c.quantity(i); ok {
			if c.skipAny(m.from, m.to) {
				i = m.to - 1
				continue
			}
			c.markAge(m)
			ms = append(ms, m)
			i = m.to - 1
			if m.supersede {
				i = m.numTo - 1
			}
		}
	}
	ms = c.dropAnaphors(ms)
	// Drop a parenthesised conversion: "40 kilometers (25 miles)".
	kept := ms[:0]
	for k, m := range ms {
		if k > 0 && m.from > 0 && c.word(m.from-1) == "(" && ms[k-1].to == m.from-1 && ms[k-1].kind == m.kind && (m.kind == claims.KindMeasure || m.kind == claims.KindMoney) {
			continue
		}
		kept = append(kept, m)
	}
	ms = c.remainders(kept)
	c.partitives(ms)
	c.inMention = grow(c.scratch.inMention, len(c.toks))
	for _, m := range ms {
		mk := markFigure
		if m.kind == claims.KindDate || m.kind == claims.KindTime || m.compound {
			mk = markDate // no figure a trigger must pass over: "an eight-building complex"
		}
		for k := m.numFrom; k < m.numTo; k++ {
			c.inMention[k] = mk
		}
	}
	c.distributeQualifiers(ms)
	for k, m := range ms {
		if k == 0 || m.whole != nil || c.sentOf[ms[k-1].from] != c.sentOf[m.from] {
			continue
		}
		prev := ms[k-1]
		if p := k - 1; p > 0 && (prev.kind == claims.KindDate || prev.kind == claims.KindTime) && ms[p-1].kind == m.kind && c.sentOf[ms[p-1].from] == c.sentOf[m.from] {
			prev = ms[p-1] // "launched over 300 missiles yesterday, including 100 ballistic missiles"
		}
		if prev.kind != m.kind {
			continue
		}
		switch {
		case c.partBefore(m.from, prev.to):
			m.partOf = prev
		case prev.partOf != nil && c.coordinated(prev.to, m.from):
			m.partOf = prev.partOf // "including 170 drones and 30 cruise missiles"
		}
	}
	slots := make([]*slotDef, len(ms))
	for k, m := range ms {
		if m.slot != "" {
			slots[k] = c.x.lex.slotDefs[m.slot]
			continue
		}
		if m.whole != nil {
			// The rest of a total counts what the total counts.
			slots[k] = slots[slices.Index(ms, m.whole)]
			continue
		}
		slots[k] = c.slotFor(m)
	}
	// Coordinated figures share a slot: "killed three soldiers and two
	// civilians"; so does a part and its total: "ten people were killed,
	// including two children".
	for pass := 0; pass < 2; pass++ {
		for k, m := range ms {
			if slots[k] != nil {
				continue
			}
			if m.partOf != nil && slots[k-1] != nil && c.kindFits(m, slots[k-1]) {
				slots[k] = slots[k-1]
				continue
			}
			if m.class == "" && k > 0 && slots[k-1] != nil && c.listItem(ms[k-1], m) {
				// "Three people died in X, seven in Y, and one in Z"
				m.class, m.category = ms[k-1].class, ms[k-1].category
				slots[k] = slots[k-1]
				continue
			}
			if m.class == "" {
				continue
			}
			for _, o := range []int{k - 1, k + 1} {
				if o < 0 || o >= len(ms) || slots[o] == nil || ms[o].class != m.class || c.sentOf[ms[o].from] != c.sentOf[m.from] {
					continue
				}
				a, b := ms[min(k, o)], ms[max(k, o)]
				if c.coordinated(a.to, b.from) {
					slots[k] = slots[o]
					break
				}
			}
		}
	}
	var out []*claims.Claim
	stances := c.stanceClaims()
	var wholes map[*mention]string // subjects of totals with a remainder
	for k, m := range ms {
		for len(stances) > 0 && stances[0].Offset < int(c.toks[m.from].start) {
			out = append(out, stances[0])
			stances = stances[1:]
		}
		s := slots[k]
		if s == nil && !all {
			continue
		}
		cl := c.claim(m, s)
		if cl.Slot == "" && !all {
			continue
		}
		if cl.Slot != "" && m.kind.Running() {
			cl.AsOf = c.asOfFor(k, ms)
		}
		if k+1 < len(ms) && ms[k+1].whole == m || k+2 < len(ms) && ms[k+2].whole == m {
			if wholes == nil {
				wholes = map[*mention]string{}
			}
			wholes[m] = cl.Subject
		}
		if m.whole != nil {
			// A remainder its clause does not tell apart from its total
			// ("ten were killed, including two children; the rest were
			// adults") cannot be compared with anything: it is not a claim.
			if subj, ok := wholes[m.whole]; !ok || subj == cl.Subject {
				continue
			}
		}
		out = append(out, detach(cl))
	}
	return append(out, stances...)
}

// mark says what kind of mention a token belongs to.
type mark uint8

const (
	markNone   mark = iota
	markFigure      // a quantity
	markDate        // a date or a time of day
)

// detach gives cl its own copies of the strings that may be read out of
// the document's text (the evidence, names in the subject and the
// attribution, a noun as unit, a year as date), so that a claim kept
// does not keep its whole article in memory. The sentence is a copy
// already (foldSpace); the rest comes from the lexicon.
func detach(cl *claims.Claim) *claims.Claim {
	fields := [...]*string{&cl.Text, &cl.Subject, &cl.Attribution, &cl.Unit, &cl.Value.Date}
	n := 0
	for _, f := range fields {
		n += len(*f)
	}
	// One allocation for all of them.
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	all := b.String()
	for _, f := range fields {
		*f, all = all[:len(*f)], all[len(*f):]
	}
	return cl
}

func (c *docCtx) skipAny(from, to int) bool {
	for k := from; k < to && k < len(c.skip); k++ {
		if c.skip[k] {
			return true
		}
	}
	return false
}

// coordinated reports whether only "and", "or", "," or "while" stand
// between tokens from and to.
func (c *docCtx) coordinated(from, to int) bool {
	if to-from > 2 {
		return false
	}
	for k := from; k < to; k++ {
		switch c.toks[k].low {
		case "and", "or", ",", "plus", "as", "well", "including":
		default:
			return false
		}
	}
	return true
}

// yearContext reports whether a bare four-digit number at i is a year:
// "in 2012", "the 2016 election", "since 2015".
func (c *docCtx) yearContext(i int) bool {
	t := c.toks[i]
	if strings.ContainsAny(t.low, ",.:") {
		return false
	}
	nx := c.word(i + 1)
	if _, isNoun := c.x.lex.nouns[nx]; isNoun {
		return false
	}
	if _, isUnit := unitWords[nx]; isUnit {
		return false
	}
	prev := c.word(i - 1)
	switch prev {
	case "in", "since", "of", "the", "by", "during", "until", "before", "after", "from", "a", "an", "'s", "year", "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall":
		return true
	case ")", "c":
		return false
	}
	if _, isAct := c.x.lex.activities[nx]; isAct {
		return true
	}
	return false
}

// markAge recognises ages: "64-year-old" (set by the parser), "Stephen
// Paddock, 64,", "aged 64", "64 years old".
func (c *docCtx) markAge(m *mention) {
	if m.age || m.kind != claims.KindCount || m.noun >= 0 || m.val.Vague || m.qual != "" || m.numTo-m.numFrom != 1 {
		if m.age {
			m.unit = "years"
		}
		return
	}
	v := m.val.Lo
	if v < 1 || v > 120 || v != float64(int(v)) {
		return
	}
	prev, next := c.word(m.from-1), c.word(m.to)
	switch {
	case prev == "aged" || (prev == "age" && c.word(m.from-2) != "the"):
		m.age = true
	case next == "years" && c.word(m.to+1) == "old":
		m.age = true
		m.to += 2
	case prev == "," && m.from >= 2 && c.toks[m.from-2].cap && c.toks[m.from-2].kind == tWord &&
		(next == "," || next == "." || next == ";" || next == ")" || next == ""):
		m.age = true
	}
	if m.age {
		m.unit = "years"
	}
}

// window returns the clause around a mention: the tokens a trigger may
// come from, bounded by the sentence and by clause breaks.
func (c *docCtx) window(m *mention) (lo, hi int) {
	s := c.sents[c.sentOf[m.from]]
	lo = m.from
	// A figure a running total is updated to reaches back to what the
	// total is: "The death toll from the earthquake that hit the region
	// on Monday has climbed to 1,250".
	reach := 9
	if w := c.word(m.from - 1); updateVerbs[w] || w == "to" && updateVerbs[c.word(m.from-2)] {
		reach = 20
	}
	for k := m.from - 1; k >= s.from && m.from-k <= reach; k-- {
		if w := c.toks[k].low; isClauseBreak(w) && (reach == 9 || !phraseJoint[w]) {
			break
		}
		lo = k
	}
	hi = m.to
	start := m.to
	if m.ofWhole != nil {
		start = m.ofWhole.to // "12 of the 20 passengers died"
	}
	for k, n := start, 0; k < s.to && n < 7; k, n = k+1, n+1 {
		w := c.toks[k].low
		if (w == "—" || w == "–" || w == "--" || w == "(") && k+1 < s.to {
			// "Three countries — China, India and the UAE — abstained":
			// skip the aside to its closing mark.
			closer := w
			if w == "(" {
				closer = ")"
			}
			q := k + 1
			for q < s.to && q-k < 14 && c.toks[q].low != closer {
				q++
			}
			if q < s.to && c.toks[q].low == closer && q+1 < s.to {
				k = q
				continue
			}
		}
		if w == "," && apposition[c.word(k+1)] {
			// "four soldiers, including an officer, were killed": skip
			// the aside to its closing comma.
			q := k + 1
			for q < s.to && q-k < 9 && c.toks[q].low != "," {
				q++
			}
			if q < s.to && c.toks[q].low == "," {
				k = q
				continue
			}
		}
		if isClauseBreak(w) {
			break
		}
		hi = k + 1
	}
	return lo, hi
}

var apposition = map[string]bool{"including": true, "among": true, "mostly": true, "mainly": true, "many": true, "most": true, "some": true, "all": true}

// phraseJoint are the clause breaks a long subject of an updated total
// spans: "The death toll from the floods and mudslides, which began on
// Tuesday, rose to 506".
var phraseJoint = map[string]bool{",": true, "and": true, "which": true}

func isClauseBreak(w string) bool {
	switch w {
	case ";", ":", "—", "–", "(", ")", "[", "]", ",", "and", "but", "while", "whereas", "although", "though", "|", "which", "whom",
		"because":
		return true
	}
	return false
}

// trigger finds the nearest trigger of slot s around m; dist is -1 when
// there is none.
func (c *docCtx) trigger(m *mention, s *slotDef, lo, hi int) int {
	best := -1
	for k := lo; k < hi; k++ {
		if c.info[k].triggers == nil {
			continue
		}
		if k > 0 && c.toks[k-1].low == "-" && !c.toks[k].space && !c.toks[k-1].space {
			continue // half of a compound: "government-held areas"
		}
		if k+1 < len(c.toks) && c.info[k+1].triggers == nil && c.isEvent(k+1) {
			continue // the name of an event: "the crowd crush", "the death march"
		}
		if c.toks[k].low == "dead" && k+1 < len(c.toks) && c.toks[k+1].space && c.toks[k+1].kind == tWord && k+1 != m.from {
			// "the dead woman's husband": an adjective before its noun
			if _, noun := c.x.lex.nouns[base(c.toks[k+1].low)]; noun || strings.HasSuffix(c.toks[k+1].low, "'s") {
				continue
			}
		}
		if w := c.word(k - 1); w == "not" || w == "never" || w == "n't" || (c.word(k-2) == "not" || c.word(k-2) == "never") && (w == "been" || w == "be" || w == "yet") {
			continue // "have not been identified"
		}
		for _, r := range c.info[k].triggers {
			if r.slot != s || r.near && k != m.to {
				continue
			}
			end, ok := c.matchPhrase(k, r.words)
			if !ok {
				continue
			}
			var d int
			switch {
			case k >= m.to && m.isWhole:
				continue // the clause speaks of the part: "12 of the 20 passengers died"
			case k >= m.to:
				after := m.to
				if m.ofWhole != nil && k >= m.ofWhole.to {
					after = m.ofWhole.to
				}
				d = k - after
				if c.numberBetween(after, k) {
					continue
				}
			case end <= m.from:
				d = m.from - end
				if c.numberBetween(end, m.from) {
					continue // the trigger belongs to the nearer figure
				}
			case k >= m.from && k < m.to && k == m.noun && !m.partitive:
				d = 0
			default:
				continue
			}
			d = d*4 + 3 - min(len(r.words)-1, 3) // nearer first, then longer
			if best < 0 || d < best {
				best = d
			}
		}
	}
	return best
}

// numberBetween reports whether a figure stands in toks[from:to].
func (c *docCtx) numberBetween(from, to int) bool {
	for k := from; k < to; k++ {
		if c.inMention[k] == markFigure {
			return true
		}
	}
	return false
}

// matchPhrase matches words at toks[k:], skipping commas and hyphens.
func (c *docCtx) matchPhrase(k int, words []string) (int, bool) {
	for _, w := range words {
		for k < len(c.toks) && (c.toks[k].low == "," || c.toks[k].low == "-") {
			k++
		}
		if k >= len(c.toks) || base(c.toks[k].low) != w && c.toks[k].low != w {
			return 0, false
		}
		k++
	}
	return k, true
}

// slotFor picks the slot of a mention, or nil.
func (c *docCtx) slotFor(m *mention) *slotDef {
	lex := c.x.lex
	if m.age {
		return lex.slotDefs["age"]
	}
	lo, hi := c.window(m)
	var best *slotDef
	bestD := -1
	for _, s := range lex.slots {
		if s.name == "age" {
			continue
		}
		if !c.kindFits(m, s) {
			continue
		}
		d := 1000
		if m.noun >= 0 && !m.partitive && s.headTrig[c.toks[m.noun].low] && c.kindFits(m, s) {
			d = -1 // "claimed 50 lives"
		} else if len(s.triggers) > 0 || len(s.near) > 0 {
			d = c.trigger(m, s, lo, hi)
			if d < 0 {
				continue
			}
			if c.phraseIn(s.strong, lo, hi+3) {
				d = -1
			}
			if s.weak {
				d += 100
			}
		} else if m.kind == claims.KindCount && m.class == "" {
			continue
		}
		if best == nil || d < bestD {
			best, bestD = s, d
		}
	}
	return best
}

// clauseCategory returns the first of s's categories with a phrase that
// starts in toks[lo:hi] (hi clipped to the sentence).
func (c *docCtx) clauseCategory(s *slotDef, lo, hi int) (string, bool) {
	if len(s.cats) == 0 {
		return "", false
	}
	hi = min(hi, c.sents[c.sentOf[lo]].to)
	best := -1
	for k := lo; k < hi; k++ {
		if !s.catFirst[c.toks[k].low] {
			continue
		}
		for i, cp := range s.cats {
			if (best < 0 || i < best) && cp.words[0] == c.toks[k].low {
				if _, ok := c.matchPhrase(k, cp.words); ok {
					best = i
				}
			}
		}
	}
	if best < 0 {
		return "", false
	}
	return s.cats[best].category, true
}

// phraseIn reports whether one of phrases starts in toks[lo:hi] (hi is
// clipped to the sentence).
func (c *docCtx) phraseIn(phrases [][]string, lo, hi int) bool {
	if len(phrases) == 0 {
		return false
	}
	hi = min(hi, c.sents[c.sentOf[lo]].to)
	for k := lo; k < hi; k++ {
		for _, p := range phrases {
			if c.toks[k].low == p[0] {
				if _, ok := c.matchPhrase(k, p); ok {
					return true
				}
			}
		}
	}
	return false
}

func (c *docCtx) kindFits(m *mention, s *slotDef) bool {
	switch m.kind {
	case claims.KindCount, claims.KindOrdinal:
		if s.kind != claims.KindCount && s.kind != claims.KindOrdinal {
			return false
		}
		if m.ordinal {
			if s.kind != claims.KindOrdinal && !s.ordinals {
				return false
			}
		} else if s.kind == claims.KindOrdinal {
			return false
		}
		if m.floors && s.name == "floor_number" && !m.ordinal {
			return false
		}
		if m.class != "" {
			return slices.Contains(s.counts, m.class)
		}
		return s.bare
	case claims.KindMeasure:
		return s.kind == claims.KindMeasure && slices.Contains(s.units, m.unit)
	default:
		return s.kind == m.kind
	}
}

// claim builds the claim for mention m in slot s (nil: no slot).
func (c *docCtx) claim(m *mention, s *slotDef) *claims.Claim {
	start, end := int(c.toks[m.from].start), int(c.toks[m.to-1].end)
	cl := &claims.Claim{
		Source:    c.doc.Source,
		Story:     c.doc.Story,
		Kind:      m.kind,
		Value:     m.val,
		Unit:      m.unit,
		Text:      c.text[start:end],
		Span:      c.doc.SpanOf(start, end),
		Sentence:  c.sentenceText(int(c.sentOf[m.from])),
		Qualifier: m.qual,
		Published: c.doc.Published,
		Offset:    start,
		Derived:   m.derived,
	}
	if m.date != nil {
		cl.Value = claims.Unbounded()
		cl.Value.Date = m.date.iso
		if m.date.known {
			cl.Value.Lo, cl.Value.Hi = dayNum(m.date.lo), dayNum(m.date.hi)
			switch {
			case m.date.relative && c.borrowed:
				// Resolved against a date the document does not give:
				// allow for the anchor being a few days off.
				cl.Value.Lo -= 3
				cl.Value.Hi += 3
				cl.Value.Approx = true
			case m.date.relative:
				// "Sunday night" and "early Monday" can be one event in
				// two time zones.
				cl.Value.Lo--
				cl.Value.Hi++
				cl.Value.Approx = true
			}
		}
		if m.date.zone != "" {
			cl.Unit = m.date.zone
		}
	}
	if s == nil {
		if cl.Unit == "" && m.noun >= 0 {
			cl.Unit = c.toks[m.noun].low
		}
		return cl
	}
	cl.Slot = s.name
	if s.unit != "" && (m.kind == claims.KindCount || m.kind == claims.KindOrdinal) {
		cl.Unit = s.unit
	}
	if s.kind == claims.KindOrdinal {
		cl.Unit = ""
	}
	cl.Subject = c.subject(m, s)
	cl.Attribution = c.attribution(m)
	if m.category != "" && slices.Contains(s.uncompared, m.category) {
		cl.Slot = ""
	}
	if m.kind == claims.KindMeasure && m.unit == "m" && dimensionWords[c.word(m.to)] {
		// "27 meters long", "a wall 3 metres high": a size, not how far
		cl.Slot = ""
	}
	if m.kind == claims.KindDuration && c.comparisonSpan(m) {
		// "the strongest storm in more than 50 years", "for the first time
		// in 20 years": a span a record is measured over, not how long
		// anything lasted.
		cl.Slot = ""
	}
	if c.increment(m) && m.category == "" && (tollSlots[s.name] || s.name == "vote_in_favour" || s.name == "vote_against" || s.name == "vote_abstain") {
		// "Another 79 people were injured", "four additional victims
		// died", "the remaining three members voted in favour": a part
		// added to a total given elsewhere, not the total.
		cl.Slot = ""
	}
	if m.ofGroup && (m.category == "" || m.refCategory) && (s.name == m.groupSlot || m.groupSlot == "" && tollSlots[s.name]) {
		// "Nine of them were declared dead", "two of the injured are in
		// hospital": a part of a group, counted as the group is and with
		// nothing to say which part, is no figure a source gives for the
		// whole. ("37 of the injured are in critical condition" is a count
		// of its own.)
		cl.Slot = ""
	}
	if s.name == "age" && cl.Subject == "" {
		cl.Slot = "" // an age of nobody named is not compared
	}
	if r, ok := s.rename[cl.Subject]; ok && cl.Slot != "" {
		cl.Slot = r
	}
	if m.kind == claims.KindDate || m.kind == claims.KindTime {
		// A date of nothing in particular, or of when something was
		// said, is not a fact sources dispute.
		if cl.Subject == "" || cl.Subject == "statement" || strings.HasPrefix(cl.Subject, "(") {
			cl.Slot = "" // "(2009)": a year of nothing named
		}
		// A weekday or "yesterday" is compared only when the sentence ties
		// it to what happened (an attack, a fire, a meeting, a vote), not
		// to when a festival ran or a remark was made: those recur too
		// often to be one fact.
		if m.date.relative {
			if _, incident := c.x.lex.eventDefs[cl.Subject]; !incident && !datedActivities[cl.Subject] || !c.eventInClause(m) {
				cl.Slot = ""
			}
		}
		// "The death toll rose Wednesday to 9,500", "had climbed to 4,544
		// by Tuesday": the day a running figure was given, not the day of
		// the event. Reports of one story give their figures on different
		// days.
		if c.asOfDate(m) {
			cl.Slot = ""
		}
	} else {
		cl.Superseded = m.supersede || c.superseded(m)
	}
	return cl
}

var supersedeWords = map[string]bool{
	"initial": true, "initially": true, "previous": true, "previously": true, "original": true,
	"originally": true, "earlier": true, "prior": true, "preliminary": true, "first": true,
}

// eventInClause reports whether the clause of m names an event or an
// activity: "the fire took hold on Wednesday", "Tuesday's chemical
// attack". A weekday elsewhere in a sentence about an event is when
// something else happened: "Rescuers raced Tuesday to find survivors of
// the earthquake".
func (c *docCtx) eventInClause(m *mention) bool {
	// A time of day before the weekday is part of it: "struck the
	// airfield at around 3.45 am early Friday".
	from := m.from
	for from > 0 && c.sentOf[from-1] == c.sentOf[m.from] && (c.inMention[from-1] != markNone || timeFiller[c.toks[from-1].low]) {
		from--
	}
	span := *m
	span.from = from
	lo, hi := c.window(&span)
	for k := lo; k < hi; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		if _, ok := c.eventAt(k); ok || c.info[k].activity != "" {
			return true
		}
	}
	return false
}

// timeFiller are the words of a time of day around its figure.
var timeFiller = map[string]bool{"am": true, "pm": true, "a.m.": true, "p.m.": true, "early": true, "late": true,
	"around": true, "about": true, "at": true, "on": true, "gmt": true, "utc": true, "local": true, "time": true}

// asOfFor returns the day the text gives figure m for: a date its clause
// gives as the time of an update ("the toll rose on Friday to 41", "41 by
// Friday", "rose to 41 on Friday"), or "".
func (c *docCtx) asOfFor(at int, ms []*mention) string {
	m := ms[at]
	lo, hi := c.window(m)
	updated := false
	for k := lo; k < m.from; k++ {
		updated = updated || updateVerbs[c.toks[k].low]
	}
	// The mentions of m's sentence: ms is in text order.
	first, last := at, at
	for first > 0 && c.sentOf[ms[first-1].from] == c.sentOf[m.from] {
		first--
	}
	for last+1 < len(ms) && c.sentOf[ms[last+1].from] == c.sentOf[m.from] {
		last++
	}
	for _, d := range ms[first : last+1] {
		if d.date == nil || !d.date.known || len(d.date.iso) != 10 {
			continue
		}
		switch {
		case d.from >= lo && d.to <= hi && d.from < m.from && c.asOfDate(d):
			return d.date.iso // "rose on Friday to 41"
		case d.from >= m.to && d.from-m.to <= 4 && (updated || c.asOfDate(d)):
			return d.date.iso // "rose to 41 on Friday", "41 by Friday"
		}
	}
	return ""
}

// updateVerbs report a new value of a running figure.
var updateVerbs = map[string]bool{
	"rose": true, "risen": true, "rises": true, "rising": true, "climbed": true, "climbs": true, "climbing": true,
	"surpassed": true, "surpasses": true, "passed": true, "passes": true, "topped": true, "tops": true,
	"reached": true, "reaches": true, "exceeded": true, "exceeds": true, "jumped": true, "jumps": true,
	"increased": true, "increases": true, "raised": true, "raises": true, "revised": true, "updated": true,
	"stood": true, "stands": true, "soared": true, "mounted": true,
}

// asOfDate reports whether date mention m is when a figure was given
// rather than when something happened: its clause reports a running
// figure's new value ("the toll rose Wednesday to 9,500"), or it follows
// "by" or "as of" ("4,544 by Tuesday afternoon").
func (c *docCtx) asOfDate(m *mention) bool {
	if w := c.word(m.from - 1); w == "by" || w == "of" && c.word(m.from-2) == "as" {
		return true
	}
	// Only a verb before the date: in "the earthquake that struck on
	// Sunday has climbed to 2,100" Sunday is when it struck.
	lo, _ := c.window(m)
	for k := lo; k < m.from; k++ {
		if updateVerbs[c.toks[k].low] {
			return true
		}
	}
	return false
}

// earlyStages are the first moments of an event that a sentence opening
// "In the first hours," or "In the early stages," puts its figures in.
var earlyStages = map[string]bool{"hours": true, "hour": true, "minutes": true, "moments": true, "days": true, "stages": true, "aftermath": true}

// earlySentence reports whether sentence s opens by placing what it says
// at an earlier time than the report: "In the first hours after the quake,
// Xinhua put the toll at around 150", "Initially, police said 20 died",
// "At first, officials counted 12 dead".
func (c *docCtx) earlySentence(s sentence) bool {
	w := func(k int) string {
		if s.from+k < s.to {
			return c.toks[s.from+k].low
		}
		return ""
	}
	switch {
	case w(0) == "initially" && w(1) == ",", w(0) == "at" && w(1) == "first" && w(2) == ",":
		return true
	case w(0) == "in" && w(1) == "the" && (w(2) == "first" || w(2) == "early" || w(2) == "initial" || w(2) == "immediate"):
		return earlyStages[w(3)]
	}
	return false
}

// superseded reports whether the text itself calls the figure earlier:
// "initial reports put the death toll at 20".
func (c *docCtx) superseded(m *mention) bool {
	s := c.sents[c.sentOf[m.from]]
	if c.earlySentence(s) {
		return true
	}
	for k := m.from - 1; k >= s.from && m.from-k <= 8; k-- {
		w := c.toks[k].low
		if w == ";" || w == "." {
			break
		}
		if wi := c.info[k]; wi.supersede && wi.word == w {
			nx := c.word(k + 1)
			if w == "first" && nx != "reports" && nx != "report" && nx != "estimates" && nx != "reported" {
				continue
			}
			if w == "earlier" && (nx == "on" || nx == "this" || nx == "in" || nx == "today" || nx == "," && k == s.from) {
				continue // "Earlier, one person was killed": earlier that day
			}
			return true
		}
	}
	return false
}

// subject composes the subject of m in slot s from the parts s lists.
func (c *docCtx) subject(m *mention, s *slotDef) string {
	var parts []string
	var past string
	add := func(part string) {
		if part != "" {
			parts = append(parts, part)
		}
	}
	for _, p := range s.subject {
		switch p {
		case "event":
			if ev := c.event(m); ev != "" {
				if m.kind == claims.KindCount {
					if r := c.region(m); r != "" {
						ev += " in " + r
					}
				}
				parts = append(parts, ev)
			}
		case "category":
			cat := c.category(m, s)
			if cat != "" {
				m.category = cat
				if len(parts) > 0 {
					parts[len(parts)-1] += ":"
				}
				parts = append(parts, cat)
			}
		case "past":
			past = c.pastYear(m)
		case "actor":
			add(c.actor(m))
		case "person":
			add(c.person(m))
		case "activity":
			add(c.activity(m))
		case "context":
			add(c.context(m))
		case "fallback":
			if len(parts) == 0 {
				add(c.context(m))
			}
		case "location", "place":
			add(c.place(m, p == "place"))
		}
	}
	if m.date != nil && m.date.known && past == "" {
		cur := c.yearHint
		if !c.anchor.IsZero() {
			cur = c.anchor.Year()
		}
		if y := m.date.lo.Year(); cur == 0 && m.date.yearOnly || cur != 0 && y < cur {
			past = strconv.Itoa(y)
		} else if ref := c.latestDate(); !m.date.relative && len(m.date.iso) == 10 && !ref.IsZero() && m.date.lo.Before(ref.AddDate(0, 0, -pastDays)) {
			// "On January 14, two constables were killed" in a report of
			// January 31: an earlier event's day.
			past = m.date.iso
		}
	}
	if past != "" {
		parts = append(parts, "("+past+")")
	}
	if m.kind != claims.KindDate && m.kind != claims.KindTime && (m.supersede || c.superseded(m)) {
		// A figure the text itself calls earlier is not the current one.
		parts = append(parts, "(earlier report)")
	}
	return strings.Join(parts, " ")
}

// category is the victim category of a count: from its noun ("soldiers"),
// from a phrase of the slot in the clause ("missing, presumed dead"), or
// "included" for a part of a larger figure ("including one person").
func (c *docCtx) category(m *mention, s *slotDef) string {
	if m.category == "civilians" {
		c.askedBreakdown = true
	}
	if m.category == "civilians" && !c.breakdown {
		return ""
	}
	lo, hi := c.window(m)
	switch m.kind {
	case claims.KindCount:
		hi += 3 // a count's category may follow a comma: "58 missing, presumed dead"
	case claims.KindMeasure:
		// A measure's category stands before it or is its own noun: "a
		// 5.6-magnitude jolt", not "the 7.1-magnitude quake was followed
		// by aftershocks".
		hi = min(hi, m.to+1)
	}
	if cat, ok := c.clauseCategory(s, lo, hi); ok {
		if m.category != "" && m.category != cat {
			return m.category + " " + cat // "drones intercepted"
		}
		return cat
	}
	if m.category != "" {
		return m.category
	}
	if t := m.partOf; t != nil {
		if t.val.IsPoint() && !t.val.Approx && !t.val.Vague {
			// "16 bodies, including one person who died in hospital": a
			// part compares only with parts of the same total.
			return "part of " + strconv.FormatFloat(t.val.Lo, 'f', -1, 64)
		}
		return "included"
	}
	if (m.class == "person" || m.class == "") && (includeWords[c.word(m.from-1)] || includeWords[c.word(m.from-2)] && determiners[c.word(m.from-1)]) {
		return "included"
	}
	return ""
}

// event names the incident a toll or date belongs to: the nearest event
// word in the sentence; a generic one ("the attack") takes a specific event
// from the sentence, the previous sentence of the paragraph, or the story.
func (c *docCtx) event(m *mention) string {
	lex := c.x.lex
	si := int(c.sentOf[m.from])
	s := c.sents[si]
	// A specific event in the figure's own clause wins: in "a chemical
	// attack that killed 78 people and a US strike", the toll is the
	// attack's.
	if lo, hi := c.window(m); true {
		best, bestD := "", 1<<30
		for k := max(s.from, lo-3); k < hi; k++ {
			if k >= m.from && k < m.to {
				continue
			}
			ev, ok := c.eventAt(k)
			if !ok || lex.generic[ev] {
				continue
			}
			d := m.dist(k)
			if d < bestD {
				best, bestD = ev, d
			}
		}
		if best != "" {
			return best
		}
	}
	best, bestD, generic := "", 1<<30, false
	specific, specD := "", 1<<30
	for k := s.from; k < s.to; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		ev, ok := c.eventAt(k)
		if !ok {
			if m.kind == claims.KindDate || m.kind == claims.KindTime {
				ev = c.info[k].activity
				ok = ev != ""
			}
			if !ok {
				continue
			}
		}
		d := m.dist(k)
		if ev == "statement" {
			d += 12 // who said it is a weaker anchor than what happened
		}
		if d < bestD {
			best, bestD, generic = ev, d, lex.generic[ev]
		}
		if !lex.generic[ev] && d < specD {
			specific, specD = ev, d
		}
	}
	if best != "" && !generic {
		return best
	}
	if specific != "" {
		return specific
	}
	if best == "" && m.kind != claims.KindDate && m.kind != claims.KindTime {
		// no event word: the previous sentence of the paragraph, else the story
		if si > 0 && c.sents[si-1].para == s.para {
			p := c.sents[si-1]
			for k := p.to - 1; k >= p.from; k-- {
				if ev, ok := c.eventAt(k); ok && !lex.generic[ev] {
					return ev
				}
			}
		}
	} else if best == "" {
		return ""
	}
	if c.mainEvent != "" {
		return c.mainEvent
	}
	c.askedEvent = true
	if c.storyEvent != "" {
		return c.storyEvent
	}
	return best
}

// pastYear returns a year other than the story's that the clause ties the
// figure to ("the Sandy Hook shooting in 2012 that killed 27"), or "".
func (c *docCtx) pastYear(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	cur := c.yearHint
	if !c.anchor.IsZero() {
		cur = c.anchor.Year()
	}
	best, bestD := "", 13
	for k := s.from; k < s.to; k++ {
		t := c.toks[k]
		d := m.dist(k)
		if d >= bestD || k >= m.from && k < m.to {
			continue
		}
		if y, ok := isYear(t.low); ok && t.kind == tNum && (cur == 0 || y < cur) {
			best, bestD = t.low, d
		}
		if t.low == "last" && base(c.word(k+1)) == "year" || base(t.low) == "year" && c.word(k-1) == "last" {
			if cur != 0 {
				best = strconv.Itoa(cur - 1)
			} else {
				best = "last year"
			}
			bestD = d
		}
		if t.low == "last" && isMonth(c.word(k+1)) {
			best, bestD = "last "+c.word(k+1), d // "landslides last April"
		}
		// A day well before the story's: "the strike on its embassy on
		// April 1, where 12 people were killed", in a report of April 14.
		if ref := c.latestDate(); c.info[k].month && m.kind != claims.KindDate && m.kind != claims.KindTime && !ref.IsZero() {
			if dm, ok := parseDate(c.toks, k, c.anchor, c.yearHint, false); ok && dm.known && len(dm.iso) == 10 && !dm.relative &&
				dm.lo.Before(ref.AddDate(0, 0, -pastDays)) {
				best, bestD = dm.iso, d
			}
		}
	}
	return best
}

// latestDate is the latest day the document gives or is dated (its own
// date, --date, or the story's).
func (c *docCtx) latestDate() time.Time {
	if c.anchor.After(c.latest) {
		return c.anchor
	}
	return c.latest
}

// pastDays is how many days before the latest date of a report a day must
// lie for the figures tied to it to be about an earlier event.
const pastDays = 7

// actor names who a count belongs to: "Russia's eighth veto", "China,
// which has vetoed six resolutions", "Russia vetoed".
func (c *docCtx) actor(m *mention) string {
	s := c.sents[c.sentOf[m.from]]
	for k := m.from - 1; k >= s.from && m.from-k <= 8; k-- {
		t := c.toks[k]
		if t.kind == tWord && t.cap && possessive(t.low) {
			return properName(c.text[t.start:t.end])
		}
		if (t.low == "which" || t.low == "who") && c.word(k-1) == "," && k >= 2 && c.toks[k-2].cap {
			return properName(c.text[c.toks[k-2].start:c.toks[k-2].end])
		}
		if t.low == "." || t.low == ";" {
			break
		}
	}
	// The subject of the clause: the nearest capitalised word before the
	// figure that is not the first word of the sentence.
	for k := m.from - 1; k > s.from && m.from-k <= 6; k-- {
		t := c.toks[k]
		if isClauseBreak(t.low) {
			break
		}
		if t.kind == tWord && t.cap && !c.x.triggerWord[t.low] {
			return properName(c.text[t.start:t.end])
		}
	}
	return ""
}

// properName strips a possessive ending, keeping the case.
func properName(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// person names whose age a figure is: the surname next to it.
func (c *docCtx) person(m *mention) string {
	// "64-year-old Stephen Paddock", "a 64-year-old gunman"
	k := m.to
	if k < len(c.toks) && c.toks[k].kind == tWord {
		if c.toks[k].cap {
			for k+1 < len(c.toks) && c.toks[k+1].cap && c.toks[k+1].kind == tWord && !c.toks[k+1].space == false && c.toks[k+1].nl == 0 {
				k++
			}
			return properName(c.text[c.toks[k].start:c.toks[k].end])
		}
		if !stopNoun[c.toks[k].low] {
			w := c.toks[k].low
			if role, ok := roleWords[w]; ok {
				if name := c.roles[role]; name != "" {
					return name
				}
				c.askedRoles = true
				if name := c.storyRoles[role]; name != "" {
					return name
				}
			}
			return w
		}
	}
	// "Stephen Paddock, 64", "Stephen Paddock, age 64"
	k = m.from - 1
	for k >= 0 && (c.toks[k].low == "," || c.toks[k].low == "age" || c.toks[k].low == "aged") {
		k--
	}
	if k >= 0 && c.toks[k].cap && c.toks[k].kind == tWord {
		return properName(c.text[c.toks[k].start:c.toks[k].end])
	}
	return ""
}

// activity names what a duration, amount or share is of: the nearest
// event or activity word in the clause, else the noun after "of".
func (c *docCtx) activity(m *mention) string {
	lex := c.x.lex
	if m.kind == claims.KindDuration {
		if a := c.durationOf(m); a != "" {
			return a
		}
	}
	lo, hi := c.window(m)
	s := c.sents[c.sentOf[m.from]]
	lo = max(s.from, lo-3)
	best, bestD := "", 1<<30
	for k := lo; k < hi; k++ {
		if k >= m.from && k < m.to {
			continue
		}
		name, ok := c.info[k].activity, c.info[k].activity != ""
		if !ok {
			name = c.info[k].event
			ok = name != "" && !lex.generic[name]
		}
		if !ok {
			continue
		}
		d := m.dist(k)
		if d < bestD {
			best, bestD = name, d
		}
	}
	if best != "" {
		return best
	}
	if m.ofTok >= 0 {
		return c.toks[m.ofTok].low
	}
	// Nothing named: the nearest content word before the figure keeps it
	// apart from unrelated figures of the same slot.
	for k := m.from - 1; k >= s.from && m.from-k <= 6; k-- {
		t := c.toks[k]
		if t.kind == tWord && len(t.low) > 3 && !stopNoun[t.low] && !c.x.triggerWord[t.low] {
			if _, q, ok := qualifierBefore(c.toks, k+1); ok && q <= k {
				continue
			}
			return t.low
		}
	}
	return ""
}

// place names where a distance or a count of bodies is measured from or
// kept: "40 kilometres from the city of Homs", "bodies recovered from the
// building", "taken to a morgue".
func (c *docCtx) place(m *mention, proper bool) string {
	s := c.sents[c.sentOf[m.from]]
	for k := m.to; k < s.to && k-m.to < 10; k++ {
		w := c.toks[k].low
		if w != "from" && w != "of" && w != "to" && w != "in" {
			continue
		}
		if w == "to" && (c.word(k-1) == "according" || c.word(k-1) == "due" || c.word(k-1) == "thanks") {
			break // "…, according to Interfax": who said it, not where
		}
		q := k + 1
		for q < s.to && (determiners[c.word(q)] || c.word(q) == "a" || c.word(q) == "city" || c.word(q) == "town" || c.word(q) == "village") {
			q++
		}
		if q >= s.to || c.toks[q].kind != tWord {
			continue
		}
		if proper {
			if !c.toks[q].cap {
				if w := c.toks[q].low; len(w) > 3 && !stopNoun[w] {
					return w // "from the capital"
				}
				continue
			}
			e := q
			for e+1 < s.to && c.toks[e+1].cap && c.toks[e+1].kind == tWord {
				e++
			}
			return c.text[c.toks[q].start:c.toks[e].end]
		}
		w = c.toks[q].low
		if w == "morgue" {
			w = "mortuary"
		}
		return w
	}
	return ""
}

// eventAt returns the event the word at toks[k] names, if any. "Fire" in
// "opened fire" or "rapid-fire" is gunfire, not a blaze.
func (c *docCtx) eventAt(k int) (string, bool) {
	ev := c.info[k].event
	if ev == "" {
		return "", false
	}
	w := c.toks[k].low
	if w == "fire" || w == "fires" {
		switch c.word(k - 1) {
		case "open", "opened", "opens", "opening", "returned", "return", "returning", "cease", "under", "exchanged", "-", "gun", "heavy", "sniper", "friendly", "hostile":
			return "", false
		}
		if c.word(k+1) == "-" || c.word(k+1) == "fighting" {
			return "", false
		}
	}
	if institutionWords[c.word(k+1)] {
		return "", false // "fire officials", "the fire department said"
	}
	return ev, true
}

func (c *docCtx) isEvent(k int) bool {
	_, ok := c.eventAt(k)
	return ok
}

// institutionWords after an event word make it the name of who speaks,
// not of what happened: "fire officials", "the flood agency", "storm
// centre".
var institutionWords = map[string]bool{"department": true, "departments": true, "official": true, "officials": true,
	"chief": true, "chiefs": true, "brigade": true, "service": true, "services": true, "station": true,
	"authority": true, "authorities": true, "agency": true, "commissioner": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "marshal": true, "crews": true, "center": true, "centre": true,
	"warning": true, "warnings": true, "alert": true, "alerts": true, "season": true, "insurance": true}

var includeWords = map[string]bool{"including": true, "includes": true, "included": true, "include": true}

// context is the nearest content word before a figure in its clause,
// used to keep apart counts of things that are parts of each other.
func (c *docCtx) context(m *mention) string {
	lo, _ := c.window(m)
	for k := m.from - 1; k >= lo && m.from-k <= 6; k-- {
		t := c.toks[k]
		if c.inMention[k] != markNone {
			break
		}
		if t.kind != tWord || t.cap || len(t.low) < 4 || stopNoun[t.low] || c.x.triggerWord[t.low] {
			continue
		}
		if _, isNoun := c.x.lex.nouns[t.low]; isNoun && k > m.from-2 {
			continue
		}
		return t.low
	}
	return ""
}

// distributeQualifiers carries a bound over a headline list: in "More than
// 50 dead, 200 injured" both figures are lower bounds.
func (c *docCtx) distributeQualifiers(ms []*mention) {
	for k := 1; k < len(ms); k++ {
		p, m := ms[k-1], ms[k]
		if m.qual != "" || m.kind != claims.KindCount || p.kind != claims.KindCount || p.qual == "" ||
			!math.IsInf(p.val.Hi, 1) || math.IsInf(p.val.Lo, 0) || m.val.Vague || c.sentOf[p.from] != c.sentOf[m.from] {
			continue
		}
		comma := false
		ok := m.from-p.to <= 3
		for q := p.to; q < m.from && ok; q++ {
			w := c.toks[q].low
			switch {
			case w == ",":
				comma = true
			case c.x.triggerWord[w]:
			default:
				ok = false
			}
		}
		if ok && comma {
			m.val.Hi, m.val.HiOpen, m.val.LoOpen, m.val.Tol = math.Inf(1), false, p.val.LoOpen, 0
			m.qual = p.qual
		}
	}
}

// activityAt names the activity or specific event the word at k is, if any.
func (c *docCtx) activityAt(k int) string {
	lex := c.x.lex
	if name := c.info[k].activity; name != "" && name != "statement" {
		return name
	}
	if ev, ok := c.eventAt(k); ok && !lex.generic[ev] {
		return ev
	}
	return ""
}

// durationOf names what a duration is the length of: "37 seconds of
// silence", "a two-hour meeting", "a fire raged ... for over an hour", "the
// strike lasted a couple of minutes".
func (c *docCtx) durationOf(m *mention) string {
	if m.ofTok >= 0 {
		if a := c.activityAt(m.ofTok); a != "" {
			return a
		}
		return c.toks[m.ofTok].low
	}
	s := c.sents[c.sentOf[m.from]]
	for k := m.to; k < s.to && k < m.to+2; k++ {
		if a := c.activityAt(k); a != "" {
			return a
		}
	}
	for k := m.from - 1; k >= s.from && m.from-k <= 12; k-- {
		if c.inMention[k] != markNone {
			break
		}
		if a := c.activityAt(k); a != "" {
			return a
		}
	}
	return ""
}

// combatants are the person categories civilians are told apart from.
var combatants = map[string]bool{"soldiers": true, "fighters": true, "police": true}

// countsCombatants reports whether one sentence of the document counts
// both civilians and combatants ("three soldiers and two civilians"): then
// the story's civilian tolls are a category of their own; otherwise
// "dozens of civilians" and "more than 80 people" are one toll.
func (c *docCtx) countsCombatants() bool {
	civ, mil := map[int32]bool{}, map[int32]bool{}
	for i, t := range c.toks {
		if t.kind != tWord {
			continue
		}
		ref := c.info[i].noun
		if ref == nil || ref.class != "person" {
			continue
		}
		// only nouns counted by a figure just before them
		if i == 0 || (c.toks[i-1].kind != tNum && !isNumberWord(c.toks[i-1].low) && c.toks[i-1].low != "dozens") && (i < 2 || c.toks[i-2].kind != tNum && !isNumberWord(c.toks[i-2].low)) {
			continue
		}
		switch {
		case ref.category == "civilians":
			civ[c.sentOf[i]] = true
		case combatants[ref.category]:
			mil[c.sentOf[i]] = true
		}
	}
	for s := range civ {
		if mil[s] {
			return true
		}
	}
	return false
}

// dimensionWords after a length make it a size.
var dimensionWords = map[string]bool{"long": true, "tall": true, "high": true, "wide": true, "deep": true, "thick": true, "across": true, "in diameter": true}

// comparisonSpan reports whether duration m is the span of a record:
// "in (more than) 50 years", "in the past 12 years", "in decades".
func (c *docCtx) comparisonSpan(m *mention) bool {
	if w := c.word(m.from - 1); (w == "first" || w == "next") && c.word(m.from-2) == "the" {
		return true // "the first two hours that I was here": a stretch of time, not how long anything lasted
	}
	if m.val.Lo < 365*86400 {
		return false // "in two hours" is a time to do something
	}
	k := m.from - 1
	if w := c.word(k); w == "past" || w == "last" {
		k--
		if c.word(k) == "the" {
			k--
		}
	}
	return c.word(k) == "in" || c.word(k) == "than" && c.word(k-1) == "more"
}

// voteWords make "128-9" a vote's scoreline.
var voteWords = map[string]bool{"vote": true, "voted": true, "votes": true, "voting": true, "approved": true,
	"passed": true, "adopted": true, "rejected": true, "defeated": true, "resolution": true, "bill": true,
	"motion": true, "amendment": true, "ballot": true, "endorsed": true}

// losingWords make a scoreline's first figure the votes against.
var losingWords = map[string]bool{"rejected": true, "defeated": true, "failed": true, "down": true, "blocked": true}

// scoreline reads a vote's tally at toks[i]: "approved 128-9", "by a vote
// of 128 to nine", "passed 52 to 47". The first figure is the votes for,
// unless the sentence says the measure was rejected or defeated.
func (c *docCtx) scoreline(i int) ([2]*mention, bool) {
	var none [2]*mention
	t := c.toks[i]
	if t.kind != tNum && !isNumberWord(t.low) {
		return none, false
	}
	a, ok := parseNumber(c.text, c.toks, i)
	if !ok || a.ordinal || a.vague != nil {
		return none, false
	}
	sep := a.to
	if sep+1 >= len(c.toks) {
		return none, false
	}
	switch w := c.toks[sep].low; {
	case (w == "-" || w == "–" || w == "—") && !c.toks[sep].space && !c.toks[sep+1].space:
	case w == "to":
	default:
		return none, false
	}
	b, ok := parseNum(c.text, c.toks, sep+1, false)
	if !ok || b.ordinal || b.vague != nil || b.v > a.v && c.toks[sep].low == "to" {
		return none, false // "between 20 to 25": a range
	}
	s := c.sents[c.sentOf[i]]
	vote, losing := false, false
	for k := s.from; k < s.to; k++ {
		w := c.toks[k].low
		vote = vote || voteWords[w]
		losing = losing || losingWords[w] && k < i
	}
	if !vote {
		return none, false
	}
	first, second := "vote_in_favour", "vote_against"
	if losing {
		first, second = second, first
	}
	mk := func(n parsedNum, slot string) *mention {
		return &mention{from: n.from, to: n.to, numFrom: n.from, numTo: n.to, noun: -1, ofTok: -1,
			kind: claims.KindCount, val: claims.Exact(n.v), slot: slot}
	}
	return [2]*mention{mk(a, first), mk(b, second)}, true
}

// listItem reports whether the bare figure m is the next item of a list
// by place that prev opened: "Three people died in X, seven in Y".
func (c *docCtx) listItem(prev, m *mention) bool {
	if prev.class == "" || prev.kind != m.kind || c.sentOf[prev.from] != c.sentOf[m.from] || m.noun >= 0 {
		return false
	}
	if w := c.word(m.from - 1); w != "," && w != "and" {
		return false
	}
	if w := c.word(m.to); (w != "in" && w != "from") || m.to+1 >= len(c.toks) {
		return false
	}
	return c.properPlace(m.to + 1)
}

// increment reports whether figure m is counted on top of another:
// "another 79", "an additional four", "a further 12", "the remaining
// three", "four additional victims".
func (c *docCtx) increment(m *mention) bool {
	switch c.word(m.from - 1) {
	case "another", "additional", "further", "remaining":
		return true
	}
	w := c.word(m.numTo)
	return w == "additional" || w == "further" || w == "other" // "one other officer", "four other people"
}

// tollSlots count the people an event killed, hurt or left missing.
var tollSlots = map[string]bool{"death_toll": true, "injured_count": true, "missing_count": true}

// partitives links the part and the whole of "12 of the 20 passengers
// died", "Eleven of the council's 15 members voted for": what the clause
// goes on to say is said of the part, so the part takes the triggers
// after the whole, and the whole takes none of them.
func (c *docCtx) partitives(ms []*mention) {
	for k := 0; k+1 < len(ms); k++ {
		p, w := ms[k], ms[k+1]
		if p.kind != claims.KindCount || w.kind != claims.KindCount || c.word(p.to) != "of" ||
			w.from-p.to > 3 || c.sentOf[p.from] != c.sentOf[w.from] {
			continue
		}
		between := true
		for q := p.to + 1; q < w.from; q++ {
			if t := c.toks[q]; !determiners[t.low] && !strings.HasSuffix(t.low, "'s") {
				between = false
			}
		}
		if between {
			p.ofWhole, w.isWhole = w, true
		}
	}
}

// partWords introduce a part of a total just given: "16 bodies, including
// one person who died in hospital".
var partWords = [][]string{{"including"}, {"among", "them"}, {"of", "whom"}, {"of", "which"}, {"among", "whom"}}

// remainderWords stand for what is left of a total once a part is set
// apart: "the others", "the rest", "the remainder".
var remainderWords = map[string]bool{"others": true, "rest": true, "remainder": true}

// remainders adds the figure a text gives only by arithmetic: "16 bodies
// are in a mortuary, including one person who died in hospital - the
// others have been recovered from the building" states 15 bodies
// recovered from the building. The new mention stands on "the others"
// and takes the total's noun class; its own clause gives it a slot and
// subject like any other figure. Only exact counts are subtracted.
func (c *docCtx) remainders(ms []*mention) []*mention {
	exact := func(m *mention) bool {
		return m.kind == claims.KindCount && m.class != "" && !m.ordinal && !m.age && m.val.IsPoint() && !m.val.Approx && !m.val.Vague
	}
	var add []*mention
	for k, total := range ms {
		if k+1 >= len(ms) || !exact(total) {
			continue
		}
		part := ms[k+1]
		si := c.sentOf[total.from]
		if c.sentOf[part.from] != si || !exact(part) || part.val.Lo >= total.val.Lo || !c.partBefore(part.from, total.to) {
			continue
		}
		end := c.sents[si].to
		if k+2 < len(ms) && ms[k+2].from < end {
			end = ms[k+2].from
		}
		for q := part.to; q+1 < end; q++ {
			if c.word(q) != "the" || !remainderWords[c.word(q+1)] {
				continue
			}
			r := &mention{from: q, to: q + 2, numFrom: q, numTo: q + 2, noun: q + 1, ofTok: -1, whole: total,
				kind: claims.KindCount, unit: total.unit, class: total.class, category: total.category,
				val:     claims.Exact(total.val.Lo - part.val.Lo),
				derived: strconv.FormatFloat(total.val.Lo, 'f', -1, 64) + " - " + strconv.FormatFloat(part.val.Lo, 'f', -1, 64)}
			add = append(add, r)
			break
		}
	}
	if len(add) == 0 {
		return ms
	}
	// A remainder stands after its part.
	out := append(slices.Clip(ms), add...)
	slices.SortStableFunc(out, func(a, b *mention) int { return a.from - b.from })
	return out
}

// partBefore reports whether one of partWords ends right before token k
// and after token from: "…, including one person".
func (c *docCtx) partBefore(k, from int) bool {
	for _, p := range partWords {
		if k-len(p) < from {
			continue
		}
		if _, ok := c.matchPhrase(k-len(p), p); ok {
			return true
		}
	}
	return false
}

// anaphoric determiners refer back to a figure already given: "those 23
// flats", "the remaining 23 flats".
var anaphoric = map[string]bool{"those": true, "these": true, "remaining": true, "said": true}

// dropAnaphors drops a figure that only refers back to one the document
// has already stated ("those 23 flats" after "23 flats"): it is not a new
// claim.
func (c *docCtx) dropAnaphors(ms []*mention) []*mention {
	type seenKey struct {
		v     float64
		class string
	}
	seen := map[seenKey]bool{}
	out := ms[:0]
	for _, m := range ms {
		if m.kind == claims.KindCount && m.class != "" && !m.val.Vague {
			k := seenKey{m.val.Lo, m.class}
			if seen[k] && m.qual == "" && anaphoric[c.word(m.from-1)] {
				continue
			}
			seen[k] = true
		}
		out = append(out, m)
	}
	return out
}

// datedActivities are the activities whose day is a fact a story reports.
var datedActivities = map[string]bool{"meeting": true, "news conference": true, "vote": true, "veto": true, "visit": true}

// quantityWord holds the words a quantity or a date can start with; other
// words are skipped without trying the parsers.
var quantityWord = func() map[string]bool {
	m := map[string]bool{}
	for _, words := range []map[string]float64{units, tens, ordinalWords, scales} {
		for w := range words {
			m[w] = true
		}
	}
	for w := range vagueWords {
		m[w] = true
	}
	for w := range monthNames {
		m[w] = true
	}
	for w := range weekdayNames {
		m[w] = true
	}
	for _, w := range []string{"a", "an", "half", "several", "yesterday", "today", "tonight", "last", "this", "next", "tens", "dozen"} {
		m[w] = true
	}
	return m
}()

func isMonth(w string) bool {
	_, ok := monthNames[w]
	return ok
}

// sentenceText returns sentence si with its white space folded, computed
// once per sentence.
func (c *docCtx) sentenceText(si int) string {
	if t, ok := c.sentText[si]; ok {
		return t
	}
	if c.sentText == nil {
		c.sentText = map[int]string{}
	}
	s := c.sents[si]
	t := foldSpace(c.text[s.start:s.end])
	c.sentText[si] = t
	return t
}

// needsFold reports whether foldSpace would change s: white space at
// either end, other than single ASCII spaces, or two in a row.
func needsFold(s string) bool {
	if len(s) == 0 {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return true
	}
	for i := 0; i < len(s); i++ {
		if !foldByte[s[i]] {
			continue
		}
		if s[i] < utf8.RuneSelf {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// foldByte marks the ASCII white space other than the space, and the lead
// bytes of the other white space characters (U+0085, U+00A0, U+1680,
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
var foldByte = [256]bool{'\n': true, '\t': true, '\r': true, '\f': true, '\v': true, 0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// foldSpace replaces each run of white space in s by one space and drops
// white space at either end. The result never shares memory with s.
func foldSpace(s string) string {
	if !needsFold(s) {
		return strings.Clone(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				space = true
				i++
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
