package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/factcheck/factcheck/claims"
)

// warnings collects the warnings of a run (inputs left out, articles no
// claim was read from, figures too large, rule paths with no rule …) and
// prints them on standard error, each once, in the order they came.
type warnings struct {
	mu   sync.Mutex
	list []claims.Warning
	seen map[claims.Warning]bool
}

// add records w; it is safe for concurrent use.
func (ws *warnings) add(w claims.Warning) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.seen == nil {
		ws.seen = map[claims.Warning]bool{}
	}
	if !ws.seen[w] {
		ws.seen[w] = true
		ws.list = append(ws.list, w)
	}
}

// flush prints the warnings recorded so far as "factcheck: warning: …"
// lines and forgets them.
func (ws *warnings) flush(stderr io.Writer) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for _, w := range ws.list {
		fmt.Fprintf(stderr, "factcheck: warning: %s\n", w)
	}
	ws.list = nil
}
