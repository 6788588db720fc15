package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/factcheck/factcheck"
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/report"
	"github.com/factcheck/factcheck/rules"
	"github.com/spf13/cobra"
)

// checkOptions are the check command's flags, arguments and IO.
type checkOptions struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	format   string
	rules    []string
	lexicons []string
	failOn   string
	date     string
	output   string
	paths    []string
}

func newCheckCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	o := &checkOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Report where the sources' claims disagree",
		Long: `check extracts the claims of every article in PATH (files, directories of
.txt, .md, .markdown, .html and .htm files, or - for standard input), groups
the claims that state the same thing about the same subject, and runs the
built-in rules and those given with --rules over the groups.

It exits 1 when a finding is at or above --fail-on, 2 on any error.`,
		Args: pathArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: table or json")
	f.StringArrayVar(&o.rules, "rules", nil, "also run the rules in `PATH` (a rule file or a directory of them); repeatable")
	f.StringArrayVar(&o.lexicons, "lexicon", nil, "add or replace slots with the lexicon `FILE` (YAML); repeatable")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or none")
	f.StringVar(&o.date, "date", "", "resolve relative dates against `YYYY-MM-DD` when an article gives no date")
	f.StringVarP(&o.output, "output", "o", "", "write the report to `FILE` (whole or not at all) instead of standard output")
	return cmd
}

func (o *checkOptions) run() error {
	if o.format != "table" && o.format != "json" {
		return usagef("check: unknown --format %q (want table or json)", o.format)
	}
	failOn, err := claims.ParseSeverity(o.failOn)
	if err != nil {
		return usagef("check: --fail-on: %v", err)
	}
	if err := checkDate("check", o.date); err != nil {
		return err
	}
	// Rules and lexicons first, so that a bad rule fails before any
	// article is read.
	set, err := loadRules(o.rules)
	if err != nil {
		return err
	}
	lex, err := loadLexicon(o.lexicons)
	if err != nil {
		return err
	}
	docs, err := extract.Load(o.paths, extract.LoadOptions{Stdin: o.stdin})
	if err != nil {
		return err
	}
	if err := checkOutput(o.output, docs); err != nil {
		return err
	}
	cs := extract.New(lex).Run(docs, extract.Options{Date: o.date})
	groups := claims.GroupClaims(cs)
	findings, err := set.Evaluate(groups)
	if err != nil {
		return err
	}
	r := &report.Result{Docs: docs, Claims: cs, Groups: groups, Findings: findings}
	var b bytes.Buffer
	if o.format == "json" {
		err = report.JSON(&b, r, true)
	} else {
		err = report.Table(&b, r)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := writeOutput(o.output, o.stdout, b.Bytes()); err != nil {
		return err
	}
	if failOn != claims.SeverityNone {
		for _, f := range findings {
			if f.Severity >= failOn {
				return errFindings
			}
		}
	}
	return nil
}

// loadRules loads the built-in rules and those in paths, compiled and
// checked. A rule in paths replaces the built-in rule with the same id.
func loadRules(paths []string) (*rules.Set, error) {
	set, err := rules.LoadFS(factcheck.BuiltinRules, "rules.d")
	if err != nil {
		return nil, fmt.Errorf("built-in rules: %w", err)
	}
	if len(paths) == 0 {
		return set, nil
	}
	more, err := rules.LoadPaths(paths...)
	if err != nil {
		return nil, err
	}
	set.Add(more)
	return set, nil
}
