package extract

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

func TestLoadJSONL(t *testing.T) {
	t.Chdir(t.TempDir())
	feed := "\ufeff" + `{"id": "ap-1", "url": " https://example.com/a ", "title": "Strike  on\nbase", "published": "2017-04-07T23:30:00-04:00", "story": "shayrat", "text": "Line one.\nThe US fired 59 cruise missiles.", "author": "ignored"}` + "\r\n" +
		"\n" +
		`{"id": 17, "published": "2017-04-08", "text": "Russia’s eighth veto"}` + "\n" +
		`{"id": "c", "published": "2017-04-09 10:00:00", "text": "x", "story": null, "title": null}` + "\n" +
		`{"id": "d", "published": "2017-04-10T08:15:00.123Z", "text": "y"}`
	writeFiles(t, map[string]string{"feed.jsonl": feed, "dir/a.jsonl": `{"id": "x", "text": "z"}`, "dir/b.txt": "text file"})
	docs, err := Load([]string{"feed.jsonl"}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []claims.Document{
		{Source: "ap-1", Story: "shayrat", Title: "Strike on base", Published: "2017-04-07", URL: "https://example.com/a", Text: "Line one.\nThe US fired 59 cruise missiles."},
		{Source: "17", Published: "2017-04-08", Text: "Russia’s eighth veto"},
		{Source: "c", Published: "2017-04-09", Text: "x"},
		{Source: "d", Published: "2017-04-10", Text: "y"},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for i, d := range docs {
		w := want[i]
		if d.Source != w.Source || d.Story != w.Story || d.Title != w.Title || d.Published != w.Published || d.URL != w.URL || d.Text != w.Text || string(d.Raw) != w.Text || d.Map != nil {
			t.Errorf("document %d = %+v, want %+v", i, *d, w)
		}
	}
	// Spans are byte offsets into the record's text; line and column too.
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	cs := New(lex).Run(docs[:1], Options{})
	if len(cs) == 0 {
		t.Fatal("no claims from the record")
	}
	c := cs[0]
	if c.Source != "ap-1" || c.Story != "shayrat" || c.Text != "59 cruise missiles" || docs[0].Text[c.Span.Start:c.Span.End] != c.Text || c.Span.Line != 2 || c.Span.Col != 14 {
		t.Errorf("claim %+v", *c)
	}

	// A directory gives its .jsonl files only with FormatJSONL; a file
	// named .jsonl is a feed whatever the format.
	docs, err = Load([]string{"dir"}, LoadOptions{Format: FormatJSONL})
	if err != nil || len(docs) != 1 || docs[0].Source != "x" {
		t.Errorf("Load(dir, jsonl) = %v, %v", docs, err)
	}
	docs, err = Load([]string{"dir"}, LoadOptions{})
	if err != nil || len(docs) != 1 || docs[0].Source != "dir/b.txt" {
		t.Errorf("Load(dir) = %v, %v", docs, err)
	}
	// Standard input, with FormatJSONL.
	docs, err = Load([]string{"-"}, LoadOptions{Format: FormatJSONL, Stdin: strings.NewReader(`{"id": "s", "text": "t"}`)})
	if err != nil || len(docs) != 1 || docs[0].Source != "s" {
		t.Errorf("Load(-, jsonl) = %v, %v", docs, err)
	}
	files, err := Files([]string{"dir", "feed.jsonl", "-"}, LoadOptions{Format: FormatJSONL})
	if want := []string{"dir/a.jsonl", "feed.jsonl", "-"}; err != nil || !slices.Equal(files, want) {
		t.Errorf("Files = %v, %v, want %v", files, err, want)
	}
}

func TestLoadJSONLBad(t *testing.T) {
	t.Chdir(t.TempDir())
	long := `{"id": "big", "text": "` + strings.Repeat("a", 2000) + `"}`
	tests := []struct {
		feed string
		opt  LoadOptions
		want string
		is   error
	}{
		{`{"id": "a", "text": "x"`, LoadOptions{}, "f.jsonl:1:24: invalid JSON: unexpected end of JSON input", ErrBadJSON},
		{`{"id": "a", "text": "x"} {"id": "b"}`, LoadOptions{}, "f.jsonl:1:26: invalid JSON: invalid character '{' after top-level value", ErrBadJSON},
		{`{"id": "é", "text": x}`, LoadOptions{}, "f.jsonl:1:21: invalid JSON: invalid character 'x' looking for beginning of value", ErrBadJSON},
		{`"just a string"`, LoadOptions{}, "f.jsonl:1: invalid record: want a JSON object, not a string", ErrBadRecord},
		{`{"id": true, "text": "x"}`, LoadOptions{}, `f.jsonl:1: invalid record: "id" must be a string or a number, not true or false`, ErrBadRecord},
		{`{"id": "a", "text": 5}`, LoadOptions{}, `f.jsonl:1: invalid record: "text" must be a string, not a number`, ErrBadRecord},
		{`{"id": null, "text": "x"}`, LoadOptions{}, `f.jsonl:1: invalid record: no "id"`, ErrBadRecord},
		{`{"id": "a", "text": ""}`, LoadOptions{}, `f.jsonl:1: invalid record "a": empty file ("text" is only white space)`, ErrEmpty},
		{`{"id": "a", "published": "2017-13-01", "text": "x"}`, LoadOptions{}, `f.jsonl:1: invalid record "a": "published" "2017-13-01" is not a date (want YYYY-MM-DD or RFC 3339)`, ErrBadRecord},
		{"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}", LoadOptions{}, `f.jsonl:2: invalid record: duplicate id "a" (first on f.jsonl:1)`, ErrBadRecord},
		{"{\"id\": \"a\", \"text\": \"x\x00\"}", LoadOptions{}, "f.jsonl:1:23: binary file (NUL byte), not a JSONL feed", ErrBinary},
		{long, LoadOptions{MaxBytes: 1000}, `f.jsonl:1: invalid record "big": file too large: "text" over the 1000 bytes limit`, ErrTooLarge},
		{long, LoadOptions{MaxBytes: 400}, "f.jsonl:1: file too large: line over the 1600 bytes limit", ErrTooLarge},
	}
	for _, tt := range tests {
		writeFiles(t, map[string]string{"f.jsonl": tt.feed})
		_, err := Load([]string{"f.jsonl"}, tt.opt)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%.40s: error\n got %v\nwant %s", tt.feed, err, tt.want)
			continue
		}
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, tt.is) {
			t.Errorf("%.40s: error %v is not an *InputError wrapping %v", tt.feed, err, tt.is)
		}
	}
}

// TestEachStreams checks that Each hands over each record as soon as it
// is read: an error from the callback stops the reading.
func TestEachStreams(t *testing.T) {
	r := strings.NewReader(`{"id": "a", "text": "x"}` + "\n" + `{"id": "b", "text": "y"}` + "\n" + "not JSON\n")
	stop := errors.New("stop")
	var got []string
	err := Each([]string{"-"}, LoadOptions{Format: FormatJSONL, Stdin: r}, func(d *claims.Document) error {
		got = append(got, d.Source)
		if d.Source == "b" {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Each = %v after %v, want stop after [a b]", err, got)
	}
}

// FuzzJSONL reads arbitrary feeds: no panic, every error an *InputError
// with a line when it is about one, and every document read has a text
// that is its Raw.
func FuzzJSONL(f *testing.F) {
	f.Add(`{"id": "a", "published": "2017-04-07T10:00:00Z", "story": "s", "text": "The US fired 59 cruise missiles."}` + "\n" + `{"id": 2, "text": "x"}`)
	f.Add(`{"id": "a", "text": "x"` + "\n\n[1]\n\"s\"\n{\"id\": \"é\", \"text\": \"\\u0000\"}")
	f.Fuzz(func(t *testing.T, feed string) {
		err := readJSONL("f.jsonl", strings.NewReader(feed), 1<<10, jsonlIDs{}, func(d *claims.Document) error {
			if d.Source == "" || strings.TrimSpace(d.Text) == "" || string(d.Raw) != d.Text {
				t.Fatalf("document %+v", *d)
			}
			return nil
		})
		var ie *InputError
		if err != nil && (!errors.As(err, &ie) || ie.Path != "f.jsonl") {
			t.Fatalf("error %v (%T)", err, err)
		}
	})
}
