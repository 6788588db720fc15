package extract

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// writeFiles creates files (path → content) under the current directory.
func writeFiles(t *testing.T, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadBadInput(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFiles(t, map[string]string{
		"empty.txt":       "",
		"blank.txt":       "  \n\t\n",
		"hidden.html":     "<html><head><title>t</title></head><body><script>var n = 59;</script></body></html>",
		"nul.txt":         "ab\ncd\x00ef",
		"latin1.txt":      "caf\xe9 au lait",
		"badutf8.md":      "h\u00e9llo\nw\u00f6rld \xff!",
		"nulafterbad.txt": "x\xfe\x00",
		"big.txt":         strings.Repeat("a", 1025),
		"late-nul.txt":    "x\xfe" + strings.Repeat("y", binarySniff) + "\x00",
		"image.png":       "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"utf16.txt":       "\xff\xfeT\x00h\x00e\x00",
		"nodocs/x.json":   "{}",
		"nodocs/.a/b.txt": "hidden",
	})
	if err := os.Mkdir("emptydir", 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		opt  LoadOptions
		want string
		is   error
	}{
		{"empty.txt", LoadOptions{}, "empty.txt: empty file", ErrEmpty},
		{"blank.txt", LoadOptions{}, "blank.txt: empty file (only white space)", ErrEmpty},
		{"hidden.html", LoadOptions{}, "hidden.html: empty file (no visible text)", ErrEmpty},
		{"nul.txt", LoadOptions{}, "nul.txt:2:3: binary file (NUL byte), not a text article", ErrBinary},
		{"latin1.txt", LoadOptions{}, "latin1.txt:1:4: invalid UTF-8 (byte 0xe9); save the file as UTF-8", ErrInvalidUTF8},
		{"badutf8.md", LoadOptions{}, "badutf8.md:2:7: invalid UTF-8 (byte 0xff); save the file as UTF-8", ErrInvalidUTF8},
		{"nulafterbad.txt", LoadOptions{}, "nulafterbad.txt:1:3: binary file (NUL byte), not a text article", ErrBinary},
		{"late-nul.txt", LoadOptions{}, "late-nul.txt:1:2: invalid UTF-8 (byte 0xfe); save the file as UTF-8", ErrInvalidUTF8},
		{"image.png", LoadOptions{}, "image.png:3:1: binary file (NUL byte), not a text article", ErrBinary},
		{"utf16.txt", LoadOptions{}, "utf16.txt:1:1: invalid UTF-8 (UTF-16); save the file as UTF-8", ErrInvalidUTF8},
		{"big.txt", LoadOptions{MaxBytes: 1024}, "big.txt: file too large: 1025 bytes, over the 1 KiB limit", ErrTooLarge},
		{"nope.txt", LoadOptions{}, "nope.txt: no such file or directory", os.ErrNotExist},
		{"emptydir", LoadOptions{}, "emptydir: no articles in directory (looked for .txt, .md, .markdown, .html, .htm)", ErrNoArticles},
		{"nodocs", LoadOptions{}, "nodocs: no articles in directory (looked for .txt, .md, .markdown, .html, .htm)", ErrNoArticles},
		{"-", LoadOptions{}, "-: no standard input", nil},
		{"-", LoadOptions{Stdin: strings.NewReader(""), MaxBytes: 4}, "-: empty file", ErrEmpty},
		{"-", LoadOptions{Stdin: strings.NewReader("hello"), MaxBytes: 4}, "-: file too large: over the 4 bytes limit", ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.path+"/"+tt.want, func(t *testing.T) {
			docs, err := Load([]string{tt.path}, tt.opt)
			if err == nil {
				t.Fatalf("Load(%q) = %d documents, want error %q", tt.path, len(docs), tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Load(%q) error\n got %q\nwant %q", tt.path, err, tt.want)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not an *InputError", err)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
		})
	}
}

func TestLoadBadInputAmongGood(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFiles(t, map[string]string{"d/a.txt": "Fine.", "d/b.txt": "\x00binary", "e/a.txt": "Fine.", "e/b.txt": ""})
	if _, err := Load([]string{"d"}, LoadOptions{}); err == nil || err.Error() != "d/b.txt:1:1: binary file (NUL byte), not a text article" {
		t.Errorf("Load(d) error = %v, want d/b.txt: binary file", err)
	}
	// An empty file found in a directory is left out with a warning.
	var warned []string
	docs, err := Load([]string{"e"}, LoadOptions{Warn: func(w claims.Warning) { warned = append(warned, w.String()) }})
	if err != nil || len(docs) != 1 || strings.Join(warned, "|") != "e/b.txt: left out: empty file" {
		t.Errorf("Load(e) = %d documents, %v; warnings %q", len(docs), err, warned)
	}
}

func sources(docs []*claims.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Source)
	}
	return out
}

func TestLoadDirectoryOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFiles(t, map[string]string{
		"d/b.txt":         "B.",
		"d/a/z.md":        "Z.",
		"d/a.txt":         "A.",
		"d/d.HTML":        "<p>D.</p>",
		"d/c.json":        "{}",
		"d/.git/x.txt":    "hidden",
		"d/sub/.x.txt":    "hidden",
		"d/sub/y.htm":     "<p>Y.</p>",
		"d/e.markdown":    "E.",
		"other/first.txt": "First.",
	})
	docs, err := Load([]string{"other/first.txt", "d/", "d/b.txt"}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := sources(docs)
	want := []string{"other/first.txt", "d/a.txt", "d/a/z.md", "d/b.txt", "d/d.HTML", "d/e.markdown", "d/sub/y.htm"}
	if !slices.Equal(got, want) {
		t.Errorf("sources\n got %q\nwant %q", got, want)
	}
	if docs[4].Map == nil || docs[4].Text != "D." {
		t.Errorf("d/d.HTML read as text: Text %q, Map %v", docs[4].Text, docs[4].Map)
	}
}

func TestLoadStdin(t *testing.T) {
	docs, err := Load([]string{"-"}, LoadOptions{Stdin: strings.NewReader("US fired 59 missiles.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Source != "-" || docs[0].Text != "US fired 59 missiles.\n" || docs[0].Map != nil {
		t.Fatalf("Load(-) = %+v", docs[0])
	}
	docs, err = Load([]string{"-", "-"}, LoadOptions{Stdin: strings.NewReader("<!DOCTYPE html><p>59 &amp; 60</p>")})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Text != "59 & 60" {
		t.Fatalf("Load(-, -) of HTML: %d documents, first Text %q", len(docs), docs[0].Text)
	}
}

func TestLoadText(t *testing.T) {
	tests := []struct {
		name, raw, text, title, url string
	}{
		{"plain", "Trump says ties at low\n\nHe said so.\n", "Trump says ties at low\n\nHe said so.\n", "Trump says ties at low", ""},
		{"url", "  https://example.com/a?b=1 \r\nBig headline here\nBody.", "                             \nBig headline here\nBody.", "Big headline here", "https://example.com/a?b=1"},
		{"url not alone", "https://example.com/a said so.\n", "https://example.com/a said so.\n", "", ""},
		{"sentence first", "He said so.\nMore.", "He said so.\nMore.", "", ""},
		{"markdown", "\n# A *big* headline\n\nText.", "\n# A *big* headline\n\nText.", "A *big* headline", ""},
		{"bom", "\ufeffThe Title Here\n\nText.", "   The Title Here\n\nText.", "The Title Here", ""},
		{"section name", "Politics\n\nTrump: ties at 'all-time low'\n\nText.", "Politics\n\nTrump: ties at 'all-time low'\n\nText.", "Trump: ties at 'all-time low'", ""},
		{"short lines", "A\nB\nC\nD E F\n", "A\nB\nC\nD E F\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Load([]string{"-"}, LoadOptions{Stdin: strings.NewReader(tt.raw)})
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Text != tt.text || d.Title != tt.title || d.URL != tt.url {
				t.Errorf("got Text %q Title %q URL %q\nwant Text %q Title %q URL %q", d.Text, d.Title, d.URL, tt.text, tt.title, tt.url)
			}
			if len(d.Text) != len(d.Raw) || d.Map != nil {
				t.Errorf("Text is %d bytes for %d raw bytes, Map %v: offsets must stay true", len(d.Text), len(d.Raw), d.Map)
			}
		})
	}
}

func TestLoadSeeds(t *testing.T) {
	docs, err := Load([]string{"../testdata/seeds"}, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("got %d seed documents, want 5", len(docs))
	}
	if got, want := docs[0].Source, "../testdata/seeds/000_ff312d38b2bcc334.txt"; got != want {
		t.Errorf("first source %q, want %q", got, want)
	}
	if got, want := docs[0].Title, "Trump says US-Russia ties \u2018may be at an all-time low\u2019"; got != want {
		t.Errorf("first title %q, want %q", got, want)
	}
}
