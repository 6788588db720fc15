package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/factcheck/factcheck/extract"
	"github.com/spf13/cobra"
)

// pathArgs requires at least one PATH.
func pathArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return usagef("%s: no PATH given (a file, a directory, or - for standard input)", cmd.Name())
	}
	return nil
}

// checkDate accepts "" or an ISO 8601 date for command's --date.
func checkDate(command, date string) error {
	if date == "" {
		return nil
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return usagef("%s: --date %q: want a date as YYYY-MM-DD", command, date)
	}
	return nil
}

// loadLexicon returns the built-in lexicon extended by the files in paths,
// in order.
func loadLexicon(paths []string) (*extract.Lexicon, error) {
	lex, err := extract.DefaultLexicon()
	if err != nil {
		return nil, fmt.Errorf("built-in lexicon: %w", err)
	}
	for _, p := range paths {
		lex, err = extract.LoadLexicon(lex, p)
		if err != nil {
			if !strings.Contains(err.Error(), p) {
				err = fmt.Errorf("lexicon %s: %w", p, err)
			}
			return nil, err
		}
	}
	return lex, nil
}

// checkOutput refuses an output file that is one of the input files.
func checkOutput(output string, inputs []string) error {
	return checkOutputFile("-o "+output, output, inputs)
}

// checkOutputFile refuses an output file that is a directory or one of the
// input files (extract.Files); what names the file in errors ("-o
// out.json").
func checkOutputFile(what, output string, inputs []string) error {
	if output == "" || output == "-" {
		return nil
	}
	out, err := os.Stat(output)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", what, unwrapPath(err))
	}
	if out.IsDir() {
		return fmt.Errorf("%s: is a directory", what)
	}
	for _, p := range inputs {
		if p == "-" {
			continue
		}
		if in, err := os.Stat(p); err == nil && os.SameFile(in, out) {
			return usagef("%s: is the input %s; refusing to overwrite it", what, p)
		}
	}
	return nil
}

// writeOutput writes data to stdout, or when output is set to that file,
// whole or not at all: it writes a temporary file in the same directory
// and renames it into place.
func writeOutput(output string, stdout io.Writer, data []byte) error {
	if output == "" || output == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return writeFile("-o "+output, output, data)
}

// writeFile writes data to the file output, whole or not at all; what
// names the file in errors ("-o out.json").
func writeFile(what, output string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(output), "."+filepath.Base(output)+".*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", what, unwrapPath(err))
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		mode := os.FileMode(0o644)
		if info, serr := os.Stat(output); serr == nil {
			mode = info.Mode().Perm()
		}
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, output)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", what, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the operation and path of an *os.PathError or
// *os.LinkError, which the message names already.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
