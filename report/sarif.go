package report

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// The SARIF 2.1.0 shapes factcheck writes: the subset it needs.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool       `json:"tool"`
		ColumnKind string          `json:"columnKind"`
		Artifacts  []sarifArtifact `json:"artifacts"`
		Results    []sarifResult   `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		ShortDescription     *sarifText        `json:"shortDescription,omitempty"`
		FullDescription      *sarifText        `json:"fullDescription,omitempty"`
		Help                 *sarifText        `json:"help,omitempty"`
		DefaultConfiguration *sarifRuleConfig  `json:"defaultConfiguration,omitempty"`
		Properties           map[string]string `json:"properties,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifArtifact struct {
		Location sarifArtifactLocation `json:"location"`
		Length   int                   `json:"length"`
	}
	sarifArtifactLocation struct {
		URI   string `json:"uri"`
		Index *int   `json:"index,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Suppressions        []sarifSuppress   `json:"suppressions,omitempty"`
		Properties          map[string]string `json:"properties"`
	}
	sarifLocation struct {
		ID               *int                   `json:"id,omitempty"`
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		Message          *sarifText             `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifRegion struct {
		StartLine   int        `json:"startLine"`
		StartColumn int        `json:"startColumn"`
		EndLine     int        `json:"endLine"`
		EndColumn   int        `json:"endColumn"`
		ByteOffset  int        `json:"byteOffset"`
		ByteLength  int        `json:"byteLength"`
		Snippet     *sarifText `json:"snippet,omitempty"`
	}
	sarifSuppress struct {
		Kind          string `json:"kind"`
		Status        string `json:"status"`
		Justification string `json:"justification"`
	}
)

// SARIFSchema is the $schema a SARIF log names: the OASIS SARIF 2.1.0
// schema (errata 01).
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// SARIF writes r as a SARIF 2.1.0 log with one run.
//
// The driver lists every rule in r.Rules (and any other rule a finding
// names), sorted by id, with its title as shortDescription and its
// description as fullDescription and help. Each finding is a result at the
// level of its severity (info is "note"); its location is its first
// evidence claim and its relatedLocations the other claims, each with a
// region that gives start and end line and column (columns count Unicode
// code points: columnKind is unicodeCodePoints), byte offset and length,
// and the quoted text. partialFingerprints holds the Fingerprint under
// "factcheck/v1"; an accepted finding carries an external, accepted
// suppression with its reason. Artifact URIs are the paths as given,
// relative when they were relative.
func SARIF(w io.Writer, r *Result) error {
	rules, ruleIndex := sarifRules(r)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "factcheck", Version: r.ToolVersion, InformationURI: "https://github.com/factcheck/factcheck", Rules: rules,
		}},
		ColumnKind: "unicodeCodePoints",
		Artifacts:  make([]sarifArtifact, 0, len(r.Docs)),
		Results:    make([]sarifResult, 0, len(r.Findings)),
	}
	artifactIndex := map[string]int{}
	for _, d := range r.Docs {
		if _, ok := artifactIndex[d.Source]; ok {
			continue
		}
		artifactIndex[d.Source] = len(run.Artifacts)
		run.Artifacts = append(run.Artifacts, sarifArtifact{
			Location: sarifArtifactLocation{URI: artifactURI(d.Source)}, Length: len(d.Raw),
		})
	}
	location := func(c *claims.Claim) *sarifPhysicalLocation {
		loc := sarifArtifactLocation{URI: artifactURI(c.Source)}
		if i, ok := artifactIndex[c.Source]; ok {
			loc.Index = &i
		}
		endLine, endCol := r.endPosition(c)
		return &sarifPhysicalLocation{
			ArtifactLocation: loc,
			Region: sarifRegion{
				StartLine: c.Span.Line, StartColumn: c.Span.Col, EndLine: endLine, EndColumn: endCol,
				ByteOffset: c.Span.Start, ByteLength: c.Span.End - c.Span.Start,
				Snippet: &sarifText{Text: r.rawText(c)},
			},
		}
	}
	for _, f := range SortFindings(r.Findings) {
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: ruleIndex[f.Rule], Level: sarifLevel(f.Severity),
			Message:             sarifText{Text: headline(f)},
			Locations:           []sarifLocation{},
			PartialFingerprints: map[string]string{FingerprintVersion: Fingerprint(f)},
			Properties:          map[string]string{"slot": f.Slot, "subject": f.Subject},
		}
		if f.Story != "" {
			res.Properties["story"] = f.Story
		}
		for i, c := range f.Claims {
			if i == 0 {
				res.Locations = append(res.Locations, sarifLocation{
					PhysicalLocation: location(c), Message: &sarifText{Text: evidenceLabel(c)},
				})
				continue
			}
			id := i
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: location(c), Message: &sarifText{Text: evidenceLabel(c)},
			})
		}
		if reason, ok := r.accepted(f); ok {
			res.Suppressions = []sarifSuppress{{Kind: "external", Status: "accepted", Justification: reason}}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifRules returns the driver's rules sorted by id and each rule's
// index.
func sarifRules(r *Result) ([]sarifRule, map[string]int) {
	infos := slices.Clone(r.Rules)
	known := map[string]bool{}
	for _, ri := range infos {
		known[ri.ID] = true
	}
	for _, f := range r.Findings {
		if !known[f.Rule] {
			known[f.Rule] = true
			infos = append(infos, RuleInfo{ID: f.Rule, Severity: f.Severity})
		}
	}
	slices.SortStableFunc(infos, func(a, b RuleInfo) int { return cmp.Compare(a.ID, b.ID) })
	rules := make([]sarifRule, 0, len(infos))
	index := map[string]int{}
	for _, ri := range infos {
		if _, dup := index[ri.ID]; dup {
			continue
		}
		index[ri.ID] = len(rules)
		rule := sarifRule{ID: ri.ID}
		if t := oneLine(ri.Title); t != "" {
			rule.ShortDescription = &sarifText{Text: t}
		}
		if d := strings.TrimSpace(ri.Description); d != "" {
			rule.FullDescription = &sarifText{Text: d}
			rule.Help = &sarifText{Text: d}
		}
		if ri.Severity != claims.SeverityNone {
			rule.DefaultConfiguration = &sarifRuleConfig{Level: sarifLevel(ri.Severity)}
		}
		rules = append(rules, rule)
	}
	return rules, index
}

func sarifLevel(s claims.Severity) string {
	switch s {
	case claims.SeverityError:
		return "error"
	case claims.SeverityWarning:
		return "warning"
	case claims.SeverityInfo:
		return "note"
	}
	return "none"
}

// artifactURI turns a path as given into a URI reference: a relative path
// stays relative (with forward slashes, percent-encoded where needed), an
// absolute one becomes a file: URI.
func artifactURI(path string) string {
	if path == "-" {
		return "-"
	}
	slashed := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // C:/x on Windows
		}
		return (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	u := (&url.URL{Path: slashed}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u // a colon in the first segment would read as a scheme
	}
	return u
}

// rawText returns the bytes of c's span in its document, or c.Text when
// the document is unknown.
func (r *Result) rawText(c *claims.Claim) string {
	d := r.doc(c.Source)
	if d == nil || c.Span.Start < 0 || c.Span.End > len(d.Raw) || c.Span.Start > c.Span.End {
		return c.Text
	}
	return string(d.Raw[c.Span.Start:c.Span.End])
}
