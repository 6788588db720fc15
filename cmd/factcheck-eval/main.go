// Command factcheck-eval scores the checker against labelled news
// clusters (testdata/gold by default) and prints, per cluster, for each
// half (tune and check, as the corpus README's table splits them) and in
// total, numeric and date recall, claim precision, pairwise grouping F1,
// disagreements found, false flags, unlabelled findings, the mutation test
// and alarm precision. `make eval` runs it. The definitions follow
// ../shared/eval/score.py, which gives each source the publication date of
// gold.yaml as a feed would; -files gives none, as score.py --files does.
//
//	factcheck-eval [-gold DIR] [-mutations N] [-files] [-v]
//
// With -feed N it scores nothing and writes instead a JSONL feed of N
// articles built from the clusters' texts (see eval.WriteFeed), the corpus
// of `make bench-cli`.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/factcheck/factcheck/eval"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("factcheck-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "testdata/gold", "`DIR` of clusters, each with a gold.yaml")
	muts := fs.Int("mutations", 6, "mutation cases per cluster")
	verbose := fs.Bool("v", false, "list what was missed")
	files := fs.Bool("files", false, "give the sources no publication date (score.py --files); by default each has the one gold.yaml records")
	feed := fs.Int("feed", 0, "write a JSONL feed of `N` articles built from the clusters (for benchmarks) instead of scoring")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	clusters, err := eval.LoadClusters(*gold)
	if err != nil || len(clusters) == 0 {
		fmt.Fprintf(stderr, "factcheck-eval: %s: no clusters (%v)\n", *gold, err)
		return 2
	}
	if *feed > 0 {
		if err := eval.WriteFeed(stdout, clusters, *feed); err != nil {
			fmt.Fprintf(stderr, "factcheck-eval: %v\n", err)
			return 2
		}
		return 0
	}
	check, err := eval.BuiltinChecker()
	if err != nil {
		fmt.Fprintf(stderr, "factcheck-eval: %v\n", err)
		return 2
	}
	// The tune half first, then the check half.
	slices.SortStableFunc(clusters, func(a, b *eval.Cluster) int { return strings.Compare(b.Half, a.Half) })
	rows, _, err := eval.Score(clusters, check, eval.Options{Mutations: *muts, Published: !*files})
	if err != nil {
		fmt.Fprintf(stderr, "factcheck-eval: %v\n", err)
		return 2
	}
	eval.WriteTable(stdout, rows, eval.Totals(rows, clusters), *verbose)
	return 0
}
