package extract

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
)

// TestAnnotated runs the extractor over the articles in testdata/extract.
// Each line may end with `// want "slot@subject value" ...`; the harness
// blanks the annotation with spaces (byte offsets stay true) and then
// requires that the claims read from that line are exactly the wanted ones:
// a missing claim and an unexpected claim both fail.
func TestAnnotated(t *testing.T) {
	files, err := filepath.Glob("../testdata/extract/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no annotated articles: %v", err)
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	x := New(lex)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text, wants := stripWants(t, string(raw))
			doc := &claims.Document{Source: f, Raw: []byte(text), Text: text, Published: publishedOf(text)}
			got := map[int][]string{}
			for _, c := range x.Run([]*claims.Document{doc}, Options{}) {
				if text[c.Span.Start:c.Span.End] != c.Text {
					t.Errorf("%d: span %d-%d holds %q, claim says %q", c.Span.Line, c.Span.Start, c.Span.End, text[c.Span.Start:c.Span.End], c.Text)
				}
				got[c.Span.Line] = append(got[c.Span.Line], describe(c))
			}
			lines := map[int]bool{}
			for l := range got {
				lines[l] = true
			}
			for l := range wants {
				lines[l] = true
			}
			for l := range lines {
				g, w := got[l], wants[l]
				slices.Sort(g)
				slices.Sort(w)
				for _, s := range w {
					if !slices.Contains(g, s) {
						t.Errorf("%s:%d: missing claim %q (got %q)", filepath.Base(f), l, s, g)
					}
				}
				for _, s := range g {
					if !slices.Contains(w, s) {
						t.Errorf("%s:%d: unexpected claim %q", filepath.Base(f), l, s)
					}
				}
			}
		})
	}
}

var wantRE = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// stripWants blanks every `// want ...` annotation and returns the wanted
// claims by line.
func stripWants(t *testing.T, text string) (string, map[int][]string) {
	wants := map[int][]string{}
	lines := strings.SplitAfter(text, "\n")
	for i, line := range lines {
		k := strings.Index(line, "// want ")
		if k < 0 {
			continue
		}
		ann := strings.TrimRight(line[k+len("// want "):], "\n")
		for _, m := range wantRE.FindAllStringSubmatch(ann, -1) {
			s, err := strconv.Unquote(`"` + m[1] + `"`)
			if err != nil {
				t.Fatalf("line %d: bad want %s", i+1, m[0])
			}
			wants[i+1] = append(wants[i+1], s)
		}
		end := len(line)
		if strings.HasSuffix(line, "\n") {
			end--
		}
		lines[i] = line[:k] + strings.Repeat(" ", end-k) + line[end:]
	}
	return strings.Join(lines, ""), wants
}

// publishedOf reads a "Published: YYYY-MM-DD" line, the harness's way of
// giving an article a date.
func publishedOf(text string) string {
	for _, l := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(l, "Published: "); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// describe renders a claim as "slot@subject value".
func describe(c *claims.Claim) string {
	s := c.Slot
	if c.Subject != "" {
		s += "@" + c.Subject
	}
	s += " " + valueString(c.Value)
	if c.Superseded {
		s += " (superseded)"
	}
	return s
}

func valueString(v claims.Value) string {
	if v.Date != "" {
		return v.Date
	}
	if v.Text != "" {
		return "'" + v.Text + "'"
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	var s string
	switch {
	case v.Lo == v.Hi:
		s = num(v.Lo)
	case math.IsInf(v.Hi, 1):
		op := ">="
		if v.LoOpen {
			op = ">"
		}
		s = op + num(v.Lo)
	case v.Lo == 0 || math.IsInf(v.Lo, -1):
		op := "<="
		if v.HiOpen {
			op = "<"
		}
		s = op + num(v.Hi)
	default:
		s = fmt.Sprintf("%s..%s", num(v.Lo), num(v.Hi))
	}
	if v.Approx {
		s = "~" + s
	}
	if v.Vague {
		s += "?"
	}
	return s
}
