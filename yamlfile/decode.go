package yamlfile

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrEmpty is returned by Decode for a file that holds no YAML document.
var ErrEmpty = errors.New("empty file")

// A SyntaxError is YAML that does not parse. Line is 0 when the parser
// gives none.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Syntax turns a yaml.v3 error ("yaml: line 4: did not find expected
// key") into a SyntaxError.
func Syntax(err error) *SyntaxError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(msg, ": ")
		return &SyntaxError{Line: line, Msg: rest}
	}
	return &SyntaxError{Msg: msg}
}

// An ExtraDocError is a second YAML document in a file that must hold one.
type ExtraDocError struct{ Node *yaml.Node }

func (e *ExtraDocError) Error() string { return "more than one YAML document" }

// Decode reads the single YAML document of data and returns its root
// node. The error is ErrEmpty, a *SyntaxError or an *ExtraDocError.
func Decode(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, ErrEmpty
		}
		return nil, Syntax(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &ExtraDocError{Node: &extra}
	} else if !errors.Is(err, io.EOF) {
		return nil, Syntax(err)
	}
	if len(doc.Content) == 0 {
		return nil, ErrEmpty
	}
	return doc.Content[0], nil
}
