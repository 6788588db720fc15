package rules

import (
	"runtime"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestEvaluatePanic checks that a panic while evaluating a group on a
// worker goroutine (here a nil claim, a caller's bug) reaches the caller of
// Evaluate, where the command's recover turns it into one line, rather
// than killing the process with a goroutine dump.
func TestEvaluatePanic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	s := loadBuiltin(t)
	var groups []*claims.Group
	for range 8 {
		groups = append(groups, &claims.Group{Key: claims.Key{Slot: "death_toll"}, Kind: claims.KindCount, Claims: []*claims.Claim{nil}})
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("no panic reached the caller")
		}
	}()
	s.Evaluate(groups)
	t.Error("Evaluate returned after a worker panicked")
}
