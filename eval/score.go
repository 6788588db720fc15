package eval

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// A Checker runs factcheck's check on documents and returns its claims,
// the groups it compared and its findings. Two claims are compared when
// one group holds both, as score.py reads the JSON `groups`; a checker
// that returns no groups (nil) is taken to compare claims of equal slot
// and subject.
type Checker func(docs []*claims.Document) ([]*claims.Claim, []*claims.Group, []*claims.Finding, error)

// Result holds the counts for one cluster (or a total).
type Result struct {
	Name                          string
	Half                          string         // the cluster's half, or ""
	Gold, Found                   map[string]int // by kind: number, date, other
	ToolClaims, ToolOnGold        int
	GroupTP, GroupFP, GroupFN     int
	DisTotal, DisFound            int
	FalseFlags, Unlabelled        int
	Alarms, TrueAlarms            int // findings at warning or above; those that detect a disagreement
	MutTotal, MutFound            int
	Missed                        []string // disagreements not found
	MissedMutations, MissedClaims []string
	Extra                         []string // claims on no gold quote
	FalseFlagged                  []string
}

// Options control a run.
type Options struct {
	Mutations int // mutation cases per cluster (score.py's default is 6)
	// Published gives each source the publication date its gold.yaml
	// records (an ISO date; a note leaves it out), as a feed's metadata
	// would, and as score.py does by default (without --files).
	Published bool
}

func sev(s claims.Severity) int { return int(s) }

// Score runs check on every cluster and returns per-cluster results and the
// total.
func Score(clusters []*Cluster, check Checker, opt Options) ([]*Result, *Result, error) {
	total := &Result{Name: "TOTAL", Gold: map[string]int{}, Found: map[string]int{}}
	var rows []*Result
	for _, c := range clusters {
		r, err := scoreCluster(c, check, opt)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", c.Name, err)
		}
		rows = append(rows, r)
		total.add(r)
	}
	return rows, total, nil
}

func (t *Result) add(r *Result) {
	for k, v := range r.Gold {
		t.Gold[k] += v
	}
	for k, v := range r.Found {
		t.Found[k] += v
	}
	t.ToolClaims += r.ToolClaims
	t.ToolOnGold += r.ToolOnGold
	t.GroupTP += r.GroupTP
	t.GroupFP += r.GroupFP
	t.GroupFN += r.GroupFN
	t.DisTotal += r.DisTotal
	t.DisFound += r.DisFound
	t.FalseFlags += r.FalseFlags
	t.Unlabelled += r.Unlabelled
	t.MutTotal += r.MutTotal
	t.MutFound += r.MutFound
	t.Alarms += r.Alarms
	t.TrueAlarms += r.TrueAlarms
}

// Totals adds up rows by half: "tune", "check" (when any row has a half)
// and "TOTAL", in that order.
func Totals(rows []*Result, clusters []*Cluster) []*Result {
	half := map[string]string{}
	for _, c := range clusters {
		half[c.Name] = c.Half
	}
	var out []*Result
	for _, h := range []string{Tune, Check} {
		t := &Result{Name: h, Gold: map[string]int{}, Found: map[string]int{}}
		n := 0
		for _, r := range rows {
			if half[r.Name] == h {
				t.add(r)
				n++
			}
		}
		if n > 0 {
			out = append(out, t)
		}
	}
	total := &Result{Name: "TOTAL", Gold: map[string]int{}, Found: map[string]int{}}
	for _, r := range rows {
		total.add(r)
	}
	return append(out, total)
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

func docs(c *Cluster, override map[string][]byte, opt Options) []*claims.Document {
	var out []*claims.Document
	for _, f := range c.Files {
		raw := c.Texts[f]
		if b, ok := override[f]; ok {
			raw = b
		}
		d := &claims.Document{Source: f, Raw: raw, Text: string(raw)}
		if opt.Published {
			if p := isoDate.FindString(str(c.Gold.Sources[f]["published"])); p != "" {
				d.Published = p
			}
		}
		out = append(out, d)
	}
	return out
}

func spanOf(text []byte, quote string) (int, int, bool) {
	i := bytes.Index(text, []byte(quote))
	if i < 0 {
		return 0, 0, false
	}
	return i, i + len(quote), true
}

func finite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// valueOK is score.py's value_ok: the tool's value states the gold figure.
func valueOK(g GoldClaim, t *claims.Claim) bool {
	var tn []float64
	for _, x := range []float64{t.Value.Lo, t.Value.Hi} {
		if finite(x) {
			tn = append(tn, x)
		}
	}
	switch goldKind(g) {
	case "date":
		want := str(g.Norm["value"])
		if want == "" {
			want = str(g.Norm["lo"])
		}
		parts := []string{t.Value.Date}
		for _, x := range tn {
			parts = append(parts, strconv.FormatFloat(x, 'f', -1, 64))
		}
		parts = append(parts, t.Value.Text)
		got := strings.Join(parts, " ")
		if len(want) > 10 {
			want = want[:10]
		}
		if want != "" && strings.Contains(got, want) {
			return true
		}
		if g.Norm["type"] == "year" {
			for _, a := range nums(g.Norm) {
				for _, b := range tn {
					if closeTo(a, b) {
						return true
					}
				}
			}
		}
		return false
	case "other":
		return true
	}
	if g.Norm["vague"] == true || g.Norm["derived"] != nil {
		return true
	}
	for _, a := range nums(g.Norm) {
		for _, b := range tn {
			if closeTo(a, b) {
				return true
			}
			for _, f := range []float64{60, 3600, 86400, 1000, 1e6, 1e9} {
				if closeTo(a, b*f) || closeTo(a*f, b) {
					return true
				}
			}
		}
	}
	return false
}

// A Matching pairs gold claims with the tool claims that state them.
type Matching struct {
	// G2T maps a gold claim's id to the tool claims that state it.
	G2T map[string][]*claims.Claim
	// T2G maps a tool claim to the ids of the gold claims it states.
	T2G map[*claims.Claim][]string
}

// Match matches the tool claims cs, read from the cluster's texts, to its
// gold claims as score.py does: a tool claim states a gold claim when its
// span overlaps the gold quote in the same file and its value is the gold
// value (score.py's value_ok).
func Match(c *Cluster, cs []*claims.Claim) Matching { return match(c, c.Texts, cs) }

func match(c *Cluster, texts map[string][]byte, cs []*claims.Claim) Matching {
	m := Matching{G2T: map[string][]*claims.Claim{}, T2G: map[*claims.Claim][]string{}}
	for _, g := range c.Gold.Claims {
		s, e, ok := spanOf(texts[g.File], g.Quote)
		if !ok {
			continue
		}
		for _, t := range cs {
			if filepath.Base(t.Source) != g.File || t.Span.End <= s || t.Span.Start >= e {
				continue
			}
			if valueOK(g, t) {
				m.G2T[g.ID] = append(m.G2T[g.ID], t)
				m.T2G[t] = append(m.T2G[t], g.ID)
			}
		}
	}
	return m
}

// conflictPairs are the cross-file pairs of a disagreement whose values
// cannot both hold.
func conflictPairs(d GoldGroup, gc map[string]GoldClaim) [][2]string {
	var out [][2]string
	for i, a := range d.Claims {
		for _, b := range d.Claims[i+1:] {
			ga, oka := gc[a]
			gb, okb := gc[b]
			if !oka || !okb || ga.File == gb.File {
				continue
			}
			ia, aok := interval(ga.Norm)
			ib, bok := interval(gb.Norm)
			var bad bool
			if aok && bok {
				bad = disjoint(ia, ib)
			} else {
				va, vb := ga.Norm["value"], gb.Norm["value"]
				if va == nil {
					va = ga.Value
				}
				if vb == nil {
					vb = gb.Value
				}
				bad = str(va) != str(vb)
			}
			if bad {
				out = append(out, [2]string{a, b})
			}
		}
	}
	return out
}

func scoreCluster(c *Cluster, check Checker, opt Options) (*Result, error) {
	r := &Result{Name: c.Name, Half: c.Half, Gold: map[string]int{}, Found: map[string]int{}}
	cs, groups, fs, err := check(docs(c, nil, opt))
	if err != nil {
		return nil, err
	}
	m := match(c, c.Texts, cs)
	gc := map[string]GoldClaim{}
	for _, g := range c.Gold.Claims {
		gc[g.ID] = g
		k := goldKind(g)
		r.Gold[k]++
		if len(m.G2T[g.ID]) > 0 {
			r.Found[k]++
		} else if k != "other" {
			r.MissedClaims = append(r.MissedClaims, fmt.Sprintf("%s %s %q", g.ID, g.File, g.Quote))
		}
	}
	// Precision: a tool claim counts when it overlaps a gold quote of its file.
	spans := map[string][][2]int{}
	for _, g := range c.Gold.Claims {
		if s, e, ok := spanOf(c.Texts[g.File], g.Quote); ok {
			spans[g.File] = append(spans[g.File], [2]int{s, e})
		}
	}
	for _, t := range cs {
		r.ToolClaims++
		on := false
		for _, sp := range spans[filepath.Base(t.Source)] {
			if !(t.Span.End <= sp[0] || t.Span.Start >= sp[1]) {
				on = true
				break
			}
		}
		if on {
			r.ToolOnGold++
		} else {
			r.Extra = append(r.Extra, fmt.Sprintf("%s:%d %s@%s %q", t.Source, t.Span.Line, t.Slot, t.Subject, t.Text))
		}
	}
	r.GroupTP, r.GroupFP, r.GroupFN = GroupPairs(c, m, cs, groups)
	// Findings.
	pairs := make([][][2]string, len(c.Gold.Disagreements))
	for i, d := range c.Gold.Disagreements {
		pairs[i] = conflictPairs(d, gc)
	}
	detected := make([]bool, len(c.Gold.Disagreements))
	for _, f := range fs {
		if sev(f.Severity) < sev(claims.SeverityWarning) {
			continue
		}
		r.Alarms++
		hit := map[string]bool{}
		for _, t := range f.Claims {
			for _, g := range m.T2G[t] {
				hit[g] = true
			}
		}
		isTrue := false
		for i := range c.Gold.Disagreements {
			for _, p := range pairs[i] {
				if hit[p[0]] && hit[p[1]] {
					detected[i] = true
					isTrue = true
				}
			}
		}
		if isTrue {
			r.TrueAlarms++
			continue
		}
		flagged := false
		for _, cg := range c.Gold.Consistent {
			files := map[string]bool{}
			for _, id := range cg.Claims {
				if hit[id] {
					files[gc[id].File] = true
				}
			}
			if len(files) >= 2 {
				flagged = true
				r.FalseFlagged = append(r.FalseFlagged, fmt.Sprintf("%s %s@%s (consistent: %s)", f.Rule, f.Slot, f.Subject, cg.Subject))
				break
			}
		}
		if flagged {
			r.FalseFlags++
		} else {
			r.Unlabelled++
		}
	}
	r.DisTotal = len(c.Gold.Disagreements)
	for i, d := range c.Gold.Disagreements {
		if detected[i] {
			r.DisFound++
		} else {
			r.Missed = append(r.Missed, d.Slot+" / "+d.Subject)
		}
	}
	return r, mutate(c, check, opt, r)
}

// GroupPairs counts the cross-file pairs of found gold claims (those m
// matches to a tool claim) that the groups put together: true positives
// when the gold claims have the same slot and subject, false positives
// when they do not, and false negatives, same-fact pairs the groups keep
// apart. Two gold claims are together when one group holds a tool claim
// of each; with groups nil, when a tool claim of each has the same slot
// and subject (score.py without `groups`).
func GroupPairs(c *Cluster, m Matching, cs []*claims.Claim, groups []*claims.Group) (tp, fp, fn int) {
	member := map[*claims.Claim][]int{}
	for i, g := range groups {
		for _, t := range g.Claims {
			member[t] = append(member[t], i)
		}
	}
	together := func(x, y *claims.Claim) bool {
		if groups == nil {
			return x.Slot == y.Slot && x.Subject == y.Subject
		}
		for _, i := range member[x] {
			if slices.Contains(member[y], i) {
				return true
			}
		}
		return false
	}
	var found []GoldClaim
	for _, g := range c.Gold.Claims {
		if len(m.G2T[g.ID]) > 0 {
			found = append(found, g)
		}
	}
	for i, a := range found {
		for _, b := range found[i+1:] {
			if a.File == b.File {
				continue
			}
			sameG := a.Slot == b.Slot && a.Subject == b.Subject
			sameT := false
			for _, x := range m.G2T[a.ID] {
				for _, y := range m.G2T[b.ID] {
					if together(x, y) {
						sameT = true
					}
				}
			}
			switch {
			case sameG && sameT:
				tp++
			case sameT:
				fp++
			case sameG:
				fn++
			}
		}
	}
	return tp, fp, fn
}

var (
	tokenRE   = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:-[a-z]+)?`)
	wordsList = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	tensWords = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)

func wordIndex(w string, limit int) int {
	for i, x := range wordsList[:limit] {
		if x == w {
			return i
		}
	}
	return -1
}

// numberToken finds the token of the quote that states value.
func numberToken(text []byte, quote string, value float64) (int, int, string, bool) {
	qs, qe, ok := spanOf(text, quote)
	if !ok {
		return 0, 0, "", false
	}
	q := string(text[qs:qe])
	for _, loc := range tokenRE.FindAllStringIndex(q, -1) {
		s := q[loc[0]:loc[1]]
		v, has := 0.0, false
		if s[0] >= '0' && s[0] <= '9' {
			x, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
			if err != nil {
				continue
			}
			v, has = x, true
		} else {
			w := strings.ToLower(s)
			if i := wordIndex(w, len(wordsList)); i >= 0 {
				v, has = float64(i), true
			} else if t, ok := tensWords[strings.Split(w, "-")[0]]; ok {
				parts := strings.Split(w, "-")
				v, has = float64(t), true
				if len(parts) > 1 {
					if i := wordIndex(parts[1], 10); i >= 0 {
						v += float64(i)
					}
				}
			}
		}
		if has && closeTo(v, value) {
			return qs + loc[0], qs + loc[1], s, true
		}
	}
	return 0, 0, "", false
}

func render(tok string, n int) string {
	if tok[0] >= '0' && tok[0] <= '9' {
		if strings.Contains(tok, ",") {
			return commas(n)
		}
		return strconv.Itoa(n)
	}
	if n < len(wordsList) {
		w := wordsList[n]
		if tok[0] >= 'A' && tok[0] <= 'Z' {
			return strings.ToUpper(w[:1]) + w[1:]
		}
		return w
	}
	return strconv.Itoa(n)
}

func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// mutate changes one source's figure so that it contradicts a peer and
// counts the cases a warning or error cites the changed figure.
func mutate(c *Cluster, check Checker, opt Options, r *Result) error {
	inDis := map[string]bool{}
	for _, d := range c.Gold.Disagreements {
		for _, id := range d.Claims {
			inDis[id] = true
		}
	}
	type mcase struct {
		g    GoldClaim
		s, e int
		tok  string
		newV int
	}
	var cases []mcase
	seen := map[string]bool{}
	for _, g := range c.Gold.Claims {
		n := g.Norm
		if goldKind(g) != "number" || inDis[g.ID] || n["approx"] == true || n["vague"] == true || n["derived"] != nil || n["type"] != nil {
			continue
		}
		v, ok := num(n["value"])
		if !ok || v != math.Trunc(v) || v < 1 || v > 1e7 {
			continue
		}
		peer := false
		for _, p := range c.Gold.Claims {
			if p.File != g.File && p.Slot == g.Slot && p.Subject == g.Subject {
				if pv, ok := num(p.Norm["value"]); ok && pv == v {
					peer = true
				}
			}
		}
		if !peer {
			continue
		}
		s, e, tok, ok := numberToken(c.Texts[g.File], g.Quote, v)
		if !ok {
			continue
		}
		key := g.Slot + "\x00" + g.Subject + "\x00" + g.File
		if seen[key] {
			continue
		}
		seen[key] = true
		iv := int(v)
		cases = append(cases, mcase{g, s, e, tok, iv + max(10, int(math.Round(float64(iv)*0.5)))})
	}
	if len(cases) > opt.Mutations {
		cases = cases[:opt.Mutations]
	}
	for _, mc := range cases {
		raw := c.Texts[mc.g.File]
		rep := []byte(render(mc.tok, mc.newV))
		mutated := append(append(append([]byte{}, raw[:mc.s]...), rep...), raw[mc.e:]...)
		cs, _, fs, err := check(docs(c, map[string][]byte{mc.g.File: mutated}, opt))
		if err != nil {
			return err
		}
		r.MutTotal++
		ns, ne := mc.s, mc.s+len(rep)
		ids := map[*claims.Claim]bool{}
		for _, t := range cs {
			if filepath.Base(t.Source) == mc.g.File && !(t.Span.End <= ns || t.Span.Start >= ne) {
				ids[t] = true
			}
		}
		hit := false
		for _, f := range fs {
			if sev(f.Severity) < sev(claims.SeverityWarning) {
				continue
			}
			for _, t := range f.Claims {
				if ids[t] {
					hit = true
				}
			}
		}
		if hit {
			r.MutFound++
		} else {
			r.MissedMutations = append(r.MissedMutations, fmt.Sprintf("%s %q -> %d", mc.g.File, mc.g.Quote, mc.newV))
		}
	}
	return nil
}
