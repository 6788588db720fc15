package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/factcheck/factcheck/claims"
)

// Input formats for LoadOptions.Format.
const (
	// FormatAuto reads a file by its name: .jsonl files as JSONL, .html
	// and .htm files as HTML, other files as plain text or Markdown (or as
	// HTML when they start like a page). Directories give their article
	// files (ArticleExts).
	FormatAuto = "auto"
	// FormatJSONL reads every file, and standard input, as JSONL, and
	// directories give their .jsonl files.
	FormatJSONL = "jsonl"
)

// InputFormats lists the values of LoadOptions.Format (and of the
// --input-format flag).
var InputFormats = []string{FormatAuto, FormatJSONL}

// JSONLExt is the file name extension of JSONL feeds.
const JSONLExt = ".jsonl"

// Errors a JSONL InputError can wrap, besides ErrEmpty, ErrBinary,
// ErrInvalidUTF8 and ErrTooLarge.
var (
	// ErrBadJSON: a line that is not valid JSON.
	ErrBadJSON = errors.New("invalid JSON")
	// ErrBadRecord: a record without an id or text, with a field of the
	// wrong type, a date that does not parse, or an id already used.
	ErrBadRecord = errors.New("invalid record")
)

// A jsonlRecord is one line of a JSONL feed. Unknown fields are ignored,
// so that a feed with more fields (author, section …) is read as it is.
type jsonlRecord struct {
	ID        json.RawMessage `json:"id"` // a string, or a number taken as written
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Published string          `json:"published"`
	Text      *string         `json:"text"`
	Story     string          `json:"story"`
}

// jsonlIDs records the ids read so far in one Load, and where, so that an
// id used twice, in one file or in two, is an error that names both.
type jsonlIDs map[string]string

// readJSONL reads the JSONL feed r, named path, one record per line, and
// calls add with the Document of each record as soon as it is read:
// Source is the record's id, Story, Title, URL and Published its fields,
// and Raw and Text its text, so that spans are byte offsets into the text.
// Blank lines are skipped. A line over the size limit (maxBytes of text,
// four times that of JSON), a line that is not JSON, a record without an
// id or a text, with an empty text, a published date that does not parse
// or an id already read are errors (*InputError) with the line, and the
// column for JSON syntax errors; so are a file with no records and one
// that is binary or not UTF-8.
func readJSONL(path string, r io.Reader, maxBytes int64, ids jsonlIDs, add func(*claims.Document) error) error {
	maxLine := 4 * maxBytes // room for the escapes of a text at the limit
	sc := bufio.NewScanner(r)
	// The limit is the larger of the buffer's capacity and max.
	sc.Buffer(make([]byte, 0, min(64<<10, maxLine)), int(min(maxLine, 1<<31-1)))
	line, records := 0, 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		d, err := parseRecord(path, line, b, maxBytes)
		if err != nil {
			return err
		}
		if first, dup := ids[d.Source]; dup {
			return &InputError{Path: path, Line: line, Err: fmt.Errorf("%w: duplicate id %q (first %s)", ErrBadRecord, d.Source, first)}
		}
		ids[d.Source] = "on " + path + ":" + strconv.Itoa(line)
		records++
		if err := add(d); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &InputError{Path: path, Line: line + 1, Err: fmt.Errorf("%w: line over the %s limit", ErrTooLarge, sizeString(maxLine))}
		}
		what := "read"
		if path == "-" {
			what = "read standard input"
		}
		return &InputError{Path: path, Err: fmt.Errorf("%s: %w", what, pathErr(err))}
	}
	switch {
	case line == 0:
		return &InputError{Path: path, Err: ErrEmpty}
	case records == 0:
		return &InputError{Path: path, Err: fmt.Errorf("%w (no records, only blank lines)", ErrEmpty)}
	}
	return nil
}

// parseRecord builds the Document of the JSONL record b, line n of path.
func parseRecord(path string, n int, b []byte, maxBytes int64) (*claims.Document, error) {
	at := func(col int, err error) error { return &InputError{Path: path, Line: n, Col: col, Err: err} }
	col := func(off int) int { return utf8.RuneCount(b[:off]) + 1 }
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, at(col(i), fmt.Errorf("%w (NUL byte), not a JSONL feed", ErrBinary))
	}
	if i := invalidUTF8(b); i >= 0 {
		return nil, at(col(i), fmt.Errorf("%w (byte %#02x); save the file as UTF-8", ErrInvalidUTF8, b[i]))
	}
	var rec jsonlRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			// Offset counts the bytes read, the offending one last; at
			// the end of the line, the column after it.
			off := max(0, min(int(se.Offset)-1, len(b)))
			if int(se.Offset) >= len(b) && strings.Contains(se.Error(), "unexpected end") {
				off = len(b)
			}
			return nil, at(col(off), fmt.Errorf("%w: %s", ErrBadJSON, strings.TrimPrefix(se.Error(), "json: ")))
		case errors.As(err, &te) && te.Field == "":
			return nil, at(0, fmt.Errorf("%w: want a JSON object, not %s", ErrBadRecord, jsonKind(te.Value)))
		case errors.As(err, &te):
			return nil, at(0, fmt.Errorf("%w: %q must be a string, not %s", ErrBadRecord, te.Field, jsonKind(te.Value)))
		}
		return nil, at(0, fmt.Errorf("%w: %v", ErrBadJSON, err))
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return nil, at(0, err)
	}
	bad := func(format string, args ...any) error {
		return at(0, fmt.Errorf("%w %q: %s", ErrBadRecord, id, fmt.Sprintf(format, args...)))
	}
	switch {
	case rec.Text == nil:
		return nil, bad(`no "text"`)
	case strings.TrimSpace(*rec.Text) == "":
		return nil, at(0, fmt.Errorf("%w %q: %w (\"text\" is only white space)", ErrBadRecord, id, ErrEmpty))
	case int64(len(*rec.Text)) > maxBytes:
		return nil, at(0, fmt.Errorf("%w %q: %w: \"text\" over the %s limit", ErrBadRecord, id, ErrTooLarge, sizeString(maxBytes)))
	case strings.IndexByte(*rec.Text, 0) >= 0:
		return nil, at(0, fmt.Errorf("%w %q: %w (NUL byte in \"text\"), not a text article", ErrBadRecord, id, ErrBinary))
	}
	published, ok := jsonlDate(rec.Published)
	if !ok {
		return nil, bad(`"published" %q is not a date (want YYYY-MM-DD or RFC 3339)`, rec.Published)
	}
	text := *rec.Text
	return &claims.Document{
		Source:    id,
		Story:     strings.TrimSpace(rec.Story),
		Title:     strings.Join(strings.Fields(rec.Title), " "),
		Published: published,
		URL:       strings.TrimSpace(rec.URL),
		Raw:       []byte(text),
		Text:      text,
	}, nil
}

// recordID reads a record's id: a non-empty string, or a number, taken as
// written.
func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", fmt.Errorf(`%w: no "id"`, ErrBadRecord)
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%w: %v", ErrBadJSON, err)
		}
		if strings.TrimSpace(s) == "" {
			return "", fmt.Errorf(`%w: "id" is empty`, ErrBadRecord)
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", fmt.Errorf(`%w: "id" must be a string or a number, not %s`, ErrBadRecord, jsonKind(rawKind(raw)))
}

// rawKind names the JSON type of a raw value as UnmarshalTypeError does.
func rawKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	}
	return "value"
}

// jsonKind turns UnmarshalTypeError's value names into plain words.
func jsonKind(v string) string {
	switch {
	case strings.HasPrefix(v, "number"):
		return "a number"
	case v == "bool":
		return "true or false"
	case v == "array":
		return "an array"
	case v == "object":
		return "an object"
	case v == "string":
		return "a string"
	}
	return v
}

// publishedLayouts are the forms a JSONL record's published date may take:
// a date, or RFC 3339 (with T or a space, with or without a zone).
var publishedLayouts = []string{
	time.DateOnly,
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
}

// jsonlDate reads a JSONL published field and returns its date as
// written, YYYY-MM-DD ("2017-04-12T23:30:00-05:00" is 2017-04-12, the
// day where it was published, not in UTC). "" is no date.
func jsonlDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// isJSONL reports whether the file at path is read as JSONL.
func isJSONL(path string, opt LoadOptions) bool {
	return opt.Format == FormatJSONL || strings.EqualFold(filepath.Ext(path), JSONLExt)
}
