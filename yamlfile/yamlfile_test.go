package yamlfile

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestFields(t *testing.T) {
	var doc yaml.Node
	src := "title: a\nseverity: error\nsevrity: info\ntitle: b\nx: &v 1\ny: *v\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var problems []string
	got := map[string]string{}
	Fields(doc.Content[0], []string{"title", "severity", "x", "y"},
		func(n *yaml.Node, format string, args ...any) {
			problems = append(problems, fmt.Sprintf("%d:%d: ", n.Line, n.Column)+fmt.Sprintf(format, args...))
		},
		func(key string, k, v *yaml.Node) { got[key] = v.Value })
	want := []string{`3:1: unknown key "sevrity" (did you mean "severity"?)`, `4:1: duplicate key "title" (first on line 1)`}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	if got["title"] != "a" || got["severity"] != "error" || got["y"] != "1" {
		t.Errorf("values %v (aliases must resolve)", got)
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"conflict", "precision", "superseded"}
	for _, tt := range []struct{ in, want string }{
		{"conflcit", "conflict"}, {"Precision", "precision"}, {"nothing", ""},
	} {
		if got := Suggest(tt.in, known, 3); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if Distance("kitten", "sitting") != 3 {
		t.Error("Distance(kitten, sitting) != 3")
	}
}

func TestDecode(t *testing.T) {
	if _, err := Decode([]byte("  \n# only a comment\n")); err != ErrEmpty {
		t.Errorf("empty: %v, want ErrEmpty", err)
	}
	_, err := Decode([]byte("a: 1\n---\nb: 2\n"))
	if xe, ok := err.(*ExtraDocError); !ok || xe.Node.Line < 2 {
		t.Errorf("two documents: %v, want an ExtraDocError after line 1", err)
	}
	_, err = Decode([]byte("a: 1\nb: [2\n"))
	if se, ok := err.(*SyntaxError); !ok || se.Line == 0 || se.Msg == "" || strings.HasPrefix(se.Msg, "yaml:") {
		t.Errorf("bad YAML: %#v, want a SyntaxError with a line", err)
	}
	root, err := Decode([]byte("a: 1\n"))
	if err != nil || root.Kind != yaml.MappingNode {
		t.Errorf("good YAML: %v %v", root, err)
	}
}
