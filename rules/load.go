package rules

import (
	"fmt"
	"github.com/factcheck/factcheck/yamlfile"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"gopkg.in/yaml.v3"

	"github.com/factcheck/factcheck/claims"
)

// A namedFile is a file's display name and contents.
type namedFile struct {
	name string
	data []byte
}

const (
	ruleExt = ".yaml"
	testExt = ".test.yaml"
)

// isRuleFile reports whether a directory entry's name is a rule file.
func isRuleFile(name string) bool {
	return strings.HasSuffix(name, ruleExt) && !strings.HasSuffix(name, testExt) && !strings.HasPrefix(name, ".")
}

// isMisnamedRule reports whether name looks like a rule file with the wrong
// extension.
func isMisnamedRule(name string) bool {
	return strings.HasSuffix(name, ".yml") && !strings.HasPrefix(name, ".")
}

// LoadFS loads every rule file in directory dir of fsys: each *.yaml file
// that is not a *.test.yaml file (subdirectories are not read). Files are
// named path.Join(dir, name) in problems and in Rule.File.
//
// Every problem in every file is collected; the error, if any, is a
// *LoadError.
func LoadFS(fsys fs.FS, dir string) (*Set, error) {
	var probs problems
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		probs.add(Problem{File: dir, Msg: "read rule directory: " + unwrapPathError(err)})
		return nil, probs.err()
	}
	var files []namedFile
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		switch {
		case e.IsDir():
		case isMisnamedRule(e.Name()):
			probs.add(Problem{File: name, Msg: "rule files end in .yaml; rename it to be loaded"})
		case isRuleFile(e.Name()):
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				probs.add(Problem{File: name, Msg: "read rule: " + unwrapPathError(err)})
				continue
			}
			files = append(files, namedFile{name, data})
		}
	}
	return loadFiles(files, probs)
}

// LoadPaths loads rules from files and directories on disk, as --rules
// names them. A directory contributes its rule files as in LoadFS; a file
// must end in .yaml; *.test.yaml files are passed over. Two files may not
// define the same rule id: to override rules, load them into another set
// and Add it.
func LoadPaths(paths ...string) (*Set, error) {
	files, probs := readPaths(paths, "rule", func(name string, given bool) (bool, string) {
		base := filepath.Base(name)
		switch {
		case given && strings.HasSuffix(base, testExt):
			return false, ""
		case given && strings.HasSuffix(base, ruleExt):
			return true, ""
		case given:
			return false, "not a rule file: rule files end in .yaml"
		case isMisnamedRule(base):
			return false, "rule files end in .yaml; rename it to be loaded"
		}
		return isRuleFile(base), ""
	})
	set, err := loadFiles(files, probs)
	if err != nil {
		return nil, err
	}
	// A path that gives no rule is likely a mistake: say so.
	for _, p := range paths {
		found := false
		for _, f := range files {
			if f.name == p || filepath.Dir(f.name) == filepath.Clean(p) {
				found = true
				break
			}
		}
		if found {
			continue
		}
		msg := "no rule loaded: no rule file (*.yaml) in the directory"
		if base := filepath.Base(p); strings.HasSuffix(base, testExt) {
			msg = fmt.Sprintf("no rule loaded: a rule test file; give its rule, %s, or the directory", strings.TrimSuffix(base, testExt)+ruleExt)
		}
		set.warnings = append(set.warnings, claims.Warning{Source: p, Msg: msg})
	}
	return set, nil
}

// readPaths reads the files paths name: each path is a file, or a
// directory whose entries (not its subdirectories) are considered. pick
// says of each file whether to read it or, with a message, that it is a
// problem; given is true for a file named in paths. what names the kind of
// file in messages ("rule", "rule test").
func readPaths(paths []string, what string, pick func(name string, given bool) (read bool, problem string)) ([]namedFile, problems) {
	var probs problems
	var files []namedFile
	take := func(name string, given bool) {
		ok, problem := pick(name, given)
		if problem != "" {
			probs.add(Problem{File: name, Msg: problem})
		}
		if !ok {
			return
		}
		data, err := os.ReadFile(name)
		if err != nil {
			probs.add(Problem{File: name, Msg: "read " + what + ": " + unwrapPathError(err)})
			return
		}
		files = append(files, namedFile{name, data})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			probs.add(Problem{File: p, Msg: "read " + what + "s: " + unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			take(p, true)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			probs.add(Problem{File: p, Msg: "read rule directory: " + unwrapPathError(err)})
			continue
		}
		for _, e := range entries {
			if !e.IsDir() {
				take(filepath.Join(p, e.Name()), false)
			}
		}
	}
	return files, probs
}

// unwrapPathError drops the operation and path a *fs.PathError repeats.
func unwrapPathError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// loadFiles decodes and compiles rule files into a set.
func loadFiles(files []namedFile, probs problems) (*Set, error) {
	env, err := celEnv()
	if err != nil {
		return nil, err
	}
	s := &Set{}
	from := map[string]string{}
	for _, nf := range files {
		id := strings.TrimSuffix(path.Base(filepath.ToSlash(nf.name)), ruleExt)
		if !idPattern.MatchString(id) {
			probs.add(Problem{File: nf.name, Msg: fmt.Sprintf("bad rule id %q (the file name): use lower-case letters, digits, '-' and '_'", id)})
			continue
		}
		if prev, ok := from[id]; ok {
			probs.add(Problem{File: nf.name, Msg: fmt.Sprintf("rule %s is also defined by %s; to override a rule, load the two into separate sets and Add one to the other", id, prev)})
			continue
		}
		from[id] = nf.name
		f := newYAMLFile(nf.name, nf.data, &probs)
		if r := decodeRule(f, env, id, nf.data); r != nil {
			s.put(r)
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return s, nil
}

var ruleKeys = []string{"title", "description", "severity", "since", "when", "params", "condition", "evidence", "message", "messageExpression"}

// decodeRule decodes and compiles one rule file; it records problems and
// returns nil when there are any.
func decodeRule(f *yamlFile, env *environment, id string, data []byte) *Rule {
	before := len(*f.probs)
	root := f.parse(data)
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		f.errorf(root, "a rule file is a mapping of keys (%s)", strings.Join(ruleKeys, ", "))
		return nil
	}
	r := &Rule{ID: id, File: f.name, params: map[string]ref.Val{}, paramTypes: map[string]*cel.Type{}}
	nodes := map[string]*yaml.Node{}
	f.fields(root, ruleKeys, func(key string, k, v *yaml.Node) {
		nodes[key] = v
		switch key {
		case "title":
			r.Title = f.str(v, key)
		case "description":
			r.Description = f.str(v, key)
		case "since":
			r.Since = f.str(v, key)
		case "severity":
			if v.Kind != yaml.ScalarNode {
				f.errorf(v, "severity must be error, warning or info")
				return
			}
			s := v.Value
			sev, err := claims.ParseSeverity(s)
			if err != nil || sev == claims.SeverityNone {
				f.errorf(v, "bad severity %q: want error, warning or info", s)
				return
			}
			r.Severity = sev
		case "when":
			r.When = f.filter(v)
		case "params":
			f.params(v, r)
		case "condition":
			r.Condition = f.str(v, key)
		case "evidence":
			r.Evidence = f.str(v, key)
		case "message":
			r.Message = f.str(v, key)
		case "messageExpression":
			r.MessageExpression = f.str(v, key)
		}
	})
	for _, key := range []string{"title", "severity", "condition"} {
		if nodes[key] == nil {
			f.errorf(root, "missing key %q", key)
		}
	}
	if nodes["message"] == nil && nodes["messageExpression"] == nil {
		f.errorf(root, `missing key "message" (or "messageExpression")`)
	}

	celEnv := env.env
	if len(r.paramTypes) > 0 {
		var vars []cel.EnvOption
		for _, name := range slices.Sorted(maps.Keys(r.paramTypes)) {
			vars = append(vars, cel.Variable(paramsPrefix+name, r.paramTypes[name]))
		}
		var err error
		if celEnv, err = celEnv.Extend(vars...); err != nil {
			f.errorf(nodes["params"], "declare params: %v", err)
			return nil
		}
	}
	isBool := func(t *cel.Type) bool { return t.IsExactType(cel.BoolType) }
	isString := func(t *cel.Type) bool { return t.IsExactType(cel.StringType) }
	isClaims := func(t *cel.Type) bool {
		if t.Kind() == types.DynKind {
			return true
		}
		if t.Kind() != types.ListKind {
			return false
		}
		e := t.Parameters()[0]
		return e.Kind() == types.DynKind || e.IsExactType(claimType)
	}
	if n := nodes["condition"]; n != nil {
		r.cond = f.compile(celEnv, n, "condition", isBool, "bool")
	}
	if n := nodes["evidence"]; n != nil {
		r.evid = f.compile(celEnv, n, "evidence", isClaims, "list(factcheck.Claim)")
	}
	if n := nodes["messageExpression"]; n != nil {
		r.msg = f.compile(celEnv, n, "messageExpression", isString, "string")
	}
	if len(*f.probs) > before {
		return nil
	}
	return r
}

// compile compiles and type-checks the expression in scalar node n and
// checks its result type, recording problems at their place in the file.
func (f *yamlFile) compile(env *cel.Env, n *yaml.Node, what string, ok func(*cel.Type) bool, want string) *program {
	if n.Kind != yaml.ScalarNode {
		return nil // f.str has reported it
	}
	if strings.TrimSpace(n.Value) == "" {
		f.errorf(n, "%s is empty", what)
		return nil
	}
	ast, iss := env.Compile(n.Value)
	if iss.Err() != nil {
		for _, e := range iss.Errors() {
			p := pos{n.Line, n.Column}
			if e.Location != nil && e.Location.Line() >= 1 {
				p = f.exprPos(n, e.Location.Line(), e.Location.Column())
			}
			f.errorAt(p.line, p.col, "%s: %s", what, e.Message)
		}
		return nil
	}
	if t := ast.OutputType(); !ok(t) {
		p := f.exprPos(n, 1, 0)
		f.errorAt(p.line, p.col, "%s must be %s, not %s", what, want, t)
		return nil
	}
	prg, err := newProgram(env, ast, DefaultCostLimit)
	if err != nil {
		f.errorf(n, "%s: %v", what, err)
		return nil
	}
	return &program{src: n.Value, env: env, ast: ast, prg: prg}
}

// fields walks the keys of mapping node m, reporting unknown and
// duplicate keys, and calls fn for the others.
func (f *yamlFile) fields(m *yaml.Node, known []string, fn func(key string, k, v *yaml.Node)) {
	yamlfile.Fields(m, known, f.errorf, fn)
}

// str returns the text of scalar node n; a null is "".
func (f *yamlFile) str(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode {
		f.errorf(n, "%s must be a single value, not a %s", key, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// strList returns a list of strings given as a sequence or a single scalar.
func (f *yamlFile) strList(n *yaml.Node, key string) []string {
	if n.Kind == yaml.ScalarNode {
		if n.Tag == "!!null" {
			return nil
		}
		return []string{n.Value}
	}
	if n.Kind != yaml.SequenceNode {
		f.errorf(n, "%s must be a list of values", key)
		return nil
	}
	var out []string
	for _, e := range n.Content {
		e = yamlfile.Resolve(e)
		if e.Kind != yaml.ScalarNode {
			f.errorf(e, "%s must be a list of values, not of %ss", key, kindName(e))
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

var kinds = []string{
	string(claims.KindCount), string(claims.KindMoney), string(claims.KindDuration), string(claims.KindDate), string(claims.KindTime),
	string(claims.KindPercent), string(claims.KindMeasure), string(claims.KindOrdinal), string(claims.KindText),
}

// filter decodes a when: mapping.
func (f *yamlFile) filter(n *yaml.Node) Filter {
	var w Filter
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return w
	}
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "when must be a mapping of slots, kinds, units and min_sources")
		return w
	}
	f.fields(n, []string{"slots", "kinds", "units", "min_sources"}, func(key string, k, v *yaml.Node) {
		if key == "min_sources" {
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 0 {
				f.errorf(v, "min_sources must be a whole number of sources, 0 or more")
				return
			}
			w.MinSources = n
			return
		}
		list := f.strList(v, key)
		switch key {
		case "slots":
			w.Slots = list
		case "kinds":
			for i, kind := range list {
				if !slices.Contains(kinds, kind) {
					at := v
					if v.Kind == yaml.SequenceNode {
						at = v.Content[i]
					}
					f.errorf(at, "unknown kind %q (want one of %s)", kind, strings.Join(kinds, ", "))
				}
			}
			w.Kinds = list
		case "units":
			w.Units = list
		}
	})
	return w
}

var (
	identPattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	celReserved  = []string{"as", "break", "const", "continue", "else", "false", "for", "function", "if", "import",
		"in", "let", "loop", "package", "namespace", "null", "return", "true", "var", "void", "while"}
)

// params decodes a params: mapping into r.
func (f *yamlFile) params(n *yaml.Node, r *Rule) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "params must be a mapping of names to default values")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], yamlfile.Resolve(n.Content[i+1])
		name := k.Value
		if !identPattern.MatchString(name) || slices.Contains(celReserved, name) {
			f.errorf(k, "bad param name %q: use letters, digits and '_', not a CEL keyword", name)
			continue
		}
		if _, dup := r.paramTypes[name]; dup {
			f.errorf(k, "duplicate param %q", name)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			f.errorf(v, "param %s: the default must be a number, string or bool", name)
			continue
		}
		var t *cel.Type
		var val ref.Val
		switch v.Tag {
		case "!!int":
			x, err := strconv.ParseInt(strings.ReplaceAll(v.Value, "_", ""), 0, 64)
			if err != nil {
				f.errorf(v, "param %s: bad integer %q", name, v.Value)
				continue
			}
			t, val = cel.IntType, types.Int(x)
		case "!!float":
			var x float64
			if err := v.Decode(&x); err != nil {
				f.errorf(v, "param %s: bad number %q", name, v.Value)
				continue
			}
			t, val = cel.DoubleType, types.Double(x)
		case "!!bool":
			var x bool
			if err := v.Decode(&x); err != nil {
				f.errorf(v, "param %s: bad bool %q", name, v.Value)
				continue
			}
			t, val = cel.BoolType, types.Bool(x)
		case "!!str":
			t, val = cel.StringType, types.String(v.Value)
		default:
			f.errorf(v, "param %s: the default must be a number, string or bool", name)
			continue
		}
		r.paramTypes[name] = t
		r.params[name] = val
	}
}
