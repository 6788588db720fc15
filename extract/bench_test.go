package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// corpus returns the testdata articles (seeds and labelled stories) as
// separate documents, repeated until they hold at least size bytes.
func corpus(b *testing.B, size int) ([]*claims.Document, int) {
	b.Helper()
	var files []string
	for _, g := range []string{"../testdata/seeds/*.txt", "../testdata/gold/*/*.txt"} {
		m, err := filepath.Glob(g)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		b.Fatal("no testdata articles")
	}
	var texts []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	var docs []*claims.Document
	n := 0
	for n < size {
		for i, t := range texts {
			docs = append(docs, &claims.Document{Source: files[i], Raw: []byte(t), Text: t})
			n += len(t)
		}
	}
	return docs, n
}

// BenchmarkExtract measures extraction throughput (MB/s) on real news text
// repeated to 20 MB. Run it with -cpu 1 for the one-core figure.
func BenchmarkExtract(b *testing.B) {
	docs, n := corpus(b, 20<<20)
	lex, err := DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	x := New(lex)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Run(docs, Options{})
	}
}
