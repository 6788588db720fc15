package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/factcheck/factcheck/claims"
)

// An Exclude is a set of glob patterns naming inputs not to read
// (--exclude, and exclude: in the configuration file). A pattern without
// a slash matches a file or directory name at any depth ("*.html",
// "drafts"); one with a slash matches the path below the directory being
// read, or a file's path as given ("wires/old/*", "**/report.*"). "*"
// stays within a name, "**" crosses directories, "?", "[a-z]" and
// "{a,b}" are as in a shell.
type Exclude struct {
	patterns []string
}

// NewExclude checks patterns and returns the Exclude of them; nil
// patterns exclude nothing.
func NewExclude(patterns []string) (*Exclude, error) {
	for _, p := range patterns {
		if p == "" || !doublestar.ValidatePattern(filepath.ToSlash(p)) {
			return nil, fmt.Errorf("bad exclude pattern %q", p)
		}
	}
	return &Exclude{patterns: patterns}, nil
}

// Match reports whether the input at path p is excluded. root is the
// directory being read, or "" for a path named on the command line.
func (e *Exclude) Match(root, p string) bool {
	if e == nil || len(e.patterns) == 0 {
		return false
	}
	rel := p
	if root != "" {
		if r, err := filepath.Rel(root, p); err == nil {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	name := filepath.Base(p)
	for _, pat := range e.patterns {
		pat = filepath.ToSlash(pat)
		if !strings.Contains(pat, "/") {
			if ok, _ := doublestar.Match(pat, name); ok {
				return true
			}
			continue
		}
		if ok, _ := doublestar.Match(strings.TrimPrefix(pat, "./"), strings.TrimPrefix(rel, "./")); ok {
			return true
		}
	}
	return false
}

// The shapes of the reports factcheck writes that carry no ReportMarker:
// the table's and extract's summary lines, the line format's findings
// and GitHub's workflow commands.
var (
	tableSummary = regexp.MustCompile(`^(?:\d+ errors?, \d+ warnings?, \d+ info in \d+ sources?(?:; .*)?|no findings|\d+ claims? in \d+ sources?)$`)
	findingLine  = regexp.MustCompile(`^(?:\S.*:\d+:\d+: )?(?:error|warning|info) [A-Za-z0-9_.-]+: `)
	githubLine   = regexp.MustCompile(`^::(?:error|warning|notice)[ :]`)
)

// IsReport reports whether raw is a report factcheck wrote (check or
// extract, in any format) rather than an article: it carries
// claims.ReportMarker, starts as factcheck's JSON and SARIF do, ends with
// the table's summary line, or is made of finding lines or GitHub
// workflow commands only.
func IsReport(raw []byte) bool {
	if bytes.Contains(raw, []byte(claims.ReportMarker)) {
		return true
	}
	trimmed := bytes.TrimSpace(raw)
	if bytes.HasPrefix(trimmed, []byte("{")) {
		head := trimmed[:min(len(trimmed), 256)]
		return bytes.Contains(head, []byte(`"version":`)) && bytes.Contains(head, []byte(`"sources":`)) ||
			bytes.Contains(head, []byte(`"$schema":`)) && bytes.Contains(head, []byte("sarif")) && bytes.Contains(trimmed, []byte(`"name": "factcheck"`))
	}
	lines := strings.Split(string(trimmed), "\n")
	if len(lines) == 0 || len(trimmed) == 0 {
		return false
	}
	if tableSummary.MatchString(strings.TrimSpace(lines[len(lines)-1])) && len(lines) > 1 {
		return true
	}
	allFindings, allGitHub := true, true
	for _, l := range lines {
		l = strings.TrimRight(l, "\r")
		if l == "" {
			continue
		}
		allFindings = allFindings && findingLine.MatchString(l)
		allGitHub = allGitHub && githubLine.MatchString(l)
	}
	return allFindings || allGitHub
}
