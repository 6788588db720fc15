// Command factcheck-train fits the comparability gate (package gate) on
// the tune half of the labelled stories and writes its weights file:
//
//	factcheck-train [-gold DIR] [-o FILE] [-mutations N]
//
// It extracts the claims of every story as check does, matches them to
// the gold claims (package eval), labels every pair of matched claims of
// different sources (the same gold slot and subject: the same fact), fits
// the weights on the tune half's pairs, chooses the link and alarm
// thresholds there (each story judged by the model fit without it), and
// writes gate/weights.json. It prints the pair and grouping precision,
// recall and F1 on the tune half (leave one story out) and on the check
// half (only scored), beside the legacy key's. `make train` runs it; the
// same stories give the same file, byte for byte.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/factcheck/factcheck/eval"
	"github.com/factcheck/factcheck/gate"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("factcheck-train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	gold := fs.String("gold", "testdata/gold", "`DIR` of labelled stories, each with a gold.yaml, split into halves by its README.md")
	out := fs.String("o", "gate/weights.json", "write the weights to `FILE`")
	muts := fs.Int("mutations", 6, "mutation cases per story when choosing the alarm threshold")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	clusters, err := eval.LoadClusters(*gold)
	if err != nil || len(clusters) == 0 {
		fmt.Fprintf(stderr, "factcheck-train: %s: no labelled stories (%v)\n", *gold, err)
		return 2
	}
	p, err := eval.BuiltinPipeline(nil)
	if err != nil {
		fmt.Fprintf(stderr, "factcheck-train: %v\n", err)
		return 2
	}
	model, rep, err := eval.TrainGate(p, clusters, eval.TrainOptions{Fit: gate.DefaultFit, Corpus: *gold, Mutations: *muts})
	if err != nil {
		fmt.Fprintf(stderr, "factcheck-train: %v\n", err)
		return 2
	}
	data, err := model.Marshal()
	if err != nil {
		fmt.Fprintf(stderr, "factcheck-train: %v\n", err)
		return 2
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintf(stderr, "factcheck-train: %v\n", err)
		return 2
	}
	eval.WriteTrainReport(stdout, rep)
	fmt.Fprintf(stdout, "\nwrote %s\n", *out)
	return 0
}
