package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// englishWord is a string literal that is an English word or phrase: lower
// case letters (with apostrophes and hyphens), words apart by one space.
// Capitalised literals are names and messages, not vocabulary; a single
// letter is no word.
var englishWord = regexp.MustCompile(`^[a-z][a-z'’\-]+( [a-z][a-z'’\-]*)*$`)

// TestVocabularyInData holds the package to its design: the words are in
// the lexicon and the quantity tables (YAML), the mechanics in Go. No
// non-test Go file of the package is over 800 lines, and the non-test Go
// files hold at most 400 English word literals in all, import paths not
// counted.
func TestVocabularyInData(t *testing.T) {
	const maxLines, maxWords = 800, 400
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	words := 0
	perFile := map[string]int{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(src), "\n"); n > maxLines {
			t.Errorf("%s has %d lines, more than %d: split it by stage", f, n, maxLines)
		}
		fset := gotoken.NewFileSet()
		af, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			if _, ok := n.(*ast.ImportSpec); ok {
				return false
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != gotoken.STRING {
				return true
			}
			if s, err := strconv.Unquote(lit.Value); err == nil && englishWord.MatchString(s) {
				words++
				perFile[f]++
			}
			return true
		})
	}
	t.Logf("%d English word literals in the package's Go files: %v", words, perFile)
	if words > maxWords {
		t.Errorf("%d English word literals in the package's Go files, more than %d: move the words to the lexicon (%v)", words, maxWords, perFile)
	}
}
