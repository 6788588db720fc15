package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/report"
	"github.com/spf13/cobra"
)

// extractOptions are the extract command's flags, arguments and IO.
type extractOptions struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	format      string
	all         bool
	date        string
	load        loadFlags
	output      string
	inputFormat string
	paths       []string
}

func newExtractCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	o := &extractOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "List the claims read from articles",
		Long: `extract lists the claims it reads from every article in PATH (files,
directories of .txt, .md, .markdown, .html and .htm files, or - for standard
input): what is stated (slot), about whom (subject), the value as an
interval, and where the text says it.

With --all it also lists every quantity no slot claimed, with empty slot and
subject, to show what the parser understood.`,
		Args: pathArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output `FORMAT`: table, json or jsonl")
	f.BoolVar(&o.all, "all", false, "also list quantities no slot claimed")
	f.StringVar(&o.date, "date", "", "resolve relative dates against `YYYY-MM-DD` when an article gives no date")
	o.load.addLexiconFlag(f)
	o.load.addConfigFlags(f)
	o.load.addExcludeFlag(f)
	f.StringVarP(&o.output, "output", "o", "", "write the claims to `FILE` (whole or not at all) instead of standard output")
	f.StringVar(&o.inputFormat, "input-format", extract.FormatAuto, inputFormatUsage)
	return cmd
}

func (o *extractOptions) run() error {
	switch o.format {
	case "table", "json", "jsonl":
	default:
		return usagef("extract: unknown --format %q (want table, json or jsonl)", o.format)
	}
	var warn warnings
	defer warn.flush(o.stderr)
	loadOpt, lex, err := readSetup("extract", o.date, o.inputFormat, o.stdin, &o.load, o.paths, &warn)
	if err != nil {
		return err
	}
	inputs, err := extract.Files(o.paths, loadOpt)
	if err != nil {
		return err
	}
	if err := checkOutput(o.output, inputs); err != nil {
		return err
	}
	xopt := extract.Options{Date: o.date, All: o.all, Release: true, Warn: warn.add}
	if o.format == "jsonl" {
		return streamJSONL(o.paths, loadOpt, extract.New(lex), xopt, o.output, o.stdout)
	}
	docs, err := extract.Load(o.paths, loadOpt)
	if err != nil {
		return err
	}
	cs := extract.New(lex).Run(docs, xopt)
	r := &report.Result{Docs: docs, Claims: cs}
	if o.output == "" || o.output == "-" {
		r.Width = terminalWidth(o.stdout)
	}
	var b bytes.Buffer
	switch o.format {
	case "json":
		err = report.JSON(&b, r, false)
	default:
		err = report.ClaimTable(&b, r)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return writeOutput(o.output, o.stdout, b.Bytes())
}
