package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/factcheck/factcheck/claims"
	"gopkg.in/yaml.v3"
)

// IgnoreFile is the name of the ignore file check looks for next to its
// inputs.
const IgnoreFile = ".factcheck-ignore.yaml"

// Select narrows r.Findings to those a run shows: at or above min, and
// with a fingerprint not in baseline (nil for none). It counts the others
// in r.Omitted. Accepted findings stay: they are shown, marked.
func (r *Result) Select(min claims.Severity, baseline map[string]bool) {
	kept := r.Findings[:0:0]
	for _, f := range r.Findings {
		if f.Severity >= claims.SeverityWarning && (f.Severity < min || baseline[Fingerprint(f)]) {
			// The group is still in dispute, though the finding is
			// not shown: it is not an agreement.
			if r.disputed == nil {
				r.disputed = map[claims.Key]bool{}
			}
			r.disputed[claims.Key{Story: f.Story, Slot: f.Slot, Subject: f.Subject}] = true
		}
		switch {
		case f.Severity < min:
			r.Omitted.BelowMinSeverity++
		case baseline[Fingerprint(f)]:
			r.Omitted.InBaseline++
		default:
			kept = append(kept, f)
		}
	}
	r.Findings = kept
}

// ReadBaseline reads a report written by check --format json and returns
// the fingerprints of its findings.
func ReadBaseline(rd io.Reader) (map[string]bool, error) {
	var out struct {
		Version  *int `json:"version"`
		Findings *[]struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	}
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &out); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
			return nil, fmt.Errorf("line %d: not a factcheck JSON report: %v", line, err)
		}
		return nil, fmt.Errorf("not a factcheck JSON report: %v", err)
	}
	switch {
	case out.Version == nil:
		return nil, errors.New("not a factcheck JSON report (no version); write one with check --format json")
	case *out.Version != Version:
		return nil, fmt.Errorf("JSON output version %d; want %d", *out.Version, Version)
	case out.Findings == nil:
		return nil, errors.New("has no findings list; write the baseline with check --format json, not extract")
	}
	fps := make(map[string]bool, len(*out.Findings))
	for i, f := range *out.Findings {
		if f.Fingerprint == "" {
			return nil, fmt.Errorf("finding %d has no fingerprint (written by an older factcheck); write the baseline again with check --format json", i+1)
		}
		fps[f.Fingerprint] = true
	}
	return fps, nil
}

// An IgnoreError is a mistake in an ignore file, with its position.
type IgnoreError struct {
	Line, Col int // 1-based; 0 when unknown
	Msg       string
}

func (e *IgnoreError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

var fingerprintRE = regexp.MustCompile(`^[0-9a-f]{16}$`)

// ParseIgnore reads an ignore file: a YAML list of entries, each with the
// fingerprint of a finding and the reason it is accepted, both required:
//
//	# .factcheck-ignore.yaml
//	- fingerprint: 3f9a0c1d2e4b5a69
//	  reason: the wire copy is archived as sent; AP corrected the toll later
//
// It returns the reasons by fingerprint. An empty file accepts nothing.
// The error is an *IgnoreError with the line and column of the mistake.
func ParseIgnore(data []byte) (map[string]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var line int
		if _, serr := fmt.Sscanf(msg, "line %d:", &line); serr == nil {
			_, msg, _ = strings.Cut(msg, ": ")
			return nil, &IgnoreError{Line: line, Col: 1, Msg: msg}
		}
		return nil, &IgnoreError{Msg: msg}
	}
	out := map[string]string{}
	if len(doc.Content) == 0 {
		return out, nil
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, &IgnoreError{Line: list.Line, Col: list.Column, Msg: "want a list of entries, each with a fingerprint and a reason"}
	}
	where := map[string]int{}
	for _, e := range list.Content {
		if e.Kind != yaml.MappingNode {
			return nil, &IgnoreError{Line: e.Line, Col: e.Column, Msg: "want an entry with a fingerprint and a reason"}
		}
		var fp, reason *yaml.Node
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, v := e.Content[i], e.Content[i+1]
			if v.Kind != yaml.ScalarNode {
				return nil, &IgnoreError{Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("%s: want a string", k.Value)}
			}
			switch k.Value {
			case "fingerprint":
				fp = v
			case "reason":
				reason = v
			default:
				return nil, &IgnoreError{Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown field %q (want fingerprint and reason)", k.Value)}
			}
		}
		switch {
		case fp == nil:
			return nil, &IgnoreError{Line: e.Line, Col: e.Column, Msg: "entry has no fingerprint"}
		case !fingerprintRE.MatchString(fp.Value):
			return nil, &IgnoreError{Line: fp.Line, Col: fp.Column, Msg: fmt.Sprintf("fingerprint %q is not 16 lower-case hexadecimal digits (copy it from the JSON report)", fp.Value)}
		case reason == nil || strings.TrimSpace(reason.Value) == "":
			return nil, &IgnoreError{Line: e.Line, Col: e.Column, Msg: fmt.Sprintf("entry for %s has no reason; say why the finding is accepted", fp.Value)}
		}
		if line, dup := where[fp.Value]; dup {
			return nil, &IgnoreError{Line: fp.Line, Col: fp.Column, Msg: fmt.Sprintf("fingerprint %s is already accepted on line %d", fp.Value, line)}
		}
		where[fp.Value] = fp.Line
		out[fp.Value] = strings.TrimSpace(reason.Value)
	}
	return out, nil
}
