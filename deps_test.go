package factcheck_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// module is this module's path.
const module = "github.com/factcheck/factcheck"

// allowedDeps says what each package of the module may import, by
// directory. An entry is "STD" (the standard library), "MODULE" (any
// package of this module), a package of this module by directory
// ("claims"), an import path, or an import path ending in "/..." for that
// path and everything below it. Test files are not checked.
//
// Every package directory needs an entry: a new package is a design
// decision, written down here.
var allowedDeps = map[string][]string{
	".":      {"STD"},
	"claims": {"STD"},
	// doublestar matches the --exclude globs ("wires/**/old-*").
	"extract": {"STD", "claims", "yamlfile",
		"golang.org/x/net/html/...", "gopkg.in/yaml.v3", "github.com/bmatcuk/doublestar/v4"},
	"rules": {"STD", "claims", "yamlfile",
		"cel.dev/cel-go/...", "cel.dev/expr/...", "google.golang.org/protobuf/...",
		"google.golang.org/genproto/googleapis/api/expr/...", "gopkg.in/yaml.v3"},
	"config": {"STD", "claims", "yamlfile", "gopkg.in/yaml.v3"},
	// report reads the ignore file (.factcheck-ignore.yaml), whose
	// entries are keyed by report's own fingerprints.
	"report": {"STD", "claims",
		"github.com/olekukonko/tablewriter/...", "gopkg.in/yaml.v3"},
	// term tells a terminal's width, to fit the tables to it.
	"cmd/factcheck": {"STD", "MODULE",
		"github.com/spf13/cobra", "github.com/spf13/pflag", "golang.org/x/term"},
	"draft": {"STD", "claims"},
	// gate decides which claims state the same fact: frames, features, a
	// fitted model, groups.
	"gate": {"STD", "claims"},
	// yamlfile is what the YAML inputs share: key walking, suggestions.
	"yamlfile": {"STD", "gopkg.in/yaml.v3"},
	// eval scores the whole pipeline against labelled clusters.
	"eval":               {"STD", "MODULE", "gopkg.in/yaml.v3"},
	"cmd/factcheck-eval": {"STD", "eval"},
	// factcheck-train fits the gate's weights on the labelled stories.
	"cmd/factcheck-train": {"STD", "eval", "gate"},
}

func TestDependencies(t *testing.T) {
	dirs, err := packageDirs(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		allowed, ok := allowedDeps[dir]
		if !ok {
			t.Errorf("package %s has no entry in allowedDeps (deps_test.go): say what it may import", dir)
			continue
		}
		imports, err := packageImports(dir)
		if err != nil {
			t.Error(err)
			continue
		}
		for _, imp := range imports {
			if !allowedImport(imp.path, allowed) {
				t.Errorf("%s: package %s may not import %q (allowed: %s)", imp.pos, dir, imp.path, strings.Join(allowed, ", "))
			}
		}
	}
}

// allowedImport reports whether path matches one of the allowed entries.
func allowedImport(path string, allowed []string) bool {
	for _, a := range allowed {
		switch {
		case a == "STD":
			if first, _, _ := strings.Cut(path, "/"); !strings.Contains(first, ".") {
				return true
			}
		case a == "MODULE":
			if path == module || strings.HasPrefix(path, module+"/") {
				return true
			}
		case strings.HasSuffix(a, "/..."):
			base := strings.TrimSuffix(a, "/...")
			if path == base || strings.HasPrefix(path, base+"/") {
				return true
			}
		case !strings.Contains(a, "."):
			if path == module+"/"+a {
				return true
			}
		case path == a:
			return true
		}
	}
	return false
}

// packageDirs returns the module's directories holding non-test Go files,
// relative to root, skipping testdata and hidden directories.
func packageDirs(root string) ([]string, error) {
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			seen[filepath.ToSlash(filepath.Dir(p))] = true
		}
		return nil
	})
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs, err
}

type importSite struct {
	path string
	pos  token.Position
}

// packageImports returns the imports of the non-test Go files in dir.
func packageImports(dir string) ([]importSite, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var out []importSite
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			return nil, err
		}
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				return nil, err
			}
			out = append(out, importSite{path: p, pos: fset.Position(imp.Pos())})
		}
	}
	return out, nil
}

// TestAllowedImport checks the matcher itself, including that a package
// the table does not allow is reported.
func TestAllowedImport(t *testing.T) {
	tests := []struct {
		path    string
		allowed []string
		ok      bool
	}{
		{"fmt", []string{"STD"}, true},
		{"net/http", []string{"STD"}, true},
		{"golang.org/x/net/html", []string{"STD"}, false},
		{"github.com/factcheck/factcheck/claims", []string{"STD", "claims"}, true},
		{"github.com/factcheck/factcheck/rules", []string{"STD", "claims"}, false},
		{"github.com/factcheck/factcheck/rules", []string{"MODULE"}, true},
		{"github.com/factcheck/factcheck", []string{"MODULE"}, true},
		{"cel.dev/cel-go/cel", []string{"cel.dev/cel-go/..."}, true},
		{"cel.dev/cel-gox", []string{"cel.dev/cel-go/..."}, false},
		{"github.com/spf13/cobra", []string{"STD", "claims"}, false},
		{"gopkg.in/yaml.v3", []string{"gopkg.in/yaml.v3"}, true},
	}
	for _, tt := range tests {
		if got := allowedImport(tt.path, tt.allowed); got != tt.ok {
			t.Errorf("allowedImport(%q, %q) = %v, want %v", tt.path, tt.allowed, got, tt.ok)
		}
	}
}
