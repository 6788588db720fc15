package rules

import (
	"go/build"
	"strings"
	"testing"
)

// TestImports holds package rules to the imports its design allows: the
// standard library, the claims vocabulary, cel-go and YAML. In particular
// it must not import the root package (the embedded pack), extract,
// report or cmd.
func TestImports(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	allowed := func(path string) bool {
		switch {
		case !strings.Contains(strings.SplitN(path, "/", 2)[0], "."): // standard library
			return true
		case path == "github.com/factcheck/factcheck/claims",
			path == "gopkg.in/yaml.v3",
			strings.HasPrefix(path, "cel.dev/cel-go/"):
			return true
		}
		return false
	}
	for _, imp := range pkg.Imports {
		if !allowed(imp) {
			t.Errorf("package rules imports %s; it may import only the standard library, claims, cel-go and yaml.v3", imp)
		}
	}
}
