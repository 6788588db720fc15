package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/extract"
	"github.com/factcheck/factcheck/report"
)

// inputFormatUsage documents check's and extract's --input-format.
const inputFormatUsage = "read the inputs as `FORMAT`: auto (by file name: .jsonl feeds, .html pages, text or Markdown) or jsonl (every file and standard input a JSONL feed, one article per line; directories give their .jsonl files)"

// loadOptions returns the extract.LoadOptions of command's
// --input-format.
func loadOptions(command, format string, stdin io.Reader) (extract.LoadOptions, error) {
	if !slices.Contains(extract.InputFormats, format) {
		return extract.LoadOptions{}, usagef("%s: unknown --input-format %q (want %s)", command, format, strings.Join(extract.InputFormats, " or "))
	}
	return extract.LoadOptions{Stdin: stdin, Format: format}, nil
}

// streamJSONL reads the inputs one document at a time with an
// extract.Stream and writes each batch's claims, one JSON object per line,
// as soon as they are read: memory holds one batch of articles, whatever
// the length of the feed. With an output file, the claims go to a
// temporary file renamed into place at the end, so that the file is
// written whole or not at all; on standard output, the batches read
// before an input error have been written when the error is reported.
func streamJSONL(paths []string, loadOpt extract.LoadOptions, x *extract.Extractor, opt extract.Options, output string, stdout io.Writer) error {
	out, err := createOutput(output, stdout)
	if err != nil {
		return err
	}
	defer out.abort()
	bw := bufio.NewWriterSize(out.w, 64<<10)
	s := x.NewStream(opt, func(cs []*claims.Claim) error {
		if err := report.JSONL(bw, cs); err != nil {
			return &writeError{err}
		}
		return nil
	})
	if err := extract.Each(paths, loadOpt, s.Add); err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return &writeError{err}
	}
	return out.commit()
}

// A writeError is a failure to write the output.
type writeError struct{ err error }

func (e *writeError) Error() string { return "write claims: " + e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

// An outputFile is standard output, or a temporary file beside the output
// file that commit renames into place and abort removes.
type outputFile struct {
	w        io.Writer
	f        *os.File // nil for standard output
	path     string   // the output file
	what     string   // how the user named it: "-o out.jsonl"
	finished bool
}

// createOutput opens output for streaming: standard output when output is
// "" or "-", else a temporary file in output's directory.
func createOutput(output string, stdout io.Writer) (*outputFile, error) {
	if output == "" || output == "-" {
		return &outputFile{w: stdout, finished: true}, nil
	}
	what := "-o " + output
	f, err := os.CreateTemp(filepath.Dir(output), "."+filepath.Base(output)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, unwrapPath(err))
	}
	return &outputFile{w: f, f: f, path: output, what: what}, nil
}

// commit syncs and closes the temporary file and renames it into place,
// keeping the permissions of a file it replaces.
func (o *outputFile) commit() error {
	if o.f == nil {
		return nil
	}
	err := o.f.Sync()
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		mode := os.FileMode(0o644)
		if info, serr := os.Stat(o.path); serr == nil {
			mode = info.Mode().Perm()
		}
		err = os.Chmod(o.f.Name(), mode)
	}
	if err == nil {
		err = os.Rename(o.f.Name(), o.path)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", o.what, unwrapPath(err))
	}
	o.finished = true
	return nil
}

// abort removes the temporary file unless commit has renamed it.
func (o *outputFile) abort() {
	if o.finished || o.f == nil {
		return
	}
	o.f.Close()
	os.Remove(o.f.Name())
	o.finished = true
}
