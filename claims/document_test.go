package claims

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// naivePosition is Position counted from the start of the line.
func naivePosition(raw []byte, off int) (line, col int) {
	start := 0
	line = 1
	for i := 0; i < off; i++ {
		if raw[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(raw[start:off]) + 1
}

func TestPositionLongLines(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "€", "😀", "\xe2\x82", "\xff", "\x80", " ", "\n"}
	for n := range 20 {
		var b strings.Builder
		for b.Len() < 3*colStep+n*1000 {
			p := pieces[r.IntN(len(pieces))]
			if p == "\n" && r.IntN(50) != 0 {
				p = "x"
			}
			b.WriteString(p)
		}
		raw := []byte(b.String())
		d := &Document{Raw: raw}
		for range 300 {
			off := r.IntN(len(raw) + 1)
			line, col := d.Position(off)
			wl, wc := naivePosition(raw, off)
			if line != wl || col != wc {
				t.Fatalf("doc %d: Position(%d) = %d:%d, want %d:%d", n, off, line, col, wl, wc)
			}
		}
	}
}

// TestPositionLinear checks that the columns of many offsets on one 10 MB
// line are not each counted from the start of the line.
func TestPositionLinear(t *testing.T) {
	raw := []byte(strings.Repeat("Größe 59, ", 1<<20))
	d := &Document{Raw: raw}
	start := time.Now()
	for off := 0; off < len(raw); off += 97 {
		d.Position(off)
	}
	if line, col := d.Position(len(raw)); line != 1 || col != 10<<20+1 {
		t.Errorf("Position(end) = %d:%d, want 1:%d", line, col, 10<<20+1)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("100,000 positions on a 10 MB line took %v", el)
	}
}
