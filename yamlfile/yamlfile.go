// Package yamlfile holds what factcheck's YAML inputs (rule files, rule
// tests, the configuration file) share: walking a mapping's keys with
// unknown and duplicate keys reported at their position, aliases followed,
// and "did you mean" suggestions for a misspelt name.
package yamlfile

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Resolve follows an alias node to what it names.
func Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// Fields walks the keys of mapping m: a duplicate key or one not in known
// is reported with errorf at the key's position, with the nearest known
// key when one is close; fn is called for every other key with its value
// (aliases resolved).
func Fields(m *yaml.Node, known []string, errorf func(n *yaml.Node, format string, args ...any), fn func(key string, k, v *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], Resolve(m.Content[i+1])
		key := k.Value
		if line, dup := seen[key]; dup {
			errorf(k, "duplicate key %q (first on line %d)", key, line)
			continue
		}
		seen[key] = k.Line
		if !slices.Contains(known, key) {
			msg := fmt.Sprintf("unknown key %q", key)
			if s := Suggest(key, known, 3); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += fmt.Sprintf(" (want one of %s)", strings.Join(known, ", "))
			}
			errorf(k, "%s", msg)
			continue
		}
		fn(key, k, v)
	}
}

// Suggest returns the word of known nearest to s (ignoring case) when
// fewer than maxDist edits away, else "".
func Suggest(s string, known []string, maxDist int) string {
	best, bestD := "", maxDist
	for _, k := range known {
		if d := Distance(strings.ToLower(s), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in characters.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
