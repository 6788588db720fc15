package rules

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"cel.dev/cel-go/common/types/ref"

	"github.com/factcheck/factcheck/claims"
)

// claim returns a test claim.
func claim(id, source string, v claims.Value) *claims.Claim {
	return &claims.Claim{ID: id, Source: source, Slot: "death_toll", Subject: "attack", Kind: claims.KindCount, Value: v}
}

func exact(x float64) claims.Value { return claims.Exact(x) }

func group(cs ...*claims.Claim) *claims.Group {
	gs := claims.GroupClaims(cs)
	if len(gs) != 1 {
		panic(fmt.Sprintf("%d groups", len(gs)))
	}
	return gs[0]
}

// evalExpr compiles expr in the rule environment and evaluates it on g.
func evalExpr(t testing.TB, expr string, g *claims.Group) ref.Val {
	t.Helper()
	env, err := celEnv()
	if err != nil {
		t.Fatal(err)
	}
	ast, iss := env.env.Compile(expr)
	if iss.Err() != nil {
		t.Fatalf("compile %s: %v", expr, iss.Err())
	}
	prg, err := newProgram(env.env, ast, DefaultCostLimit)
	if err != nil {
		t.Fatal(err)
	}
	out, err := eval(&program{prg: prg}, &activation{g: env.newGroupData(g, len(g.Sources()))})
	if err != nil {
		t.Fatalf("eval %s: %v", expr, err)
	}
	return out
}

func loadBuiltin(t testing.TB) *Set {
	t.Helper()
	s, err := LoadFS(os.DirFS(".."), "rules.d")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRunTimeErrorIsolated(t *testing.T) {
	dir := writeRules(t, map[string]string{
		// Divides by zero on groups of exactly two claims.
		"boom.yaml": "title: t\nseverity: warning\nmessage: boom\ncondition: 10 / (size(claims) - 2) > 1\n",
	})
	s, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Add(loadBuiltin(t))
	two := []*claims.Claim{claim("c1", "a", exact(59)), claim("c2", "b", exact(95))}
	three := []*claims.Claim{claim("c3", "a", exact(6)), claim("c4", "b", exact(8)), claim("c5", "c", exact(7))}
	for _, c := range three {
		c.Slot = "veto_count"
	}
	findings, err := s.Evaluate(claims.GroupClaims(append(two, three...)))
	var ee *EvalError
	if !errors.As(err, &ee) {
		t.Fatalf("err = %v, want an *EvalError", err)
	}
	if len(ee.Failures) != 1 || ee.Failures[0].Rule != "boom" || ee.Failures[0].Key.Slot != "death_toll" {
		t.Fatalf("failures = %v", ee.Failures)
	}
	if msg := err.Error(); !strings.Contains(msg, "rule boom failed on death_toll (attack): condition: division by zero") {
		t.Errorf("error = %q", msg)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Rule+" "+f.Slot)
	}
	want := []string{"boom veto_count", "conflict death_toll", "conflict veto_count"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("findings = %v, want %v", got, want)
	}
}

func TestCostLimit(t *testing.T) {
	dir := writeRules(t, map[string]string{
		"pairs.yaml": "title: t\nseverity: warning\nmessage: m\ncondition: claims.all(a, claims.all(b, overlaps(a, b) || true))\n",
		"calls.yaml": "title: t\nseverity: warning\nmessage: m\ncondition: claims.exists(c, size(conflicting(claims)) < 0)\n",
		"cheap.yaml": "title: t\nseverity: info\nmessage: m\ncondition: has_conflict(claims)\n",
	})
	s, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetCostLimit(100_000); err != nil {
		t.Fatal(err)
	}
	var cs []*claims.Claim
	for i := range 500 {
		cs = append(cs, claim(fmt.Sprint("c", i), fmt.Sprint("s", i%7), exact(float64(i))))
	}
	findings, err := s.Evaluate([]*claims.Group{group(cs...)})
	var ee *EvalError
	if !errors.As(err, &ee) || len(ee.Failures) != 2 {
		t.Fatalf("err = %v, want two failures", err)
	}
	for i, id := range []string{"calls", "pairs"} {
		f := ee.Failures[i]
		if f.Rule != id || !strings.Contains(f.Error(), "rule "+id+" failed") || !strings.Contains(f.Error(), "cost limit exceeded") {
			t.Errorf("failure %d = %v", i, f)
		}
	}
	if len(findings) != 1 || findings[0].Rule != "cheap" {
		t.Errorf("findings = %v", findings)
	}
}

func TestEvidenceAndMessageFallback(t *testing.T) {
	dir := writeRules(t, map[string]string{
		"ev.yaml":  "title: t\nseverity: warning\nmessage: static\nmessageExpression: claims[5].source\ncondition: true\nevidence: claims.filter(c, c.source == 'b') + [claims[0], claims[0]]\n",
		"bad.yaml": "title: t\nseverity: warning\nmessage: m\ncondition: true\nevidence: '[factcheck.Claim{lo: 1.0, hi: 1.0}]'\n",
		"off.yaml": "title: off\nseverity: info\nwhen:\n  slots: [other]\nmessage: m\ncondition: true\n",
	})
	s, err := LoadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	g := group(claim("c1", "a", exact(1)), claim("c2", "b", exact(2)), claim("c3", "b", exact(3)))
	findings, err := s.Evaluate([]*claims.Group{g})
	var ee *EvalError
	if !errors.As(err, &ee) || len(ee.Failures) != 1 || ee.Failures[0].Rule != "bad" ||
		!strings.Contains(ee.Failures[0].Err.Error(), "is not one of the group's claims") {
		t.Fatalf("err = %v", err)
	}
	if len(findings) != 1 {
		t.Fatalf("findings = %v", findings)
	}
	f := findings[0]
	var ids []string
	for _, c := range f.Claims {
		ids = append(ids, c.ID)
	}
	if f.Message != "static" || strings.Join(ids, ",") != "c1,c2,c3" || f.Severity != claims.SeverityWarning {
		t.Errorf("finding = %+v, evidence %v", f, ids)
	}
}

func TestFindingOrder(t *testing.T) {
	s := loadBuiltin(t)
	var cs []*claims.Claim
	for _, subj := range []string{"z", "b", "a"} {
		for i, src := range []string{"y.txt", "x.txt"} {
			c := claim(subj+src, src, exact(float64(10+50*i)))
			c.Subject = subj
			cs = append(cs, c)
		}
	}
	findings, err := s.Evaluate(claims.GroupClaims(cs))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Subject+":"+f.Claims[0].Source)
	}
	if strings.Join(got, " ") != "a:y.txt b:y.txt z:y.txt" {
		t.Errorf("order = %v", got)
	}
	if findings[0].Message != "the death toll of a: 10 (y.txt) vs 60 (x.txt)" {
		t.Errorf("message = %q", findings[0].Message)
	}
}

func TestFunctions(t *testing.T) {
	g := group(
		&claims.Claim{ID: "c1", Source: "a", Slot: "s", Kind: claims.KindCount, Value: claims.Value{Lo: 24, Hi: 144, Vague: true}, Text: "dozens"},
		&claims.Claim{ID: "c2", Source: "b", Slot: "s", Kind: claims.KindCount, Value: claims.Value{Lo: 80, Hi: math.Inf(1), LoOpen: true}},
		&claims.Claim{ID: "c3", Source: "c", Slot: "s", Kind: claims.KindCount, Value: claims.Value{Lo: 87, Hi: math.Inf(1)}},
		&claims.Claim{ID: "c4", Source: "c", Slot: "s", Kind: claims.KindCount, Value: claims.Exact(20), Superseded: true},
		&claims.Claim{ID: "c5", Source: "d", Slot: "s", Kind: claims.KindCount, Value: claims.Value{Lo: 60, Hi: 60, Approx: true, Tol: 0.05}},
	)
	for _, tc := range []struct{ expr, want string }{
		{`overlaps(claims[0], claims[1])`, "true"},
		{`overlaps(claims[3], claims[2])`, "false"},
		{`within(claims[1], claims[2], 0.05)`, "false"},
		{`within(claims[1], claims[2], 0.1)`, "true"},
		{`has_conflict(claims)`, "true"},
		{`conflicting(claims).map(c, c.id)`, "[c2, c3, c5]"},
		{`conflicts(claims).map(p, p[0].id + "-" + p[1].id)`, "[c2-c5, c3-c5]"},
		{`has_conflict(claims.filter(c, c.id != "c5"))`, "false"},
		{`sources(claims)`, "4"},
		{`unique_values(claims).size()`, "4"},
		{`show(consensus(claims.filter(c, c.id != "c5")))`, "between 87 and 144"},
		{`consensus(claims).count`, "3"},
		{`consensus(claims).total`, "4"},
		{`consensus(claims).claims.map(c, c.id)`, "[c1, c2, c3]"},
		{`claims.map(c, show(c))`, "[between 24 and 144 (vague), more than 80, at least 87, 20, about 60]"},
		{`group.about`, "the s"},
		{`string(spread(claims.filter(c, c.id != "c5")))`, fmt.Sprint((87.0 - 80) / 87)},
		{`claims[0].quote + " " + string(claims[0].has_hi) + " " + string(claims[1].has_hi) + " " + string(claims[1].hi)`, "dozens true false +Inf"},
		{`group.claims.size() == claims.size() && group.slot == "s"`, "true"},
		{`conflicting(group.claims).size()`, "3"},
		{`math.greatest(claims.map(c, c.mid))`, "87"},
		{`claims.sortBy(c, -c.mid)[0].id`, "c3"},
	} {
		if got := fmt.Sprint(evalExpr(t, tc.expr, g)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.expr, got, tc.want)
		}
	}
}

func TestTextConsensusAndConflicts(t *testing.T) {
	var cs []*claims.Claim
	for i, x := range []struct{ src, text string }{{"a", "China"}, {"b", "Russia"}, {"c", "China"}, {"a", "Bolivia"}} {
		cs = append(cs, &claims.Claim{ID: fmt.Sprint("c", i+1), Source: x.src, Slot: "abstained", Kind: claims.KindText, Value: claims.Value{Lo: math.Inf(-1), Hi: math.Inf(1), Text: x.text}})
	}
	g := group(cs...)
	for _, tc := range []struct{ expr, want string }{
		{`consensus(claims).text + " " + string(consensus(claims).count)`, "China 2"},
		{`conflicts(claims).map(p, p[0].id + "-" + p[1].id)`, "[c1-c2, c2-c3, c3-c4]"},
		{`conflicting(claims).map(c, c.id)`, "[c1, c2, c3, c4]"},
	} {
		if got := fmt.Sprint(evalExpr(t, tc.expr, g)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.expr, got, tc.want)
		}
	}
}

// TestMinAlarmConfidence checks that a group the grouping is not sure
// enough of gives no warning or error: its conflict becomes info and says
// why, while a sure group's conflict stays an error, and info findings
// are left as they are.
func TestMinAlarmConfidence(t *testing.T) {
	s := loadBuiltin(t)
	sure := group(claim("c1", "a.txt", exact(58)), claim("c2", "b.txt", exact(95)))
	sure.Confidence = 0.9
	unsure := group(claim("c3", "a.txt", exact(10)), claim("c4", "b.txt", exact(20)))
	unsure.Subject = "other"
	unsure.Confidence = 0.41
	// Agreeing with different precision: an info finding either way.
	vague := group(claim("c5", "a.txt", claims.Value{Lo: 24, Hi: 144, Vague: true}), claim("c6", "b.txt", exact(87)))
	vague.Subject = "vague"
	vague.Confidence = 0.2
	groups := []*claims.Group{sure, unsure, vague}
	for _, tt := range []struct {
		name string
		opts []EvalOption
		want map[string]claims.Severity // by subject: the conflict's or precision's severity
	}{
		{"no option", nil, map[string]claims.Severity{"attack": claims.SeverityError, "other": claims.SeverityError, "vague": claims.SeverityInfo}},
		{"threshold 0.6", []EvalOption{MinAlarmConfidence(0.6)}, map[string]claims.Severity{"attack": claims.SeverityError, "other": claims.SeverityInfo, "vague": claims.SeverityInfo}},
		{"threshold 0.95", []EvalOption{MinAlarmConfidence(0.95)}, map[string]claims.Severity{"attack": claims.SeverityInfo, "other": claims.SeverityInfo, "vague": claims.SeverityInfo}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := s.Evaluate(groups, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]claims.Severity{}
			for _, f := range fs {
				if f.Rule != "conflict" && f.Rule != "precision" {
					continue
				}
				got[f.Subject] = f.Severity
				demoted := strings.Contains(f.Message, "(info only: the grouping's confidence that these claims state one fact")
				if f.Rule == "conflict" && demoted != (f.Severity == claims.SeverityInfo) {
					t.Errorf("%s: severity %s, message %q", f.Subject, f.Severity, f.Message)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("severities %v, want %v", got, tt.want)
			}
		})
	}
	fs, err := s.Evaluate([]*claims.Group{unsure}, MinAlarmConfidence(0.6))
	if err != nil || len(fs) == 0 {
		t.Fatalf("findings %v, error %v", fs, err)
	}
	if want := "(info only: the grouping's confidence that these claims state one fact, 0.41, is below the 0.60 an alarm needs)"; !strings.HasSuffix(fs[0].Message, want) {
		t.Errorf("message %q, want it to end %q", fs[0].Message, want)
	}
}

// TestGenericIsNoAlarm: a conflict is an alarm only when two claims that
// disagree, of two sources, both say what the figure is of; when one is
// generic ("$3 billion" and nothing else), it is info and says why.
func TestGenericIsNoAlarm(t *testing.T) {
	s := loadBuiltin(t)
	generic := func(c *claims.Claim) *claims.Claim { c.Frame.Generic = true; return c }
	for _, tt := range []struct {
		name string
		g    *claims.Group
		want claims.Severity
	}{
		{"both specific", group(claim("c1", "a.txt", exact(58)), claim("c2", "b.txt", exact(95))), claims.SeverityError},
		{"one generic", group(generic(claim("c1", "a.txt", exact(58))), claim("c2", "b.txt", exact(95))), claims.SeverityInfo},
		{"both generic", group(generic(claim("c1", "a.txt", exact(58))), generic(claim("c2", "b.txt", exact(95)))), claims.SeverityInfo},
		{"two specific of three", group(generic(claim("c1", "a.txt", exact(58))), claim("c2", "b.txt", exact(95)), claim("c3", "c.txt", exact(58))), claims.SeverityError},
		{"the specific ones agree", group(generic(claim("c1", "a.txt", exact(58))), claim("c2", "b.txt", exact(95)), claim("c3", "c.txt", exact(95))), claims.SeverityInfo},
	} {
		fs, err := s.Evaluate([]*claims.Group{tt.g})
		if err != nil {
			t.Fatal(err)
		}
		var conflict *claims.Finding
		for _, f := range fs {
			if f.Rule == "conflict" {
				conflict = f
			}
		}
		if conflict == nil {
			t.Errorf("%s: no conflict finding in %v", tt.name, fs)
			continue
		}
		demoted := strings.Contains(conflict.Message, "(info only: the figures that disagree do not both say what they are of")
		if conflict.Severity != tt.want || demoted != (tt.want == claims.SeverityInfo) {
			t.Errorf("%s: %s %q, want %s", tt.name, conflict.Severity, conflict.Message, tt.want)
		}
	}
}

// TestMinSources: when: min_sources admits only groups with claims of at
// least that many sources, and a rule that asks for two is not run on a
// group of one source.
func TestMinSources(t *testing.T) {
	one := group(claim("c1", "a.txt", exact(58)), claim("c2", "a.txt", exact(95)))
	two := group(claim("c3", "a.txt", exact(58)), claim("c4", "b.txt", exact(95)))
	three := group(claim("c5", "a.txt", exact(58)), claim("c6", "b.txt", exact(95)), claim("c7", "c.txt", exact(95)))
	for _, tt := range []struct {
		min  int
		want [3]bool
	}{
		{0, [3]bool{true, true, true}},
		{1, [3]bool{true, true, true}},
		{2, [3]bool{false, true, true}},
		{3, [3]bool{false, false, true}},
	} {
		f := Filter{MinSources: tt.min}
		got := [3]bool{f.Match(one), f.Match(two), f.Match(three)}
		if got != tt.want {
			t.Errorf("min_sources %d: matches %v, want %v", tt.min, got, tt.want)
		}
	}
	if (Filter{MinSources: 1}).Match(&claims.Group{}) {
		t.Error("min_sources 1 matches a group without claims")
	}
}

// TestAnyConflictIsPairwise holds anyConflict, which looks at two
// extremes, to the pairwise test it stands for, on random groups of
// intervals (open and closed ends, tolerances, unbounded sides, points
// that touch) and of texts.
func TestAnyConflictIsPairwise(t *testing.T) {
	pairwise := func(cs []*claims.Claim) bool {
		for i, x := range cs {
			for _, y := range cs[i+1:] {
				if x.Source != y.Source && !claims.Overlaps(x.Value, y.Value) {
					return true
				}
			}
		}
		return false
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 3000 {
		var cs []*claims.Claim
		for i := range 1 + r.IntN(6) {
			src := fmt.Sprintf("s%d.txt", r.IntN(3))
			var v claims.Value
			if n%5 == 0 {
				v = claims.Value{Text: []string{"for", "against", "abstain"}[r.IntN(3)]}
			} else {
				lo := float64(r.IntN(6))
				hi := lo + float64(r.IntN(3))
				v = claims.Value{Lo: lo, Hi: hi, LoOpen: r.IntN(3) == 0, HiOpen: r.IntN(3) == 0}
				if r.IntN(5) == 0 {
					v.Hi = math.Inf(1)
				}
				if r.IntN(5) == 0 {
					v.Tol = 0.1
				}
			}
			cs = append(cs, &claims.Claim{ID: fmt.Sprintf("c%d", i), Source: src, Value: v})
		}
		if got, want := anyConflict(cs), pairwise(cs); got != want {
			var vs []string
			for _, c := range cs {
				vs = append(vs, fmt.Sprintf("%s %+v", c.Source, c.Value))
			}
			t.Fatalf("anyConflict = %v, pairwise %v, on %v", got, want, vs)
		}
	}
}
