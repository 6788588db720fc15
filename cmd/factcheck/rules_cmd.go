package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/factcheck/factcheck"
	"github.com/factcheck/factcheck/claims"
	"github.com/factcheck/factcheck/rules"
	"github.com/spf13/cobra"
)

// errTestsFailed makes rules test exit 1: like findings at or above
// --fail-on, the report has been written and the run found a failure.
var errTestsFailed = fmt.Errorf("rule tests failed: %w", errFindings)

func newRulesCmd(stdout io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, check and test rules",
		Long: `rules lists the rules check runs, type-checks rule files and runs their tests.

  factcheck rules list [PATH...]   the rules, with severity, title and file
  factcheck rules lint [PATH...]   load and type-check rules only
  factcheck rules test [PATH...]   run rule tests (<id>.test.yaml)

See also factcheck explain ID [PATH...].`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("rules: unknown command %q (want list, lint or test)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("rules: no command given (want list, lint or test)")
		},
	}
	cmd.AddCommand(newRulesListCmd(stdout), newRulesLintCmd(stdout), newRulesTestCmd(stdout))
	return cmd
}

// rulesListOptions are rules list's flags and IO.
type rulesListOptions struct {
	stdout io.Writer
	load   loadFlags
	paths  []string
}

func newRulesListCmd(stdout io.Writer) *cobra.Command {
	o := &rulesListOptions{stdout: stdout}
	cmd := &cobra.Command{
		Use:   "list [flags] [PATH...]",
		Short: "List the rules check runs",
		Long: `list prints the rules check would run, sorted by id: the id, the severity
(after the configuration file's overrides; "off" for a rule it turns off),
the title and the file the rule was read from. With PATH (a rule file or a
directory of them, as lint and test take), it lists the built-in pack and
the rules in PATH instead of those the configuration file names.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	o.load.addRulesFlag(cmd.Flags())
	o.load.addConfigFlags(cmd.Flags())
	return cmd
}

// useRulePaths makes the rule paths given as a command's arguments stand
// for the configuration file's; a test file stands for its rule. The
// --rules flags still add theirs.
func (s *settings) useRulePaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	kept := s.rulePaths[:0:0]
	for _, p := range s.rulePaths {
		if strings.HasPrefix(p.from, "flag ") {
			kept = append(kept, p)
		}
	}
	s.rulePaths = nil
	for _, p := range paths {
		if rule, ok := strings.CutSuffix(p, ".test.yaml"); ok {
			p = rule + ".yaml"
		}
		s.rulePaths = append(s.rulePaths, sourcedPath{p, fromArgument})
	}
	s.rulePaths = append(s.rulePaths, kept...)
}

func (o *rulesListOptions) run() error {
	s, err := loadSettings("rules list", &o.load, "")
	if err != nil {
		return err
	}
	s.useRulePaths(o.paths)
	rs, err := s.loadRuleSets(true)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(o.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tSEVERITY\tTITLE\tFILE")
	for _, id := range rs.ids() {
		r := rs.rule(id)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, rs.severity(r), r.Title, rs.ruleFile(r))
	}
	return w.Flush()
}

// rulesLintOptions are rules lint's flags, arguments and IO.
type rulesLintOptions struct {
	stdout io.Writer
	load   loadFlags
	paths  []string
}

func newRulesLintCmd(stdout io.Writer) *cobra.Command {
	o := &rulesLintOptions{stdout: stdout}
	cmd := &cobra.Command{
		Use:   "lint [flags] [PATH...]",
		Short: "Load and type-check rules without running them",
		Long: `lint loads and type-checks the rules in each PATH (a rule file or a
directory of them) as check would, over the built-in pack, and reports
every problem as file:line:col with the line and a caret. Without PATH it
checks the built-in pack, the configuration file and the rules it names.

It exits 0 when every rule loads, 2 otherwise.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	o.load.addConfigFlags(cmd.Flags())
	return cmd
}

func (o *rulesLintOptions) run() error {
	s, err := loadSettings("rules lint", &o.load, "")
	if err != nil {
		return err
	}
	s.useRulePaths(o.paths)
	rs, err := s.loadRuleSets(len(o.paths) == 0)
	if err != nil {
		return err
	}
	checked := rs.all.Rules()
	if len(o.paths) > 0 {
		checked = nil
		for _, set := range rs.extra {
			checked = append(checked, set.Rules()...)
		}
	} else {
		for _, r := range rs.off {
			checked = append(checked, r)
		}
	}
	slices.SortFunc(checked, func(a, b *rules.Rule) int { return strings.Compare(a.File, b.File) })
	for _, r := range checked {
		note := ""
		if !rs.isBuiltin(r) && rs.builtin.Rule(r.ID) != nil {
			note = ", replaces the built-in rule"
		}
		fmt.Fprintf(o.stdout, "%s: ok (rule %s%s)\n", r.File, r.ID, note)
	}
	_, err = fmt.Fprintf(o.stdout, "%d %s, no problems\n", len(checked), plural(len(checked), "rule", "rules"))
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// rulesTestOptions are rules test's flags, arguments and IO.
type rulesTestOptions struct {
	stdout io.Writer
	load   loadFlags
	paths  []string
}

func newRulesTestCmd(stdout io.Writer) *cobra.Command {
	o := &rulesTestOptions{stdout: stdout}
	cmd := &cobra.Command{
		Use:   "test [flags] [PATH...]",
		Short: "Run rule tests",
		Long: `test loads the rules in each PATH (a rule file or a directory of them) as
check would, and runs their tests: each <id>.test.yaml beside a rule, with
cases that must fire, cases that must not, and todo cases, which are
skipped. Without PATH it tests the built-in pack and the rules the
configuration file names. Rules run with their own params (a case may set
others); the configuration's overrides do not apply.

It prints one line per case, file:line: PASS|FAIL|SKIP rule: case, and
ends with "N passed, N failed, N skipped". It exits 1 when a case fails
or a rule has no test file (or no case that must fire, or none that must
not), 2 when a rule or test file does not load.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return o.run()
		},
	}
	o.load.addConfigFlags(cmd.Flags())
	return cmd
}

func (o *rulesTestOptions) run() error {
	s, err := loadSettings("rules test", &o.load, "")
	if err != nil {
		return err
	}
	var results []rules.TestResult
	var loadErrs []error
	s.useRulePaths(o.paths)
	rs, err := s.loadRuleSets(false)
	if err != nil {
		return err
	}
	if len(o.paths) == 0 {
		res, err := rules.RunTests(rs.builtin, factcheck.BuiltinRules, "rules.d")
		results = append(results, res...)
		if err != nil {
			loadErrs = append(loadErrs, err)
		}
	}
	// The configured (or given) rules' tests: each set against its own
	// paths, so that every rule is tested beside its file.
	var i int
	for _, group := range groupPaths(s.rulePaths) {
		res, err := rules.RunTestPaths(rs.extra[i], testPaths(group)...)
		i++
		results = append(results, res...)
		if err != nil {
			loadErrs = append(loadErrs, err)
		}
	}
	if len(loadErrs) > 0 {
		// A test file that does not load: its error, not a count of the
		// cases that did.
		return errors.Join(loadErrs...)
	}
	var pass, fail, skip int
	for _, r := range results {
		switch r.Status {
		case rules.TestPass:
			pass++
		case rules.TestFail:
			fail++
		case rules.TestSkip:
			skip++
		}
		fmt.Fprintln(o.stdout, r)
	}
	fmt.Fprintf(o.stdout, "%d passed, %d failed, %d skipped\n", pass, fail, skip)
	if fail > 0 {
		return errTestsFailed
	}
	return nil
}

// testPaths maps rule paths to the test paths RunTestPaths reads: a
// directory as it is, a rule file to its test file when there is one (a
// rule without is reported as failing).
func testPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			p = strings.TrimSuffix(p, ".yaml") + ".test.yaml"
			if _, err := os.Stat(p); err != nil {
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// explainOptions are explain's flags, argument and IO.
type explainOptions struct {
	stdout io.Writer
	load   loadFlags
	id     string
	paths  []string
}

func newExplainCmd(stdout io.Writer) *cobra.Command {
	o := &explainOptions{stdout: stdout}
	cmd := &cobra.Command{
		Use:   "explain [flags] ID [PATH...]",
		Short: "Print a rule's documentation and examples",
		Long: `explain prints rule ID's title, severity, documentation, params (after the
configuration file's overrides) and the groups it looks at, then the
examples of its test file: each case's claims, whether the rule must fire,
and what it reports. With PATH (a rule file or a directory of them, as
lint and test take), ID is looked for in the built-in pack and PATH
instead of the rules the configuration file names.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 {
				return usagef("explain: want a rule ID (see factcheck rules list)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.id, o.paths = args[0], args[1:]
			return o.run()
		},
	}
	o.load.addRulesFlag(cmd.Flags())
	o.load.addConfigFlags(cmd.Flags())
	return cmd
}

func (o *explainOptions) run() error {
	s, err := loadSettings("explain", &o.load, "")
	if err != nil {
		return err
	}
	s.useRulePaths(o.paths)
	rs, err := s.loadRuleSets(true)
	if err != nil {
		return err
	}
	r := rs.rule(o.id)
	if r == nil {
		msg := fmt.Sprintf("explain: no rule %q", o.id)
		if near := closest(o.id, rs.ids()); near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		} else {
			msg += " (see factcheck rules list)"
		}
		return usagef("%s", msg)
	}
	sev := rs.severity(r)
	w := o.stdout
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Title)
	fmt.Fprintf(w, "severity  %s", sev)
	if rc := s.ruleSettingsOf(r.ID); rc != nil && rc.Severity != nil {
		fmt.Fprintf(w, " (set at %s", rc.Severity.Pos)
		if rc.Reason != "" {
			fmt.Fprintf(w, ": %s", rc.Reason)
		}
		fmt.Fprint(w, ")")
	}
	fmt.Fprintln(w)
	if r.Since != "" {
		fmt.Fprintf(w, "since     %s\n", r.Since)
	}
	fmt.Fprintf(w, "file      %s\n", rs.ruleFile(r))
	fmt.Fprintf(w, "looks at  %s\n", describeFilter(r.When))
	if params := r.Params(); len(params) > 0 {
		fmt.Fprint(w, "params   ")
		for _, name := range slices.Sorted(maps.Keys(params)) {
			fmt.Fprintf(w, " %s = %v", name, params[name])
		}
		fmt.Fprintln(w)
	}
	if d := strings.TrimSpace(r.Description); d != "" {
		fmt.Fprintf(w, "\n%s\n", indent(d, "  "))
	}
	testFile := strings.TrimSuffix(r.File, ".yaml") + ".test.yaml"
	var data []byte
	if rs.isBuiltin(r) {
		data, err = fs.ReadFile(factcheck.BuiltinRules, testFile)
	} else {
		data, err = os.ReadFile(testFile)
	}
	if err != nil {
		_, err = fmt.Fprintf(w, "\nNo examples: %s cannot be read.\n", testFile)
		return err
	}
	examples, err := rules.Examples(r, testFile, data)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nExamples (%s):\n", testFile)
	for _, ex := range examples {
		writeExample(w, ex)
	}
	return nil
}

// describeFilter says which groups a rule looks at.
func describeFilter(f rules.Filter) string {
	var parts []string
	for _, l := range []struct {
		name string
		list []string
	}{{"slots", f.Slots}, {"kinds", f.Kinds}, {"units", f.Units}} {
		if len(l.list) > 0 {
			parts = append(parts, l.name+" "+strings.Join(l.list, ", "))
		}
	}
	if len(parts) == 0 {
		return "every group"
	}
	return strings.Join(parts, "; ")
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// writeExample prints one example: its claims and what the rule reports.
func writeExample(w io.Writer, ex rules.Example) {
	fmt.Fprintln(w)
	switch {
	case ex.Todo != "":
		fmt.Fprintf(w, "  todo: %s (%s)\n", ex.Name, ex.Todo)
		return
	case ex.Fire:
		fmt.Fprintf(w, "  fires: %s\n", ex.Name)
	default:
		fmt.Fprintf(w, "  does not fire: %s\n", ex.Name)
	}
	if len(ex.Params) > 0 {
		fmt.Fprint(w, "    with")
		for _, name := range slices.Sorted(maps.Keys(ex.Params)) {
			fmt.Fprintf(w, " %s = %v", name, ex.Params[name])
		}
		fmt.Fprintln(w)
	}
	keys := map[claims.Key]bool{}
	for _, c := range ex.Claims {
		keys[claims.KeyOf(c)] = true
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range ex.Claims {
		var extra []string
		if len(keys) > 1 {
			k := c.Slot
			if c.Subject != "" {
				k += " (" + c.Subject + ")"
			}
			extra = append(extra, k)
		}
		if c.Published != "" {
			extra = append(extra, "published "+c.Published)
		}
		if c.Superseded {
			extra = append(extra, "called earlier by its text")
		}
		note := ""
		if c.Text != "" {
			note = fmt.Sprintf("%q", c.Text)
		}
		if len(extra) > 0 {
			note = strings.TrimSpace(note + " [" + strings.Join(extra, "; ") + "]")
		}
		if note == "" {
			fmt.Fprintf(tw, "    %s\t%s\n", c.Source, c.FormatValue())
		} else {
			fmt.Fprintf(tw, "    %s\t%s\t%s\n", c.Source, c.FormatValue(), note)
		}
	}
	tw.Flush()
	switch {
	case ex.Err != nil:
		fmt.Fprintf(w, "    → the rule fails: %v\n", ex.Err)
	case len(ex.Findings) == 0:
		fmt.Fprintln(w, "    → no finding")
	}
	for _, f := range ex.Findings {
		fmt.Fprintf(w, "    → %s: %s\n", f.Severity, f.Message)
	}
	if ex.Err == nil && ex.Fire != (len(ex.Findings) > 0) {
		fmt.Fprintln(w, "    (not what the test expects: the params above are not the rule's defaults)")
	}
}
