package extract

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// storyDocs returns fresh documents of the testdata articles (Run sets
// Published, so every run needs its own), n copies of them, copy k in
// story "k" when stories is set; shuffled with seed when seed > 0.
func storyDocs(t testing.TB, n int, stories bool, seed uint64) []*claims.Document {
	t.Helper()
	var files []string
	for _, g := range []string{"../testdata/seeds/*.txt", "../testdata/gold/*/*.txt", "../testdata/extract/*.txt"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	var docs []*claims.Document
	for k := range n {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := parseText(raw)
			d.Source = fmt.Sprintf("%d/%s", k, f)
			if stories {
				d.Story = fmt.Sprint(k)
			}
			docs = append(docs, d)
		}
	}
	if seed > 0 {
		r := rand.New(rand.NewPCG(seed, seed))
		r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	}
	return docs
}

// exactRun reads docs the plain way Run must match: every document
// prepared, then every one extracted with its story's complete context.
func exactRun(x *Extractor, docs []*claims.Document, opt Options) []*claims.Claim {
	fallback, _ := parseAnchor(opt.Date)
	ctxs := make([]*docCtx, len(docs))
	stories := map[string]*storyFacts{}
	for i, d := range docs {
		c := x.prepare(d)
		if c.own && d.Published == "" {
			d.Published = c.anchor.Format("2006-01-02")
		}
		if stories[d.Story] == nil {
			stories[d.Story] = newStoryFacts()
		}
		stories[d.Story].add(c, c.countsCombatants())
		ctxs[i] = c
	}
	out := make([][]*claims.Claim, len(docs))
	for i, c := range ctxs {
		c.setContext(stories[c.doc.Story].context(), fallback)
		out[i] = c.extract(opt.All)
	}
	return number(out, 0)
}

// claimLines renders claims for comparison, one line each.
func claimLines(t testing.TB, cs []*claims.Claim) string {
	t.Helper()
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "%+v\n", *c)
	}
	return b.String()
}

// TestRunMatchesExact checks that Run, which extracts each document as
// soon as it is prepared with the story so far and reads again those that
// used a value the complete story changes, reads exactly what reading
// every document with its story complete reads: in one story and in
// many, in order and shuffled, with and without --date, on one core and
// on several.
func TestRunMatchesExact(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	for _, tc := range []struct {
		copies  int
		stories bool
		seed    uint64
		opt     Options
	}{
		{1, false, 0, Options{}},
		{3, false, 7, Options{All: true}},
		{3, true, 0, Options{}},
		{4, true, 11, Options{All: true}},
		{2, true, 5, Options{Date: "2017-04-10"}},
	} {
		for _, procs := range []int{1, 4} {
			name := fmt.Sprintf("copies=%d,stories=%v,seed=%d,date=%q,procs=%d", tc.copies, tc.stories, tc.seed, tc.opt.Date, procs)
			t.Run(name, func(t *testing.T) {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				want := claimLines(t, exactRun(x, storyDocs(t, tc.copies, tc.stories, tc.seed), tc.opt))
				got := claimLines(t, x.Run(storyDocs(t, tc.copies, tc.stories, tc.seed), tc.opt))
				if got != want {
					t.Errorf("Run differs from the exact reading (%d vs %d bytes of claims)", len(got), len(want))
				}
			})
		}
	}
}

// TestStreamMatchesRun checks that a Stream whose stories come whole
// reads what Run reads, numbering the claims on across batches; and that
// with small batches that cut stories it is deterministic.
func TestStreamMatchesRun(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	stream := func(docs []*claims.Document, opt Options, small bool) ([]*claims.Claim, int) {
		var got []*claims.Claim
		batches := 0
		s := x.NewStream(opt, func(cs []*claims.Claim) error {
			got = append(got, cs...)
			batches++
			return nil
		})
		if small {
			s.docs, s.bytes, s.maxDocs, s.maxBytes = 3, 1<<30, 5, 1<<30
		}
		for _, d := range docs {
			if err := s.Add(d); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if s.Claims() != len(got) {
			t.Errorf("Claims() = %d, emitted %d", s.Claims(), len(got))
		}
		return got, batches
	}
	for _, stories := range []bool{false, true} {
		opt := Options{All: true}
		want := claimLines(t, x.Run(storyDocs(t, 3, stories, 0), opt))
		got, _ := stream(storyDocs(t, 3, stories, 0), opt, false)
		if s := claimLines(t, got); s != want {
			t.Errorf("stories=%v: Stream differs from Run", stories)
		}
		// Small batches: stories of 14 documents are cut, so context is
		// per batch; the claims are the same from run to run and core
		// count to core count, numbered c1 … in order.
		var first string
		for _, procs := range []int{1, 4} {
			func() {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				cs, batches := stream(storyDocs(t, 3, stories, 0), opt, true)
				if batches < 3 {
					t.Errorf("stories=%v: %d batches, want several", stories, batches)
				}
				for i, c := range cs {
					if c.ID != fmt.Sprint("c", i+1) {
						t.Fatalf("claim %d has id %s", i, c.ID)
					}
				}
				s := claimLines(t, cs)
				if first == "" {
					first = s
				} else if s != first {
					t.Errorf("stories=%v: small batches read differently on %d cores", stories, procs)
				}
			}()
		}
	}
}

// TestStreamCutsAtStories checks where a Stream cuts its batches: at a
// story boundary once full, inside a story only at the largest.
func TestStreamCutsAtStories(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	s := x.NewStream(Options{}, func(cs []*claims.Claim) error { return nil })
	s.docs, s.bytes, s.maxDocs, s.maxBytes = 2, 1<<30, 4, 1<<30
	var cuts []int // the size of each batch read before Close
	for _, story := range strings.Split("a a a b c c c c c c d", " ") {
		before := len(s.batch)
		if err := s.Add(&claims.Document{Source: story, Story: story, Text: "The US fired 59 cruise missiles."}); err != nil {
			t.Fatal(err)
		}
		if len(s.batch) <= before {
			cuts = append(cuts, before)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// a a a | b c c c | c c c | d: full (2) is reached inside story a,
	// which runs on to its end; inside c the batch is cut at the largest
	// (4); c's rest ends at d.
	if want := []int{3, 4, 3}; !slices.Equal(cuts, want) {
		t.Errorf("batches cut after %v documents, want %v", cuts, want)
	}
}

// TestStoryBatches checks that Run's batches hold whole stories, in the
// order of each story's first document, documents in input order.
func TestStoryBatches(t *testing.T) {
	var docs []*claims.Document
	for _, st := range strings.Split("a b a c b d d e", " ") {
		docs = append(docs, &claims.Document{Story: st, Text: "xx"})
	}
	got := storyBatches(docs, 3, 1<<30)
	want := [][]int{{0, 1, 2, 4}, {3, 5, 6}, {7}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("storyBatches = %v, want %v", got, want)
	}
}

// TestReleaseKeepsClaims checks that with Options.Release the documents'
// text is dropped and the claims read are the same.
func TestReleaseKeepsClaims(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	want := claimLines(t, x.Run(storyDocs(t, 1, false, 0), Options{All: true}))
	docs := storyDocs(t, 1, false, 0)
	cs := x.Run(docs, Options{All: true, Release: true})
	if got := claimLines(t, cs); got != want {
		t.Errorf("claims read with Release differ")
	}
	for _, d := range docs {
		if d.Text != "" || d.Raw != nil {
			t.Fatalf("%s: text not released", d.Source)
		}
	}
	runtime.GC()
	if got := claimLines(t, cs); got != want {
		t.Errorf("claims changed after their documents were released")
	}
}
