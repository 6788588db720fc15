package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/report"
	"github.com/factcheck/factcheck/rules"
	"golang.org/x/term"
)

// An output is one --format value: a format and the file it goes to.
type output struct {
	format string
	path   string // "" for standard output
	what   string // how the user named it, for errors: "--format sarif=out.sarif"
}

// parseOutputs reads check's --format values, each FORMAT (standard
// output, or the -o file when there is one) or FORMAT=FILE. At most one
// format goes to standard output, and no file is named twice.
func parseOutputs(formats []string, o string) ([]output, error) {
	var outs []output
	toStdout := ""
	files := map[string]string{}
	for _, v := range formats {
		name, path, hasPath := strings.Cut(v, "=")
		if !report.IsFormat(name) {
			return nil, usagef("check: unknown --format %q (want %s)", name, report.FormatList())
		}
		if hasPath && path == "" {
			return nil, usagef("check: --format %s: no file after =", v)
		}
		out := output{format: name, path: path, what: "--format " + v}
		if path == "" || path == "-" {
			if toStdout != "" {
				return nil, usagef("check: --format %s and --format %s both write to standard output; give one a file (--format %s=FILE)", toStdout, name, name)
			}
			toStdout = name
			out.path = ""
			if o != "" && o != "-" {
				out.path, out.what = o, "-o "+o
			}
		}
		if out.path != "" {
			key := filepath.Clean(out.path)
			if prev, dup := files[key]; dup {
				return nil, usagef("check: %s and %s write the same file", prev, out.what)
			}
			files[key] = out.what
		}
		outs = append(outs, out)
	}
	if o != "" && o != "-" && toStdout == "" {
		return nil, usagef("check: -o %s: every --format names its own file", o)
	}
	return outs, nil
}

// checkOutputs refuses output files that are directories or input files.
func checkOutputs(outs []output, inputs []string) error {
	for _, out := range outs {
		if err := checkOutputFile(out.what, out.path, inputs); err != nil {
			return err
		}
	}
	return nil
}

// writeOutputs renders r in every format first, so that an error writes
// nothing; then writes each file whole or not at all, and standard output
// last.
func writeOutputs(outs []output, stdout io.Writer, r *report.Result) error {
	data := make([][]byte, len(outs))
	for i, out := range outs {
		var b bytes.Buffer
		r.Width = 0
		if out.path == "" {
			r.Width = terminalWidth(stdout)
		}
		if err := report.Write(&b, out.format, r); err != nil {
			return fmt.Errorf("write %s report: %w", out.format, err)
		}
		data[i] = b.Bytes()
	}
	for i, out := range outs {
		if out.path != "" {
			if err := writeFile(out.what, out.path, data[i]); err != nil {
				return err
			}
		}
	}
	for i, out := range outs {
		if out.path == "" {
			if _, err := stdout.Write(data[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadBaseline reads the fingerprints of a previous check --format json
// report; "" means no baseline.
func loadBaseline(path string) (map[string]bool, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	fps, err := report.ReadBaseline(f)
	if err != nil {
		return nil, fmt.Errorf("--baseline %s: %w", path, err)
	}
	return fps, nil
}

// loadIgnore reads the ignore file given with --ignore, or else every
// .factcheck-ignore.yaml next to the inputs (in a directory given as a
// PATH, or beside a file given as one), and returns the accepted
// fingerprints with their reasons. When two files accept the same
// fingerprint, the first (in PATH order) gives the reason.
func loadIgnore(explicit string, paths []string) (map[string]string, error) {
	var files []string
	if explicit != "" {
		files = []string{explicit}
	} else {
		seen := map[string]bool{}
		for _, p := range paths {
			if p == "-" {
				continue
			}
			info, err := os.Stat(p)
			if err != nil {
				continue // the loader reports it
			}
			dir := p
			if !info.IsDir() {
				dir = filepath.Dir(p)
			}
			f := filepath.Join(dir, report.IgnoreFile)
			if seen[f] {
				continue
			}
			seen[f] = true
			if _, err := os.Stat(f); err == nil {
				files = append(files, f)
			}
		}
	}
	accepted := map[string]string{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		m, err := report.ParseIgnore(data)
		if err != nil {
			var ie *report.IgnoreError
			if errors.As(err, &ie) && ie.Line > 0 {
				return nil, fmt.Errorf("%s:%w", name, err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for fp, reason := range m {
			if _, ok := accepted[fp]; !ok {
				accepted[fp] = reason
			}
		}
	}
	return accepted, nil
}

// ruleInfos describes the rules of set for the report.
func ruleInfos(set *rules.Set) []report.RuleInfo {
	var out []report.RuleInfo
	for _, r := range set.Rules() {
		out = append(out, report.RuleInfo{ID: r.ID, Title: r.Title, Description: r.Description, Severity: r.Severity})
	}
	return out
}

// failing reports whether a finding that is neither accepted nor in the
// baseline is at or above failOn.
func failing(fs []*claims.Finding, failOn claims.Severity, baseline map[string]bool, accepted map[string]string) bool {
	if failOn == claims.SeverityNone {
		return false
	}
	for _, f := range fs {
		if f.Severity < failOn {
			continue
		}
		fp := report.Fingerprint(f)
		if _, ok := accepted[fp]; ok || baseline[fp] {
			continue
		}
		return true
	}
	return false
}

// progress reports what a long run is doing on one line of standard
// error, rewritten in place, when standard error is a terminal; otherwise
// it writes nothing.
type progress struct {
	w     io.Writer // nil when off
	shown bool      // a line is on the screen
}

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok {
		return &progress{}
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 || os.Getenv("TERM") == "dumb" {
		return &progress{}
	}
	return &progress{w: stderr}
}

// say replaces the progress line with "factcheck: " and the message.
func (p *progress) say(format string, args ...any) {
	if p.w != nil {
		fmt.Fprintf(p.w, "\r\x1b[Kfactcheck: "+format, args...)
		p.shown = true
	}
}

// done clears the progress line.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// terminalWidth returns the width the tables written to w fit: COLUMNS
// when it is set to a number, else the terminal's own width when w is a
// terminal, else 0 (lines as long as their cells, as a file or a pipe
// wants them).
func terminalWidth(w io.Writer) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
		return n
	}
	return 0
}
