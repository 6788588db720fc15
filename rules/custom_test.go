package rules

import (
	"os"
	"strings"
	"testing"
)

// TestCustomRuleExample runs the worked example of docs/rules.md, kept in
// testdata/custom, and checks the document quotes it as it is.
func TestCustomRuleExample(t *testing.T) {
	s, err := LoadPaths("testdata/custom")
	if err != nil {
		t.Fatal(err)
	}
	results, err := RunTestPaths(s, "testdata/custom")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Status != TestPass {
			t.Error(r)
		}
	}
	doc, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"death-toll-spread.yaml", "death-toll-spread.test.yaml"} {
		src, err := os.ReadFile("testdata/custom/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(doc), "```yaml\n"+string(src)+"```\n") {
			t.Errorf("docs/rules.md does not quote testdata/custom/%s as it is", name)
		}
	}
}
