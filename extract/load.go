package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// DefaultMaxBytes is the size limit Load applies to each input when
// LoadOptions.MaxBytes is zero. A news article is a few kilobytes of text
// and its HTML page rarely more than a few megabytes; reading a document
// takes memory of the order of a hundred times its text at worst (a token
// per byte), so the limit also bounds the memory one input can take.
const DefaultMaxBytes = 16 << 20

// ArticleExts are the file name extensions Load reads from a directory.
// A file named on the command line is read whatever its extension.
var ArticleExts = []string{".txt", ".md", ".markdown", ".html", ".htm"}

// LoadOptions control Load.
type LoadOptions struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MaxBytes is the largest input Load accepts; 0 means DefaultMaxBytes.
	// For a JSONL feed it is the largest text of one record: the feed
	// itself may be any size.
	MaxBytes int64
	// Format is how inputs are read: FormatAuto (or "") by their names,
	// FormatJSONL as JSONL feeds.
	Format string
	// Exclude names inputs not to read: files and directories found in a
	// directory, and paths named on the command line.
	Exclude *Exclude
	// Warn, when set, is told of each input left out because it is a
	// report factcheck wrote (IsReport), or, found in a directory, empty.
	Warn func(claims.Warning)
}

// Errors an InputError can wrap; test for them with errors.Is.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary file")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("file too large")
	ErrNoArticles  = errors.New("no articles in directory")
)

// An InputError says why an input could not be read. Line and Col (1-based,
// Col in characters) are set when the error is at a place in the file.
type InputError struct {
	Path      string
	Line, Col int
	Err       error
}

// Error returns "path:line:col: message", "path:line: message" when the
// error has a line but no column, or "path: message" when it has no
// position.
func (e *InputError) Error() string {
	if e.Line > 0 && e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Col, e.Err)
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// Load reads the articles named by paths, in order. A path is a file, a
// directory (its article files, found recursively and read in path order;
// names starting with "." are skipped) or "-" for opt.Stdin. A path that
// is missing, a directory with no articles and a file that is empty,
// binary, not UTF-8 or over the size limit are errors (*InputError). Left
// out, with a warning (opt.Warn), are a report factcheck wrote (IsReport)
// and an empty file found in a directory; left out silently, what
// opt.Exclude matches. An input named twice is read once.
//
// Files ending in .html or .htm, and other inputs that start like an HTML
// page, are read as HTML (see the Document's Map); files ending in .jsonl,
// and every input when opt.Format is FormatJSONL, as JSONL feeds of one
// article per line (see readJSONL); anything else as plain text or
// Markdown.
func Load(paths []string, opt LoadOptions) ([]*claims.Document, error) {
	var docs []*claims.Document
	err := Each(paths, opt, func(d *claims.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// Each reads the articles named by paths as Load does, and calls emit
// with each document as soon as it is read, so that a feed can be
// processed without holding all of it. An error from emit stops Each and
// is returned.
func Each(paths []string, opt LoadOptions, emit func(*claims.Document) error) error {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	seen := map[string]bool{}
	first := func(source string) bool {
		key := filepath.Clean(source)
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	emitted, reports, empty := 0, 0, 0
	add := func(source string, raw []byte) error {
		if !first(source) {
			return nil
		}
		if IsReport(raw) {
			// factcheck's own outputs are never inputs.
			reports++
			if opt.Warn != nil {
				opt.Warn(claims.Warning{Source: source, Msg: "left out: a report written by factcheck, not an article"})
			}
			return nil
		}
		d, err := parse(source, raw)
		if err != nil {
			return err
		}
		emitted++
		return emit(d)
	}
	ids := jsonlIDs{}
	readPath := func(p string) error {
		if !isJSONL(p, opt) {
			raw, err := readFile(p, opt.MaxBytes)
			if err != nil {
				return err
			}
			return add(p, raw)
		}
		if !first(p) {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return &InputError{Path: p, Err: pathErr(err)}
		}
		defer f.Close()
		return readJSONL(p, f, opt.MaxBytes, ids, func(d *claims.Document) error {
			emitted++
			return emit(d)
		})
	}
	exts := ArticleExts
	if opt.Format == FormatJSONL {
		exts = []string{JSONLExt}
	}
	for _, p := range paths {
		if p == "-" && opt.Format == FormatJSONL {
			if !first(p) {
				continue
			}
			if opt.Stdin == nil {
				return &InputError{Path: "-", Err: errors.New("no standard input")}
			}
			if err := readJSONL(p, opt.Stdin, opt.MaxBytes, ids, func(d *claims.Document) error {
				emitted++
				return emit(d)
			}); err != nil {
				return err
			}
			continue
		}
		if p == "-" {
			raw, err := readStdin(opt)
			if err != nil {
				return err
			}
			if err := add(p, raw); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return &InputError{Path: p, Err: pathErr(err)}
		}
		if !info.IsDir() {
			if opt.Exclude.Match("", p) {
				continue
			}
			if err := readPath(p); err != nil {
				return err
			}
			continue
		}
		files, err := articlesIn(p, exts, opt.Exclude)
		if err != nil {
			return err
		}
		for _, f := range files {
			err := readPath(f)
			if errors.Is(err, ErrEmpty) && !isJSONL(f, opt) {
				// A file found in a directory that holds nothing yet (the
				// shell made it for "check . > report.txt") is no article.
				empty++
				if opt.Warn != nil {
					opt.Warn(claims.Warning{Source: f, Msg: "left out: " + errors.Unwrap(err).Error()})
				}
				continue
			}
			if err != nil {
				return err
			}
		}
	}
	if emitted == 0 && len(paths) > 0 {
		why := "every input is excluded"
		switch {
		case reports > 0 && empty > 0:
			why = "every input is empty, excluded or a report written by factcheck"
		case reports > 0:
			why = "every input is excluded or a report written by factcheck"
		case empty > 0:
			why = "every input is empty or excluded"
		}
		return &InputError{Path: paths[0], Err: fmt.Errorf("%w: %s", ErrNoArticles, why)}
	}
	return nil
}

// Files returns the files Load reads for paths, in order ("-" for
// standard input), without reading them, for a caller that must know its
// inputs first (to refuse an output file that is one of them). A missing
// path and a directory with no articles are errors, as for Load.
func Files(paths []string, opt LoadOptions) ([]string, error) {
	exts := ArticleExts
	if opt.Format == FormatJSONL {
		exts = []string{JSONLExt}
	}
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, &InputError{Path: p, Err: pathErr(err)}
		}
		if !info.IsDir() {
			if !opt.Exclude.Match("", p) {
				out = append(out, p)
			}
			continue
		}
		files, err := articlesIn(p, exts, opt.Exclude)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

// pathErr strips the operation and path from an *fs.PathError, which the
// InputError names already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isArticle reports whether name has one of exts (lower case).
func isArticle(name string, exts []string) bool {
	return slices.Contains(exts, strings.ToLower(filepath.Ext(name)))
}

// articlesIn returns the files under dir with one of exts, sorted by path,
// leaving out what exclude matches.
func articlesIn(dir string, exts []string, exclude *Exclude) ([]string, error) {
	var files []string
	excluded := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &InputError{Path: p, Err: pathErr(err)}
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || exclude.Match(dir, p)) {
			if !strings.HasPrefix(d.Name(), ".") {
				excluded++
			}
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isArticle(p, exts) {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		note := ""
		if excluded > 0 {
			note = fmt.Sprintf("; %d excluded", excluded)
		}
		return nil, &InputError{Path: dir, Err: fmt.Errorf("%w (looked for %s%s)", ErrNoArticles, strings.Join(exts, ", "), note)}
	}
	slices.Sort(files)
	return files, nil
}

// readFile reads the file at p, refusing one over max bytes.
func readFile(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, &InputError{Path: p, Err: pathErr(err)}
	}
	defer f.Close()
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if info.Size() > max {
			return nil, &InputError{Path: p, Err: fmt.Errorf("%w: %d bytes, over the %s limit", ErrTooLarge, info.Size(), sizeString(max))}
		}
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, &InputError{Path: p, Err: pathErr(err)}
	}
	raw := buf.Bytes()
	if int64(len(raw)) > max {
		return nil, &InputError{Path: p, Err: fmt.Errorf("%w: over the %s limit", ErrTooLarge, sizeString(max))}
	}
	return raw, nil
}

// readStdin reads opt.Stdin, refusing more than opt.MaxBytes. When
// standard input is a regular file (factcheck check - < big.txt), its size
// is checked before anything is read.
func readStdin(opt LoadOptions) ([]byte, error) {
	if opt.Stdin == nil {
		return nil, &InputError{Path: "-", Err: errors.New("no standard input")}
	}
	if f, ok := opt.Stdin.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > opt.MaxBytes {
			return nil, &InputError{Path: "-", Err: fmt.Errorf("%w: %d bytes, over the %s limit", ErrTooLarge, info.Size(), sizeString(opt.MaxBytes))}
		}
	}
	raw, err := io.ReadAll(io.LimitReader(opt.Stdin, opt.MaxBytes+1))
	if err != nil {
		return nil, &InputError{Path: "-", Err: fmt.Errorf("read standard input: %w", pathErr(err))}
	}
	if int64(len(raw)) > opt.MaxBytes {
		return nil, &InputError{Path: "-", Err: fmt.Errorf("%w: over the %s limit", ErrTooLarge, sizeString(opt.MaxBytes))}
	}
	return raw, nil
}

// sizeString writes n bytes in the largest binary unit that divides it.
func sizeString(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// parse checks raw and builds the Document for source.
func parse(source string, raw []byte) (*claims.Document, error) {
	if err := checkText(source, raw); err != nil {
		return nil, err
	}
	isHTML := looksHTML(source, raw)
	var d *claims.Document
	if isHTML {
		d = parseHTML(raw)
	} else {
		d = parseText(raw)
	}
	d.Source = source
	if strings.TrimSpace(d.Text) == "" {
		msg := "only white space"
		if isHTML {
			msg = "no visible text"
		}
		return nil, &InputError{Path: source, Err: fmt.Errorf("%w (%s)", ErrEmpty, msg)}
	}
	return d, nil
}

// binarySniff is how far into an input a NUL byte makes it binary
// whatever comes before it (Git looks as far).
const binarySniff = 8000

// checkText rejects empty, binary and non-UTF-8 input. Input that is not
// UTF-8 is refused, not decoded as Latin-1 or Windows-1252 on a guess:
// factcheck quotes evidence and gives byte offsets into the original file,
// and a wrong guess would misquote it silently.
func checkText(source string, raw []byte) error {
	if len(raw) == 0 {
		return &InputError{Path: source, Err: ErrEmpty}
	}
	at := func(off int, err error) error {
		d := claims.Document{Raw: raw}
		line, col := d.Position(off)
		return &InputError{Path: source, Line: line, Col: col, Err: err}
	}
	if bytes.HasPrefix(raw, []byte{0xff, 0xfe}) || bytes.HasPrefix(raw, []byte{0xfe, 0xff}) {
		return at(0, fmt.Errorf("%w (UTF-16); save the file as UTF-8", ErrInvalidUTF8))
	}
	nul := bytes.IndexByte(raw, 0)
	bad := invalidUTF8(raw)
	switch {
	case nul >= 0 && (nul < binarySniff || bad < 0 || nul < bad):
		return at(nul, fmt.Errorf("%w (NUL byte), not a text article", ErrBinary))
	case bad >= 0:
		return at(bad, fmt.Errorf("%w (byte %#02x); save the file as UTF-8", ErrInvalidUTF8, raw[bad]))
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte of raw that is not
// valid UTF-8, or -1.
func invalidUTF8(raw []byte) int {
	if utf8.Valid(raw) {
		return -1
	}
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// looksHTML reports whether the input is HTML: by its extension, or for
// other names by how it starts.
func looksHTML(source string, raw []byte) bool {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".html", ".htm":
		return true
	case ".txt", ".md", ".markdown":
		return false
	}
	head := raw[:min(len(raw), 512)]
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

var urlLine = regexp.MustCompile(`^\s*https?://\S+\s*$`)

// parseText builds the Document of a plain text or Markdown article: Text
// is Raw, with a first line that is a bare URL (the page's address, taken
// as URL) and a byte order mark blanked out with spaces so offsets stay
// true.
func parseText(raw []byte) *claims.Document {
	d := &claims.Document{Raw: raw}
	text := []byte(string(raw))
	if bytes.HasPrefix(text, []byte("\ufeff")) {
		copy(text, "   ")
	}
	first, _, _ := bytes.Cut(text, []byte("\n"))
	if urlLine.Match(first) {
		d.URL = string(bytes.TrimSpace(first))
		for i := range first {
			first[i] = ' '
		}
	}
	d.Text = string(text)
	d.Title = strings.Clone(textTitle(d.Text)) // not a window on the whole text, which Release drops
	return d
}

// maxTitle is the longest line (in characters) taken as a title.
const maxTitle = 200

// textTitle returns the headline of a plain text or Markdown article: the
// first of its first three non-empty lines that reads like one, with at
// least three words, at most maxTitle characters and no final full stop.
// Shorter lines before it (a section name such as "Politics") are passed
// over; a line that reads like a sentence ends the search. Markdown
// heading marks are dropped.
func textTitle(text string) string {
	seen := 0
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#"))
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > maxTitle || strings.HasSuffix(line, ".") {
			return ""
		}
		if len(strings.Fields(line)) >= 3 {
			return line
		}
		if seen++; seen == 3 {
			return ""
		}
	}
	return ""
}
