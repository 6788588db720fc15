package claims

import (
	"math/rand/v2"
	"strings"
	"testing"
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

// TestPositionLongLine checks columns on one 10 MB line. How long it
// takes is BenchmarkPositionLongLine's business, not a test's: a timed test
// fails on a busy machine.
func TestPositionLongLine(t *testing.T) {
	raw := []byte(strings.Repeat("Größe 59, ", 1<<20))
	d := &Document{Raw: raw}
	if line, col := d.Position(len(raw)); line != 1 || col != 10<<20+1 {
		t.Errorf("Position(end) = %d:%d, want 1:%d", line, col, 10<<20+1)
	}
	if line, col := d.Position(12 * 1000); line != 1 || col != 10*1000+1 {
		t.Errorf("Position(12000) = %d:%d, want 1:10001", line, col)
	}
}

// BenchmarkPositionLongLine measures 100,000 positions on a 10 MB line:
// each column is counted from the nearest mark, not from the line start.
func BenchmarkPositionLongLine(b *testing.B) {
	raw := []byte(strings.Repeat("Größe 59, ", 1<<20))
	for i := 0; i < b.N; i++ {
		d := &Document{Raw: raw}
		for off := 0; off < len(raw); off += 97 {
			d.Position(off)
		}
	}
}
