package rules

import (
	"cmp"
	"fmt"
	"github.com/factcheck/factcheck/yamlfile"
	"io/fs"
	"maps"
	"math"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/factcheck/factcheck/claims"
)

// TestStatus is the outcome of a rule test case.
type TestStatus int

// The outcomes of a rule test case.
const (
	TestPass TestStatus = iota
	TestFail
	TestSkip
)

func (s TestStatus) String() string {
	switch s {
	case TestPass:
		return "PASS"
	case TestFail:
		return "FAIL"
	case TestSkip:
		return "SKIP"
	}
	return fmt.Sprintf("TestStatus(%d)", int(s))
}

// A TestResult is the outcome of one case of a rule test file, or, with
// an empty Case, a verdict on a rule's tests as a whole (no test file, no
// case that must fire …).
type TestResult struct {
	Rule string
	Case string
	// File and Line locate the case (or the test file, or the rule file
	// when the test file is missing).
	File   string
	Line   int
	Status TestStatus
	// Msg says why the case failed or was skipped.
	Msg string
}

func (r TestResult) String() string {
	var b strings.Builder
	b.WriteString(r.File)
	if r.Line > 0 {
		fmt.Fprintf(&b, ":%d", r.Line)
	}
	fmt.Fprintf(&b, ": %s %s", r.Status, r.Rule)
	if r.Case != "" {
		fmt.Fprintf(&b, ": %s", r.Case)
	}
	if r.Msg != "" {
		fmt.Fprintf(&b, ": %s", r.Msg)
	}
	return b.String()
}

// RunTests runs the rule test files (*.test.yaml) in directory dir of fsys
// against the rules of s: <id>.test.yaml tests rule id. Every rule of s
// must have a test file with at least one case that must fire and one
// that must not; a rule without is reported as a failed result. Cases
// marked todo are skipped.
//
// The error, a *LoadError, reports test files that cannot be read or
// decoded, and test files for rules s does not hold; results are returned
// for everything else. Results are ordered by rule id, then case order.
func RunTests(s *Set, fsys fs.FS, dir string) ([]TestResult, error) {
	var probs problems
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		probs.add(Problem{File: dir, Msg: "read rule directory: " + unwrapPathError(err)})
		return nil, probs.err()
	}
	var files []namedFile
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), testExt) {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs.add(Problem{File: name, Msg: "read rule test: " + unwrapPathError(err)})
			continue
		}
		files = append(files, namedFile{name, data})
	}
	return runTestFiles(s, files, probs)
}

// RunTestPaths is RunTests for files on disk: each path is a directory,
// whose *.test.yaml files are read, or a test file.
func RunTestPaths(s *Set, paths ...string) ([]TestResult, error) {
	files, probs := readPaths(paths, "rule test", func(name string, given bool) (bool, string) {
		switch {
		case strings.HasSuffix(name, testExt):
			return true, ""
		case given:
			return false, "not a rule test file: rule test files end in .test.yaml"
		}
		return false, ""
	})
	return runTestFiles(s, files, probs)
}

// A testCase is one decoded case of a test file.
type testCase struct {
	name     string
	line     int
	fire     bool
	todo     string // reason; "" when not todo
	isTodo   bool
	params   map[string]any
	message  *string
	evidence []string
	hasEvid  bool
	claims   []*claims.Claim
}

func runTestFiles(s *Set, files []namedFile, probs problems) ([]TestResult, error) {
	var results []TestResult
	tested := map[string]bool{}
	for _, nf := range files {
		id := strings.TrimSuffix(path.Base(filepath.ToSlash(nf.name)), testExt)
		r := s.Rule(id)
		if r == nil {
			probs.add(Problem{File: nf.name, Msg: fmt.Sprintf("test file for rule %q, which is not loaded", id)})
			continue
		}
		tested[id] = true
		f := newYAMLFile(nf.name, nf.data, &probs)
		cases, ok := decodeTests(f, r, nf.data)
		if !ok {
			continue
		}
		results = append(results, runCases(f, r, cases)...)
	}
	for _, r := range s.Rules() {
		if !tested[r.ID] {
			results = append(results, TestResult{Rule: r.ID, File: r.File, Status: TestFail,
				Msg: fmt.Sprintf("no test file (want %s beside it)", r.ID+testExt)})
		}
	}
	slices.SortStableFunc(results, func(a, b TestResult) int { return strings.Compare(a.Rule, b.Rule) })
	return results, probs.err()
}

// runCases runs the decoded cases of one rule.
func runCases(f *yamlFile, r *Rule, cases []*testCase) []TestResult {
	var results []TestResult
	var fires, quiet int
	for _, c := range cases {
		res := TestResult{Rule: r.ID, Case: c.name, File: f.name, Line: c.line}
		if c.isTodo {
			res.Status, res.Msg = TestSkip, "todo"
			if c.todo != "" {
				res.Msg = "todo: " + c.todo
			}
			results = append(results, res)
			continue
		}
		if c.fire {
			fires++
		} else {
			quiet++
		}
		if msg := runCase(r, c); msg != "" {
			res.Status, res.Msg = TestFail, msg
		}
		results = append(results, res)
	}
	if fires == 0 || quiet == 0 {
		want := "no case that must fire (fire: true)"
		if fires > 0 {
			want = "no case that must not fire (fire: false)"
		}
		results = append(results, TestResult{Rule: r.ID, File: f.name, Line: 1, Status: TestFail, Msg: want})
	}
	return results
}

// caseFindings runs rule r, with the case's params, on the case's claims.
func caseFindings(r *Rule, c *testCase) ([]*claims.Finding, error) {
	rc := *r
	rc.params = maps.Clone(r.params)
	for name, v := range c.params {
		val, err := paramValue(r.paramTypes[name], v)
		if err != nil {
			return nil, fmt.Errorf("param %s: %v", name, err)
		}
		rc.params[name] = val
	}
	findings, err := NewSet(&rc).Evaluate(claims.GroupClaims(c.claims))
	if err != nil {
		return nil, fmt.Errorf("rule failed: %w", err)
	}
	return findings, nil
}

// runCase runs one case and returns why it failed, or "".
func runCase(r *Rule, c *testCase) string {
	findings, err := caseFindings(r, c)
	if err != nil {
		return err.Error()
	}
	var msgs, ids []string
	for _, f := range findings {
		msgs = append(msgs, strconv.Quote(f.Message))
		for _, cl := range f.Claims {
			ids = append(ids, cl.ID)
		}
	}
	switch {
	case c.fire && len(findings) == 0:
		return "want a finding, got none"
	case !c.fire && len(findings) > 0:
		return "want no finding, got " + strings.Join(msgs, ", ")
	}
	if c.message != nil && !slices.Contains(msgs, strconv.Quote(*c.message)) {
		return fmt.Sprintf("want message %q, got %s", *c.message, strings.Join(msgs, ", "))
	}
	if c.hasEvid && !slices.Equal(ids, c.evidence) {
		return fmt.Sprintf("want evidence [%s], got [%s]", strings.Join(c.evidence, ", "), strings.Join(ids, ", "))
	}
	return ""
}

// An Example is one case of a rule's test file, run, as `factcheck
// explain` shows it.
type Example struct {
	// Name is the case's name; Line its line in the test file.
	Name string
	Line int
	// Fire says whether the rule must fire on the case.
	Fire bool
	// Todo is set, to the reason or "todo", for a case not run.
	Todo string
	// Params are the case's parameter overrides.
	Params map[string]any
	// Claims are the case's claims.
	Claims []*claims.Claim
	// Findings are what the rule reports on the claims; Err says why it
	// could not run.
	Findings []*claims.Finding
	Err      error
}

// Examples decodes the test file data, named name, of rule r and runs its
// cases with r as it is (its current params, then each case's). The error
// is a *LoadError when the file does not decode.
func Examples(r *Rule, name string, data []byte) ([]Example, error) {
	var probs problems
	f := newYAMLFile(name, data, &probs)
	cases, ok := decodeTests(f, r, data)
	if !ok {
		return nil, probs.err()
	}
	out := make([]Example, 0, len(cases))
	for _, c := range cases {
		ex := Example{Name: c.name, Line: c.line, Fire: c.fire, Params: c.params, Claims: c.claims}
		if c.isTodo {
			ex.Todo = cmp.Or(c.todo, "todo")
		} else {
			ex.Findings, ex.Err = caseFindings(r, c)
		}
		out = append(out, ex)
	}
	return out, nil
}

var (
	testFileKeys = []string{"cases"}
	caseKeys     = []string{"name", "fire", "todo", "story", "slot", "subject", "kind", "unit", "params", "message", "evidence", "claims"}
	claimKeys    = []string{"id", "source", "story", "slot", "subject", "kind", "unit", "value", "lo", "hi", "lo_open", "hi_open",
		"approx", "tol", "vague", "date", "text", "quote", "sentence", "qualifier", "attribution", "published", "as_of", "offset", "superseded",
		"frame"}
	frameKeys = []string{"dimension", "unit", "currency", "per", "basis", "counts", "owner", "role", "part_of", "event", "place", "time"}
)

// decodeTests decodes a test file for rule r.
func decodeTests(f *yamlFile, r *Rule, data []byte) ([]*testCase, bool) {
	before := len(*f.probs)
	root := f.parse(data)
	if root == nil {
		return nil, false
	}
	if root.Kind != yaml.MappingNode {
		f.errorf(root, "a rule test file is a mapping with the key \"cases\"")
		return nil, false
	}
	var cases []*testCase
	f.fields(root, testFileKeys, func(key string, k, v *yaml.Node) {
		if v.Kind != yaml.SequenceNode {
			f.errorf(v, "cases must be a list")
			return
		}
		for _, n := range v.Content {
			if c := f.testCase(yamlfile.Resolve(n), r); c != nil {
				cases = append(cases, c)
			}
		}
	})
	return cases, len(*f.probs) == before
}

// testCase decodes one case.
func (f *yamlFile) testCase(n *yaml.Node, r *Rule) *testCase {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "a case must be a mapping (name, fire, claims …)")
		return nil
	}
	c := &testCase{line: n.Line, params: map[string]any{}}
	var fireNode, claimsNode *yaml.Node
	def := claimDefaults{slot: "test"}
	if len(r.When.Slots) > 0 {
		def.slot = r.When.Slots[0]
	}
	if len(r.When.Kinds) > 0 {
		def.kind = r.When.Kinds[0]
	}
	if len(r.When.Units) > 0 {
		def.unit = r.When.Units[0]
	}
	f.fields(n, caseKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			c.name = f.str(v, key)
		case "fire":
			fireNode = v
			c.fire = f.boolean(v, key)
		case "todo":
			c.isTodo = true
			if v.Tag == "!!bool" {
				c.isTodo = f.boolean(v, key)
			} else {
				c.todo = f.str(v, key)
			}
		case "story":
			def.story = f.str(v, key)
		case "slot":
			def.slot = f.str(v, key)
		case "subject":
			def.subject = f.str(v, key)
		case "kind":
			def.kind = f.kind(v)
		case "unit":
			def.unit = f.str(v, key)
		case "params":
			if v.Kind != yaml.MappingNode {
				f.errorf(v, "params must be a mapping of names to values")
				return
			}
			for i := 0; i+1 < len(v.Content); i += 2 {
				pk, pv := v.Content[i], yamlfile.Resolve(v.Content[i+1])
				t, ok := r.paramTypes[pk.Value]
				if !ok {
					f.errorf(pk, "rule %s has no param %q", r.ID, pk.Value)
					continue
				}
				var x any
				if pv.Kind != yaml.ScalarNode || pv.Decode(&x) != nil {
					f.errorf(pv, "param %s: want a value", pk.Value)
					continue
				}
				if _, err := paramValue(t, x); err != nil {
					f.errorf(pv, "param %s: %v", pk.Value, err)
					continue
				}
				c.params[pk.Value] = x
			}
		case "message":
			m := f.str(v, key)
			c.message = &m
		case "evidence":
			c.evidence, c.hasEvid = f.strList(v, key), true
		case "claims":
			claimsNode = v
		}
	})
	if c.name == "" {
		f.errorf(n, "a case needs a name")
	}
	if c.isTodo {
		return c
	}
	if fireNode == nil {
		f.errorf(n, "case %q needs fire: true or fire: false (or todo: true)", c.name)
	}
	if claimsNode == nil {
		f.errorf(n, "case %q needs claims", c.name)
		return c
	}
	if claimsNode.Kind != yaml.SequenceNode {
		f.errorf(claimsNode, "claims must be a list")
		return c
	}
	for i, cn := range claimsNode.Content {
		if cl := f.testClaim(yamlfile.Resolve(cn), i, def); cl != nil {
			c.claims = append(c.claims, cl)
		}
	}
	return c
}

// claimDefaults are a case's defaults for its claims.
type claimDefaults struct {
	story, slot, subject, kind, unit string
}

// testClaim decodes one literal claim, the i'th of its case.
func (f *yamlFile) testClaim(n *yaml.Node, i int, def claimDefaults) *claims.Claim {
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "a claim must be a mapping (source, value …)")
		return nil
	}
	c := &claims.Claim{
		ID: fmt.Sprintf("c%d", i+1), Story: def.story, Slot: def.slot, Subject: def.subject, Unit: def.unit,
		Offset: i, Span: claims.Span{Start: i, End: i, Line: i + 1, Col: 1},
	}
	kind := def.kind
	var valueNode, loNode, hiNode, dateNode, textNode, tolNode, approxNode *yaml.Node
	var loOpen, hiOpen, vague bool
	var loOpenSet, hiOpenSet, vagueSet bool
	f.fields(n, claimKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			c.ID = f.str(v, key)
		case "source":
			c.Source = f.str(v, key)
		case "story":
			c.Story = f.str(v, key)
		case "slot":
			c.Slot = f.str(v, key)
		case "subject":
			c.Subject = f.str(v, key)
		case "kind":
			kind = f.kind(v)
		case "unit":
			c.Unit = f.str(v, key)
		case "value":
			valueNode = v
		case "lo":
			loNode = v
		case "hi":
			hiNode = v
		case "lo_open":
			loOpen, loOpenSet = f.boolean(v, key), true
		case "hi_open":
			hiOpen, hiOpenSet = f.boolean(v, key), true
		case "approx":
			approxNode = v
		case "tol":
			tolNode = v
		case "vague":
			vague, vagueSet = f.boolean(v, key), true
		case "date":
			dateNode = v
		case "text":
			textNode = v
		case "quote":
			c.Text = f.str(v, key)
		case "sentence":
			c.Sentence = f.str(v, key)
		case "qualifier":
			c.Qualifier = f.str(v, key)
		case "attribution":
			c.Attribution = f.str(v, key)
		case "published":
			c.Published = f.str(v, key)
		case "as_of":
			c.AsOf = f.str(v, key)
		case "offset":
			c.Offset = int(f.number(v, key))
			c.Span.Start, c.Span.End = c.Offset, c.Offset
		case "superseded":
			c.Superseded = f.boolean(v, key)
		case "frame":
			c.Frame = f.frame(v)
		}
	})
	if c.Source == "" {
		f.errorf(n, "a claim needs a source")
	}
	set := 0
	for _, x := range []*yaml.Node{valueNode, dateNode, textNode} {
		if x != nil {
			set++
		}
	}
	if loNode != nil || hiNode != nil {
		set++
	}
	if set != 1 {
		f.errorf(n, "a claim needs exactly one of value, lo/hi, date or text")
		return nil
	}
	v := claims.Value{Lo: math.Inf(-1), Hi: math.Inf(1)}
	switch {
	case valueNode != nil:
		var err error
		if v, err = ParseValue(f.str(valueNode, "value")); err != nil {
			f.errorf(valueNode, "%v", err)
			return nil
		}
	case dateNode != nil:
		var err error
		if v, err = DateValue(f.str(dateNode, "date")); err != nil {
			f.errorf(dateNode, "%v", err)
			return nil
		}
		if kind == "" {
			kind = string(claims.KindDate)
		}
	case textNode != nil:
		v.Text = f.str(textNode, "text")
		if kind == "" {
			kind = string(claims.KindText)
		}
	default:
		if loNode != nil {
			v.Lo = f.number(loNode, "lo")
		}
		if hiNode != nil {
			v.Hi = f.number(hiNode, "hi")
		}
	}
	if loOpenSet {
		v.LoOpen = loOpen
	}
	if hiOpenSet {
		v.HiOpen = hiOpen
	}
	if vagueSet {
		v.Vague = vague
	}
	if approxNode != nil {
		v.Approx = f.boolean(approxNode, "approx")
		switch {
		case v.Approx && dateNode != nil && v.Bounded():
			// An approximate date is a day either way, as a day worked
			// out from a weekday is; a tolerance of the day number
			// would be years.
			v.Lo--
			v.Hi++
		case v.Approx && v.Tol == 0:
			v.Tol = DefaultApproxTol
		}
	}
	if tolNode != nil {
		v.Tol = f.number(tolNode, "tol")
	}
	if kind == "" {
		kind = string(claims.KindCount)
	}
	c.Kind, c.Value = claims.Kind(kind), v
	return c
}

// frame decodes a claim's frame: a mapping of claims.Frame's parts by
// their JSON names (dimension, unit, currency, per, basis, counts, owner,
// role, part_of, event, place, time).
func (f *yamlFile) frame(n *yaml.Node) claims.Frame {
	var fr claims.Frame
	if n.Kind != yaml.MappingNode {
		f.errorf(n, "frame must be a mapping (%s)", strings.Join(frameKeys, ", "))
		return fr
	}
	parts := map[string]*string{
		"dimension": &fr.Dimension, "unit": &fr.Unit, "currency": &fr.Currency, "per": &fr.Per, "basis": &fr.Basis,
		"counts": &fr.Counts, "owner": &fr.Owner, "role": &fr.Role, "part_of": &fr.PartOf, "event": &fr.Event,
		"place": &fr.Place, "time": &fr.Time,
	}
	f.fields(n, frameKeys, func(key string, _, v *yaml.Node) {
		*parts[key] = f.str(v, "frame."+key)
	})
	return fr
}

func (f *yamlFile) boolean(n *yaml.Node, key string) bool {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
		f.errorf(n, "%s must be true or false", key)
	}
	return b
}

func (f *yamlFile) number(n *yaml.Node, key string) float64 {
	var x float64
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&x) != nil {
		f.errorf(n, "%s must be a number", key)
	}
	return x
}

func (f *yamlFile) kind(n *yaml.Node) string {
	k := f.str(n, "kind")
	if !slices.Contains(kinds, k) {
		f.errorf(n, "unknown kind %q (want one of %s)", k, strings.Join(kinds, ", "))
	}
	return k
}
