package extract

import (
	"maps"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factcheck/factcheck/claims"
)

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
		if dm, ok := c.x.vocab.parseDate(c.toks, c.dateline, ctx.anchor, ctx.year, false); ok && dm.known && len(dm.iso) == 10 {
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
