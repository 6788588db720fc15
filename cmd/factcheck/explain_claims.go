package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/gate"
	"github.com/spf13/cobra"
)

// explainClaimsOptions are the explain-claims command's flags, arguments
// and IO.
type explainClaimsOptions struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	load        loadFlags
	date        string
	inputFormat string
	at          [2]string
	paths       []string
}

func newExplainClaimsCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	o := &explainClaimsOptions{stdin: stdin, stdout: stdout, stderr: stderr}
	cmd := &cobra.Command{
		Use:   "explain-claims [flags] FILE:LINE:COL FILE:LINE:COL PATH...",
		Short: "Say why two claims are or are not compared",
		Long: `explain-claims reads the articles in PATH as check does, finds the two
claims at the positions given (a position anywhere in a claim's text counts;
FILE is a path as check prints it, or the id of a JSONL record), and prints
both claims' frames (what each figure is of: its measure, what it counts,
whose it is, its role, event, place and time) and why the comparability
gate did or did not take them to state the same fact: the hard rule that
keeps them apart, or each feature's value and its weight, the probability
and the threshold, and whether check put them in one group.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 3 {
				return usagef("explain-claims: want two positions FILE:LINE:COL and at least one PATH")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.at = [2]string{args[0], args[1]}
			o.paths = args[2:]
			return o.run()
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.date, "date", "", "resolve relative dates against `YYYY-MM-DD` when an article gives no date")
	o.load.addLexiconFlag(f)
	o.load.addConfigFlags(f)
	o.load.addExcludeFlag(f)
	f.StringVar(&o.inputFormat, "input-format", extract.FormatAuto, inputFormatUsage)
	return cmd
}

// A position is FILE:LINE:COL.
type position struct {
	file      string
	line, col int
}

func (p position) String() string { return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.col) }

// parsePosition reads FILE:LINE:COL; FILE may itself hold colons.
func parsePosition(s string) (position, error) {
	bad := usagef("explain-claims: position %q: want FILE:LINE:COL, with LINE and COL counted from 1", s)
	rest, colStr, ok := cutLast(s, ":")
	if !ok {
		return position{}, bad
	}
	file, lineStr, ok := cutLast(rest, ":")
	if !ok || file == "" {
		return position{}, bad
	}
	line, err1 := strconv.Atoi(lineStr)
	col, err2 := strconv.Atoi(colStr)
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		return position{}, bad
	}
	return position{file, line, col}, nil
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func (o *explainClaimsOptions) run() error {
	var at [2]position
	for i, s := range o.at {
		p, err := parsePosition(s)
		if err != nil {
			return err
		}
		at[i] = p
	}
	var warn warnings
	defer warn.flush(o.stderr)
	loadOpt, lex, err := readSetup("explain-claims", o.date, o.inputFormat, o.stdin, &o.load, o.paths, &warn)
	if err != nil {
		return err
	}
	model, err := gate.Default()
	if err != nil {
		return err
	}
	docs, err := extract.Load(o.paths, loadOpt)
	if err != nil {
		return err
	}
	cs := extract.New(lex).Run(docs, extract.Options{Date: o.date, Warn: warn.add})
	var pair [2]*claims.Claim
	for i, p := range at {
		c, err := claimAt(p, docs, cs)
		if err != nil {
			return err
		}
		pair[i] = c
	}
	if pair[0] == pair[1] {
		return usagef("explain-claims: %s and %s are the same claim %q: give two", at[0], at[1], pair[0].Text)
	}
	var b strings.Builder
	e := model.Explain(pair[0], pair[1], cs)
	if err := e.Write(&b); err != nil {
		return err
	}
	b.WriteString(grouping(model, cs, pair[0], pair[1], e))
	_, err = io.WriteString(o.stdout, b.String())
	return err
}

// claimAt returns the claim whose text holds position p: the shortest
// one when several do.
func claimAt(p position, docs []*claims.Document, cs []*claims.Claim) (*claims.Claim, error) {
	doc, err := docAt(p.file, docs)
	if err != nil {
		return nil, err
	}
	var best *claims.Claim
	for _, c := range cs {
		if c.Source != doc.Source {
			continue
		}
		el, ec := doc.Position(c.Span.End)
		after := c.Span.Line < p.line || c.Span.Line == p.line && c.Span.Col <= p.col
		before := p.line < el || p.line == el && p.col < ec
		if after && before && (best == nil || c.Span.End-c.Span.Start < best.Span.End-best.Span.Start) {
			best = c
		}
	}
	if best == nil {
		return nil, usagef("explain-claims: %s: no claim there (factcheck extract %s lists the claims and their positions)", p, doc.Source)
	}
	return best, nil
}

// docAt returns the document named file: the one whose source is file,
// else the only one whose path ends in it.
func docAt(file string, docs []*claims.Document) (*claims.Document, error) {
	var names []string
	for _, d := range docs {
		if d.Source == file || filepath.Clean(d.Source) == filepath.Clean(file) {
			return d, nil
		}
		names = append(names, d.Source)
	}
	var found []*claims.Document
	for _, d := range docs {
		if strings.HasSuffix(filepath.ToSlash(d.Source), "/"+filepath.ToSlash(filepath.Clean(file))) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return nil, usagef("explain-claims: %s is not one of the articles read (%s)", file, shortList(names))
	}
	var paths []string
	for _, d := range found {
		paths = append(paths, d.Source)
	}
	return nil, usagef("explain-claims: %s names several articles (%s): give more of its path", file, strings.Join(paths, ", "))
}

// shortList joins the first few names.
func shortList(names []string) string {
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	return strings.Join(names, ", ")
}

// grouping says whether the gate's grouping of all the claims puts a and
// b in one group, as check does.
func grouping(model *gate.Model, cs []*claims.Claim, a, b *claims.Claim, e *gate.Explanation) string {
	groups := model.Group(cs)
	var ga, gb *claims.Group
	for _, g := range groups {
		if slices.Contains(g.Claims, a) {
			ga = g
		}
		if slices.Contains(g.Claims, b) {
			gb = g
		}
	}
	name := func(g *claims.Group) string {
		s := orDash(g.Slot)
		if g.Subject != "" {
			s += " (" + g.Subject + ")"
		}
		n := fmt.Sprintf("%d claims", len(g.Claims))
		if len(g.Claims) == 1 {
			n = "1 claim"
		}
		return fmt.Sprintf("%s, %s, confidence %.2f", s, n, g.Confidence)
	}
	alarm := func(g *claims.Group) string {
		if g.Confidence < model.Alarm {
			return fmt.Sprintf("; below the alarm threshold %.2f, so its findings are info at most", model.Alarm)
		}
		return ""
	}
	switch {
	case ga == nil || gb == nil:
		return ""
	case ga == gb && e.Linked():
		return fmt.Sprintf("compared: check puts both in one group: %s%s\n", name(ga), alarm(ga))
	case ga == gb:
		return fmt.Sprintf("compared: check puts both in one group through the claims they share it with: %s%s\n", name(ga), alarm(ga))
	case e.Linked():
		return fmt.Sprintf("not compared: check keeps them in different groups, since on average the claims of one group are not likely enough to state the fact of the other's (average linkage): %s; and %s\n", name(ga), name(gb))
	}
	return fmt.Sprintf("not compared: check puts them in different groups: %s; and %s\n", name(ga), name(gb))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
