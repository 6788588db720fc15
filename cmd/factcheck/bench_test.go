package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/factcheck/factcheck/eval"
)

// goldDir holds the labelled stories the benchmark feeds are built from.
const goldDir = "../../testdata/gold"

// benchFeed writes a JSONL feed of n articles built from the testdata
// stories (eval.WriteFeed: each copy of a story its own story, its figures
// varied) and returns its path and size.
func benchFeed(b *testing.B, n int) (string, int64) {
	b.Helper()
	clusters, err := eval.LoadClusters(goldDir)
	if err != nil || len(clusters) == 0 {
		b.Fatalf("load %s: %v", goldDir, err)
	}
	path := filepath.Join(b.TempDir(), fmt.Sprintf("feed%d.jsonl", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := eval.WriteFeed(f, clusters, n); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, info.Size()
}

// BenchmarkCheck runs `factcheck check --input-format jsonl --format json`
// in process, from reading the feed to writing the report, on feeds of
// 100, 1,000 and 10,000 articles. MB/s is of the feed's bytes.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{100, 1000, 10_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			path, size := benchFeed(b, n)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				code := run(context.Background(), []string{"check", "--no-config", "--fail-on", "none", "--input-format", "jsonl", "--format", "json", path},
					nil, io.Discard, io.Discard)
				if code != exitOK {
					b.Fatalf("check: exit %d", code)
				}
			}
		})
	}
}

// BenchmarkExtractStream runs `factcheck extract --input-format jsonl
// --format jsonl` in process on a feed of 10,000 articles: the claims are
// streamed out a batch at a time.
func BenchmarkExtractStream(b *testing.B) {
	path, size := benchFeed(b, 10_000)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		code := run(context.Background(), []string{"extract", "--no-config", "--input-format", "jsonl", "--format", "jsonl", path},
			nil, io.Discard, io.Discard)
		if code != exitOK {
			b.Fatalf("extract: exit %d", code)
		}
	}
}
