// Package eval scores factcheck against hand-labelled news clusters: the
// gold format of testdata/gold (see its README.md). It measures what
// ../shared/eval/score.py measures, in process: recall of the labelled
// numbers and dates, precision of the claims against the labelled quotes,
// pairwise agreement of the groups the checker compared with the labelled
// "same fact" groups, disagreements found, false flags and a mutation
// test. It also labels pairs of claims for the comparability gate and fits
// it (TrainGate).
package eval

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A Cluster is one story told by several outlets, with its labels.
type Cluster struct {
	Name string
	Dir  string
	// Half is "tune" or "check", as the root's README.md table gives it
	// (see Halves), or "" when it gives none.
	Half string
	Gold Gold
	// Texts holds each source's bytes as the checker sees them (a first
	// line that is a bare URL is dropped).
	Texts map[string][]byte
	Files []string
}

// Gold is the content of a gold.yaml file.
type Gold struct {
	Cluster       string                    `yaml:"cluster"`
	Sources       map[string]map[string]any `yaml:"sources"`
	Claims        []GoldClaim               `yaml:"claims"`
	Disagreements []GoldGroup               `yaml:"disagreements"`
	Consistent    []GoldGroup               `yaml:"consistent"`
	Either        []GoldGroup               `yaml:"either"`
}

// A GoldClaim is one labelled claim.
type GoldClaim struct {
	ID      string         `yaml:"id"`
	File    string         `yaml:"file"`
	Quote   string         `yaml:"quote"`
	Slot    string         `yaml:"slot"`
	Subject string         `yaml:"subject"`
	Value   any            `yaml:"value"`
	Norm    map[string]any `yaml:"norm"`
}

// A GoldGroup is a labelled disagreement, consistent group or judgment call.
type GoldGroup struct {
	Slot    string   `yaml:"slot"`
	Subject string   `yaml:"subject"`
	Claims  []string `yaml:"claims"`
	Kind    string   `yaml:"kind"`
	Numeric *bool    `yaml:"numeric"`
}

var urlLine = regexp.MustCompile(`^\s*https?://\S+\s*$`)

// The halves of a corpus: stories read for patterns, and stories only
// scored.
const (
	Tune  = "tune"
	Check = "check"
)

// halfRow is a row of the stories table of a corpus's README.md: the
// folder in backquotes first, the half in a cell of its own.
var halfRow = regexp.MustCompile("^\\| `([^`]+)` \\|.*\\| (tune|check) \\|")

// Halves reads the half of each story from the table of root's
// README.md: "| `folder` | … | tune | … |". A root without a README
// has no halves.
func Halves(root string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if m := halfRow.FindStringSubmatch(line); m != nil {
			out[m[1]] = m[2]
		}
	}
	return out, nil
}

// LoadClusters reads every folder of root that holds a gold.yaml, with
// its half (Halves).
func LoadClusters(root string) ([]*Cluster, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	halves, err := Halves(root)
	if err != nil {
		return nil, err
	}
	var out []*Cluster
	for _, e := range entries {
		p := filepath.Join(root, e.Name(), "gold.yaml")
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		c := &Cluster{Name: e.Name(), Dir: filepath.Join(root, e.Name()), Half: halves[e.Name()], Texts: map[string][]byte{}}
		if err := yaml.Unmarshal(data, &c.Gold); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		for f := range c.Gold.Sources {
			raw, err := os.ReadFile(filepath.Join(c.Dir, f))
			if err != nil {
				return nil, err
			}
			if first, rest, ok := bytes.Cut(raw, []byte("\n")); ok && urlLine.Match(first) {
				raw = rest
			}
			c.Texts[f] = raw
			c.Files = append(c.Files, f)
		}
		sort.Strings(c.Files)
		out = append(out, c)
	}
	return out, nil
}

// goldKind is "number", "date" or "other", as score.py counts them.
func goldKind(g GoldClaim) string {
	switch g.Norm["type"] {
	case "date", "datetime", "time", "year":
		return "date"
	case "text", "set", "identifier", "boolean":
		return "other"
	}
	if len(nums(g.Norm)) == 0 {
		return "other"
	}
	return "number"
}

func num(x any) (float64, bool) {
	switch v := x.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	case int64:
		return float64(v), true
	}
	return 0, false
}

func nums(m map[string]any) []float64 {
	var out []float64
	for _, k := range []string{"value", "lo", "hi"} {
		if v, ok := num(m[k]); ok {
			out = append(out, v)
		}
	}
	return out
}

func closeTo(a, b float64) bool {
	return math.Abs(a-b) <= math.Max(1e-9, 0.011*math.Max(math.Abs(a), math.Abs(b)))
}

func str(x any) string {
	switch v := x.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(x)
}

// interval of a scalar norm, as score.py builds it; ok is false for dates,
// texts and vague quantities.
type ival struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func interval(n map[string]any) (ival, bool) {
	if t := n["type"]; (t != nil && t != "year") || n["vague"] == true {
		return ival{}, false
	}
	if v, ok := num(n["value"]); ok {
		tol := 0.0
		if n["approx"] == true {
			tol = 0.05 * math.Abs(v)
		}
		return ival{v - tol, v + tol, false, false}, true
	}
	lo, lok := num(n["lo"])
	hi, hok := num(n["hi"])
	if !lok && !hok {
		return ival{}, false
	}
	if !lok {
		lo = math.Inf(-1)
	}
	if !hok {
		hi = math.Inf(1)
	}
	return ival{lo, hi, n["lo_open"] == true, n["hi_open"] == true}, true
}

func disjoint(a, b ival) bool {
	if a.hi < b.lo || b.hi < a.lo {
		return true
	}
	return (a.hi == b.lo && (a.hiOpen || b.loOpen)) || (b.hi == a.lo && (b.hiOpen || a.loOpen))
}
