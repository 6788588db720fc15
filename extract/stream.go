package extract

import (
	"slices"

	"github.com/factcheck/factcheck/claims"
)

// Batches. Documents are read a batch at a time: a batch is read in
// parallel, its story context (see Run) is taken from the batch, and with
// Options.Release its text is dropped before the next batch. A batch is
// full at batchDocs documents or batchBytes of text; Run fills batches
// with whole stories only, so its output does not depend on them.
const (
	batchDocs  = 256
	batchBytes = 4 << 20
)

// A Stream may run a story on past a full batch, to keep the story in one
// batch, up to maxBatchDocs documents or maxBatchBytes of text.
const (
	maxBatchDocs  = 1024
	maxBatchBytes = 16 << 20
)

// storyBatches splits docs into batches of whole stories, in the order of
// each story's first document, each full once it holds maxDocs documents
// or maxBytes of text. It returns the indexes of each batch's documents,
// in input order. One story larger than a batch is a batch of its own.
func storyBatches(docs []*claims.Document, maxDocs, maxBytes int) [][]int {
	var order []string
	byStory := map[string][]int{}
	for i, d := range docs {
		if _, ok := byStory[d.Story]; !ok {
			order = append(order, d.Story)
		}
		byStory[d.Story] = append(byStory[d.Story], i)
	}
	var out [][]int
	var cur []int
	size := 0
	for _, s := range order {
		idx := byStory[s]
		cur = append(cur, idx...)
		for _, i := range idx {
			size += len(docs[i].Text)
		}
		if len(cur) >= maxDocs || size >= maxBytes {
			slices.Sort(cur)
			out = append(out, cur)
			cur, size = nil, 0
		}
	}
	if len(cur) > 0 {
		slices.Sort(cur)
		out = append(out, cur)
	}
	return out
}

// A Stream reads claims from documents given one at a time, a batch at a
// time, and hands each batch's claims to its emit function as soon as they
// are read: a feed of any length is read holding only the documents of
// one batch. Claims come in document order, numbered c1, c2 … across
// batches.
//
// A batch is cut at a story boundary (claims.Document.Story changes from
// one document to the next) once it is full (256 documents or 4 MiB of
// text), or wherever it has grown to 1,024 documents or 16 MiB. Story
// context (see Run) comes from the documents of the batch. So when each
// story's documents come together and no story is larger than that, a
// Stream reads exactly the claims Run reads from the same documents; a
// story cut in two, or told in documents far apart in the feed, lends
// context only within each batch. The cuts depend on the documents alone,
// never on timing or the number of cores, so the output is deterministic.
type Stream struct {
	x     *Extractor
	opt   Options
	emit  func([]*claims.Claim) error
	batch []*claims.Document
	size  int // bytes of text in batch
	n     int // claims emitted so far
	err   error

	// batch limits; the package constants, smaller in tests
	docs, bytes, maxDocs, maxBytes int
}

// NewStream returns a Stream that reads claims with x and opt and passes
// each batch's claims to emit. An error from emit stops the stream: Add
// and Close return it.
func (x *Extractor) NewStream(opt Options, emit func([]*claims.Claim) error) *Stream {
	return &Stream{x: x, opt: opt, emit: emit,
		docs: batchDocs, bytes: batchBytes, maxDocs: maxBatchDocs, maxBytes: maxBatchBytes}
}

// Add adds d to the stream. When d starts a new story and the batch is
// full, or the batch is at its largest, the batch is read and emitted
// first.
func (s *Stream) Add(d *claims.Document) error {
	if s.err != nil {
		return s.err
	}
	if n := len(s.batch); n > 0 {
		full := n >= s.docs || s.size >= s.bytes
		largest := n >= s.maxDocs || s.size >= s.maxBytes
		if full && d.Story != s.batch[n-1].Story || largest {
			s.flush()
		}
	}
	s.batch = append(s.batch, d)
	s.size += len(d.Text)
	return s.err
}

// Close reads and emits what is left. It returns the first error of emit.
func (s *Stream) Close() error {
	if s.err == nil && len(s.batch) > 0 {
		s.flush()
	}
	return s.err
}

// Claims returns how many claims the stream has emitted.
func (s *Stream) Claims() int { return s.n }

// flush reads the batch, emits its claims and drops it.
func (s *Stream) flush() {
	out, warns := s.x.extractBatch(s.batch, s.opt)
	sendWarnings(warns, s.opt)
	cs := number(out, s.n)
	s.n += len(cs)
	clear(s.batch)
	s.batch, s.size = s.batch[:0], 0
	if err := s.emit(cs); err != nil {
		s.err = err
	}
}
