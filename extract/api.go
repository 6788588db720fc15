package extract

import (
	"github.com/factcheck/factcheck/claims"
)

// Options control extraction over a set of documents.
type Options struct {
	// Date is the date relative dates are resolved against when a document
	// gives none of its own (ISO 8601 date; "" to infer).
	Date string
	// All keeps quantities no slot claimed (empty Slot and Subject).
	All bool
}

// Extractor reads claims from documents using a slot lexicon. It is safe
// for concurrent use.
type Extractor struct {
	lex *Lexicon
}

// New returns an Extractor that uses lex.
func New(lex *Lexicon) *Extractor { return &Extractor{lex: lex} }

// Run extracts the claims of docs, in document order, and numbers them
// c1, c2 … . Documents without a date of their own take the latest date the
// other documents of the same story give.
func (x *Extractor) Run(docs []*claims.Document, opt Options) []*claims.Claim {
	return nil // TODO(extraction): filled in by the extraction work
}
