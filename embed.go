// Package factcheck holds the files built into the factcheck binary: the
// built-in rule pack (rules.d) and the default slot lexicon (lexicon).
// The tool itself is documented in cmd/factcheck.
package factcheck

import "embed"

// BuiltinRules is the built-in rule pack: rules.d/*.yaml and their tests.
//
//go:embed rules.d
var BuiltinRules embed.FS
