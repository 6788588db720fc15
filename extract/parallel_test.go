package extract

import (
	"runtime"
	"testing"
)

// TestParallelPanic checks that a panic in a worker reaches the caller of
// parallel, where the command's recover turns it into one line, rather
// than killing the process with a goroutine dump.
func TestParallelPanic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer func() {
		if r := recover(); r != "boom 3" {
			t.Errorf("recovered %v, want boom 3", r)
		}
	}()
	(&Extractor{}).parallel(8, func(i int) {
		if i == 3 {
			panic("boom 3")
		}
	})
	t.Error("parallel returned after a worker panicked")
}
