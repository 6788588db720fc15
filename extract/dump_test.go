package extract

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestDump prints the claims of the files in $FC_DUMP (a directory); it is
// a development aid and does nothing otherwise.
func TestDump(t *testing.T) {
	dir := os.Getenv("FC_DUMP")
	if dir == "" {
		t.Skip("FC_DUMP not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	var docs []*claims.Document
	for _, f := range files {
		b, _ := os.ReadFile(f)
		docs = append(docs, &claims.Document{Source: filepath.Base(f), Raw: b, Text: string(b)})
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	cs := New(lex).Run(docs, Options{All: os.Getenv("FC_ALL") != ""})
	for _, c := range cs {
		sup := ""
		if c.Superseded {
			sup = " (superseded)"
		}
		fmt.Printf("%-28s %-18s %-30s %-22s %-8s %q%s\n", fmt.Sprintf("%s:%d:%d", c.Source[:min(len(c.Source), 12)], c.Span.Line, c.Span.Col), c.Slot, c.Subject, fmtVal(c.Value), c.Unit, c.Text, sup)
	}
}

func fmtVal(v claims.Value) string {
	if v.Date != "" {
		return v.Date
	}
	if v.Text != "" {
		return "'" + v.Text + "'"
	}
	s := ""
	switch {
	case v.Lo == v.Hi:
		s = fmt.Sprint(v.Lo)
	case math.IsInf(v.Hi, 1):
		op := ">="
		if v.LoOpen {
			op = ">"
		}
		s = op + fmt.Sprint(v.Lo)
	default:
		s = fmt.Sprintf("%v..%v", v.Lo, v.Hi)
	}
	if v.Approx {
		s = "~" + s
	}
	if v.Vague {
		s += "(v)"
	}
	return s
}
