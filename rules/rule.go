package rules

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/factcheck/factcheck/claims"
)

// A Rule is one loaded, compiled rule.
type Rule struct {
	// ID is the rule's stable id: its file's base name without ".yaml".
	ID string
	// File names the file the rule was loaded from.
	File string
	// Title is a one-line summary; Description the rule's documentation.
	Title, Description string
	// Severity is the severity of the rule's findings.
	Severity claims.Severity
	// Since is the version the rule first appeared in, if given.
	Since string
	// When limits the groups the rule looks at.
	When Filter
	// Condition, Evidence and MessageExpression are the rule's CEL
	// expressions (Evidence and MessageExpression may be empty); Message is
	// its static message.
	Condition, Evidence, Message, MessageExpression string

	params     map[string]ref.Val // current values, by name
	paramTypes map[string]*cel.Type
	cond       *program
	evid       *program
	msg        *program
}

// A Filter limits a rule to groups of the listed slots, kinds and units,
// and to groups with claims of at least MinSources sources. An empty list
// or a MinSources of 0 places no limit.
type Filter struct {
	Slots, Kinds, Units []string
	MinSources          int
}

// Match reports whether the filter admits group g.
func (f Filter) Match(g *claims.Group) bool {
	in := func(list []string, s string) bool { return len(list) == 0 || slices.Contains(list, s) }
	return in(f.Slots, g.Slot) && in(f.Kinds, string(g.Kind)) && in(f.Units, g.Unit) && hasSources(g.Claims, f.MinSources)
}

// hasSources reports whether cs hold claims of at least n sources.
func hasSources(cs []*claims.Claim, n int) bool {
	if n <= 1 {
		return n <= 0 || len(cs) > 0
	}
	var seen []string
	for _, c := range cs {
		if !slices.Contains(seen, c.Source) {
			if seen = append(seen, c.Source); len(seen) >= n {
				return true
			}
		}
	}
	return false
}

// program is a compiled expression.
type program struct {
	src string
	env *cel.Env // the environment it was checked in
	ast *cel.Ast
	prg cel.Program
}

// Params returns the rule's parameters and their current values (float64,
// int64, string or bool).
func (r *Rule) Params() map[string]any {
	out := make(map[string]any, len(r.params))
	for k, v := range r.params {
		out[k] = v.Value()
	}
	return out
}

// DefaultCostLimit is the cost limit each evaluation of a rule's
// expression starts with; see (*Set).SetCostLimit. A loop over 10,000
// claims that calls a few functions per claim costs about a hundred
// thousand; a loop over all pairs of them a hundred million.
const DefaultCostLimit = 10_000_000

// A Set is a collection of rules, at most one per id. The zero value is
// an empty set ready to use. A Set is safe for concurrent Evaluate calls,
// but not while SetParam or SetCostLimit run.
type Set struct {
	rules    map[string]*Rule
	warnings []claims.Warning
}

// Warnings returns what loading the set found worth telling the user but
// not an error: a path that gave no rule. Add keeps the warnings of the
// set added.
func (s *Set) Warnings() []claims.Warning { return s.warnings }

// NewSet returns a set of the given rules; a later rule replaces an
// earlier one with the same id.
func NewSet(rules ...*Rule) *Set {
	s := &Set{}
	for _, r := range rules {
		s.put(r)
	}
	return s
}

func (s *Set) put(r *Rule) {
	if s.rules == nil {
		s.rules = map[string]*Rule{}
	}
	s.rules[r.ID] = r
}

// Add adds the rules of other to s. A rule of other replaces the rule of s
// with the same id, which is how a user's rule overrides a built-in one:
// load the built-in pack first, then Add the user's rules. Add returns the
// ids of the rules it replaced, sorted.
func (s *Set) Add(other *Set) (replaced []string) {
	if other == nil {
		return nil
	}
	s.warnings = append(s.warnings, other.warnings...)
	for _, id := range slices.Sorted(maps.Keys(other.rules)) {
		if _, ok := s.rules[id]; ok {
			replaced = append(replaced, id)
		}
		s.put(other.rules[id])
	}
	return replaced
}

// Remove drops the rule with the given id and reports whether there was one.
func (s *Set) Remove(id string) bool {
	_, ok := s.rules[id]
	delete(s.rules, id)
	return ok
}

// Rules returns the rules of s sorted by id.
func (s *Set) Rules() []*Rule {
	out := make([]*Rule, 0, len(s.rules))
	for _, id := range slices.Sorted(maps.Keys(s.rules)) {
		out = append(out, s.rules[id])
	}
	return out
}

// Rule returns the rule with the given id, or nil.
func (s *Set) Rule(id string) *Rule { return s.rules[id] }

// SetParam sets parameter name of rule ruleID to v, which must suit the
// type of the parameter's default: a double takes any Go number, an int an
// integer (or a whole float64), a string a string, a bool a bool.
func (s *Set) SetParam(ruleID, name string, v any) error {
	r := s.rules[ruleID]
	if r == nil {
		return fmt.Errorf("set param %s.%s: no rule %q", ruleID, name, ruleID)
	}
	t, ok := r.paramTypes[name]
	if !ok {
		names := slices.Sorted(maps.Keys(r.paramTypes))
		if len(names) == 0 {
			return fmt.Errorf("set param %s.%s: rule %s has no params", ruleID, name, ruleID)
		}
		return fmt.Errorf("set param %s.%s: rule %s has no param %q (it has %s)", ruleID, name, ruleID, name, strings.Join(names, ", "))
	}
	val, err := paramValue(t, v)
	if err != nil {
		return fmt.Errorf("set param %s.%s: %w", ruleID, name, err)
	}
	r.params[name] = val
	return nil
}

// paramValue converts v to a CEL value of type t.
func paramValue(t *cel.Type, v any) (ref.Val, error) {
	var f float64
	isNum := true
	switch x := v.(type) {
	case int:
		f = float64(x)
	case int32:
		f = float64(x)
	case int64:
		f = float64(x)
	case uint:
		f = float64(x)
	case uint32:
		f = float64(x)
	case uint64:
		f = float64(x)
	case float32:
		f = float64(x)
	case float64:
		f = x
	default:
		isNum = false
	}
	switch {
	case t == cel.DoubleType && isNum:
		return types.Double(f), nil
	case t == cel.IntType && isNum && f == math.Trunc(f) && math.Abs(f) < 1<<53:
		return types.Int(int64(f)), nil
	case t == cel.StringType:
		if s, ok := v.(string); ok {
			return types.String(s), nil
		}
	case t == cel.BoolType:
		if b, ok := v.(bool); ok {
			return types.Bool(b), nil
		}
	}
	return nil, fmt.Errorf("want %s, got %v (%T)", typeName(t), v, v)
}

func typeName(t *cel.Type) string {
	switch t {
	case cel.DoubleType:
		return "a number"
	case cel.IntType:
		return "an integer"
	case cel.StringType:
		return "a string"
	case cel.BoolType:
		return "a bool"
	}
	return t.String()
}

// SetCostLimit sets the cost limit of every evaluation of the expressions
// of the rules of s (0 restores DefaultCostLimit). It recompiles the
// programs of s's rules, which other sets holding the same rules share.
func (s *Set) SetCostLimit(limit uint64) error {
	if limit == 0 {
		limit = DefaultCostLimit
	}
	for _, id := range slices.Sorted(maps.Keys(s.rules)) {
		r := s.rules[id]
		for _, p := range []*program{r.cond, r.evid, r.msg} {
			if p == nil {
				continue
			}
			prg, err := newProgram(p.env, p.ast, limit)
			if err != nil {
				return fmt.Errorf("rule %s: %w", id, err)
			}
			p.prg = prg
		}
	}
	return nil
}

// newProgram makes an evaluable program of a checked expression.
func newProgram(env *cel.Env, ast *cel.Ast, limit uint64) (cel.Program, error) {
	return env.Program(ast,
		cel.CostTracking(listCost{}),
		cel.CostLimit(limit),
		cel.EvalOptions(cel.OptOptimize))
}
