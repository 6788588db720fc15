package draft

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"

	"github.com/factcheck/factcheck/claims"
)

// shingleSize is the number of words in a shingle.
const shingleSize = 5

// CopyThreshold is the share of the shorter text's shingles the longer one
// must contain for the two to count as copies of one story (a republished
// or shortened wire story, an earlier version of an article). Unrelated
// reports of one event share well under a tenth.
const CopyThreshold = 0.5

// Copies finds sources that are copies of one story (a wire story
// republished by several sites, an article and its update). It returns,
// for every document, the Source of the first document of its copy
// cluster, in input order; a document with no copy maps to itself.
//
// Texts are compared as sets of five-word shingles; candidate pairs come
// from an inverted index of shingles, so unrelated articles are never
// compared.
func Copies(docs []*claims.Document) map[string]string {
	sets := make([]map[uint64]bool, len(docs))
	for i, d := range docs {
		sets[i] = shingles(d.Text)
	}
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Candidate pairs share a shingle: an inverted index keeps this from
	// comparing every pair of unrelated articles.
	index := map[uint64][]int{}
	for i, s := range sets {
		for h := range s {
			index[h] = append(index[h], i)
		}
	}
	shared := map[[2]int]int{}
	for _, ids := range index {
		if len(ids) > 50 {
			continue // boilerplate shared by many pages
		}
		for a := 0; a < len(ids); a++ {
			for b := a + 1; b < len(ids); b++ {
				shared[[2]int{ids[a], ids[b]}]++
			}
		}
	}
	pairs := make([][2]int, 0, len(shared))
	for p := range shared {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	for _, p := range pairs {
		n := shared[p]
		smaller := min(len(sets[p[0]]), len(sets[p[1]]))
		if smaller > 0 && float64(n)/float64(smaller) >= CopyThreshold {
			a, b := find(p[0]), find(p[1])
			if a != b {
				if a < b {
					parent[b] = a
				} else {
					parent[a] = b
				}
			}
		}
	}
	out := make(map[string]string, len(docs))
	for i, d := range docs {
		out[d.Source] = docs[find(i)].Source
	}
	return out
}

// shingles hashes the five-word windows of text's lower-cased words.
func shingles(text string) map[uint64]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := map[uint64]bool{}
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		out[h.Sum64()] = true
	}
	return out
}
