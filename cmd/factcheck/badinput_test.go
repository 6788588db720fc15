package main

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Rules for the bad-input table: each is a rule file's contents, named
// by the file it is written to.
const (
	ruleHead = "title: Bad\ndescription: a rule for the bad-input tests\nseverity: info\n"

	// does not parse as YAML
	ruleBadYAML = "title: Bad\ndescription: [unclosed\nseverity: info\n"
	// CEL that does not parse (line 4)
	ruleNoCompile = ruleHead + "condition: size(claims) >\nmessage: never\n"
	// CEL that parses but does not type-check: no such field (line 4)
	ruleNoTypeCheck = ruleHead + "condition: claims[0].lox > 1.0\nmessage: never\n"
	// a condition that is not a bool
	ruleNotBool = ruleHead + "condition: size(claims)\nmessage: never\n"
	// fails at run time on one group (missile_count) only; false elsewhere
	ruleFailsOnOne = ruleHead + "condition: group.slot == \"missile_count\" && claims[1000].source == \"\"\nmessage: never\n"
	// 10^7 iterations on one group: stopped by the cost limit
	ruleCostly = ruleHead + "when:\n  slots: [missile_count]\ncondition: >-\n  " +
		"[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c, " +
		"[0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e, [0,1,2,3,4,5,6,7,8,9].all(f, " +
		"[0,1,2,3,4,5,6,7,8,9].all(g, a + b + c + d + e + f + g >= 0)))))))\nmessage: never\n"
)

// An article with one claim, for cases whose input is beside the point.
const goodArticle = "The US fired 59 cruise missiles at the base.\n"

// jsonlGood is a JSONL line of one good record, id "a".
const jsonlGood = `{"id": "a", "published": "2017-04-07", "text": "The US fired 59 cruise missiles at the base."}` + "\n"

// badCase is one row of the bad-input table.
type badCase struct {
	name  string
	files map[string]string // written into the case's working directory first
	stdin io.Reader         // nil for an empty standard input
	args  []string          // "SEEDS" stands for the seed articles
	code  int
	// stderr is a regular expression the whole of standard error must
	// match. Every line must start "factcheck: " unless caret is set (a
	// rule load error quotes the source line and puts a caret under it).
	stderr string
	caret  bool
	// stdout is a substring of standard output; "" means it must be empty.
	stdout string
	// unchanged lists files the run must leave as they were.
	unchanged []string
	skip      string
}

// TestBadInput runs factcheck in-process on bad input of every kind. Each
// must give the right exit code, a clear message on standard error naming
// the file (and line) and no panic or stack trace; an error writes
// nothing to standard output unless the report was written before it (a
// rule that fails at run time).
func TestBadInput(t *testing.T) {
	seedsAbs, err := filepath.Abs(seeds)
	if err != nil {
		t.Fatal(err)
	}
	good := map[string]string{"a.txt": goodArticle}
	with := func(files map[string]string) map[string]string {
		out := map[string]string{"a.txt": goodArticle}
		for k, v := range files {
			out[k] = v
		}
		return out
	}
	tests := []badCase{
		// Paths.
		{name: "missing path", args: []string{"check", "nope.txt"}, code: exitError,
			stderr: `factcheck: nope\.txt: no such file or directory\n`},
		{name: "missing path among good ones", files: good, args: []string{"check", "a.txt", "nope.txt"}, code: exitError,
			stderr: `factcheck: nope\.txt: no such file or directory\n`},
		{name: "directory with no articles", files: map[string]string{"dir/notes.json": "{}", "dir/.hidden/b.txt": goodArticle}, args: []string{"check", "dir"}, code: exitError,
			stderr: `factcheck: dir: no articles in directory \(looked for \.txt, \.md, \.markdown, \.html, \.htm\)\n`},
		{name: "empty directory", files: map[string]string{"dir/": ""}, args: []string{"extract", "dir"}, code: exitError,
			stderr: `factcheck: dir: no articles in directory .*\n`},
		{name: "no path", args: []string{"check"}, code: exitError,
			stderr: `factcheck: check: no PATH given \(a file, a directory, or - for standard input\)\n`},

		// File contents.
		{name: "empty file", files: map[string]string{"empty.txt": ""}, args: []string{"check", "empty.txt"}, code: exitError,
			stderr: `factcheck: empty\.txt: empty file\n`},
		{name: "white space only", files: map[string]string{"blank.md": " \n\t\n"}, args: []string{"check", "blank.md"}, code: exitError,
			stderr: `factcheck: blank\.md: empty file \(only white space\)\n`},
		// The shell makes report.txt before "check dir > dir/report.txt" runs.
		{name: "empty file in a directory is left out", files: map[string]string{"dir/a.txt": goodArticle, "dir/b.txt": ""}, args: []string{"check", "dir"}, code: exitOK,
			stderr: `factcheck: warning: dir/b\.txt: left out: empty file\n`, stdout: "in 1 source"},
		{name: "only empty files in a directory", files: map[string]string{"dir/b.txt": ""}, args: []string{"check", "dir"}, code: exitError,
			stderr: `factcheck: warning: dir/b\.txt: left out: empty file\nfactcheck: dir: no articles in directory: every input is empty or excluded\n`},
		{name: "binary file", files: map[string]string{"photo.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"}, args: []string{"check", "photo.txt"}, code: exitError,
			stderr: `factcheck: photo\.txt:3:1: binary file \(NUL byte\), not a text article\n`},
		{name: "invalid UTF-8 is refused, not guessed", files: map[string]string{"latin1.txt": "The caf\xe9 said 59 cruise missiles.\n"}, args: []string{"check", "latin1.txt"}, code: exitError,
			stderr: `factcheck: latin1\.txt:1:8: invalid UTF-8 \(byte 0xe9\); save the file as UTF-8\n`},
		{name: "invalid UTF-8 on a later line", files: map[string]string{"cp1252.md": "# Title\n\nHe said \x93no\x94.\n"}, args: []string{"extract", "cp1252.md"}, code: exitError,
			stderr: `factcheck: cp1252\.md:3:9: invalid UTF-8 \(byte 0x93\); save the file as UTF-8\n`},
		{name: "UTF-16", files: map[string]string{"utf16.txt": "\xff\xfeT\x00h\x00e\x00"}, args: []string{"check", "utf16.txt"}, code: exitError,
			stderr: `factcheck: utf16\.txt:1:1: invalid UTF-8 \(UTF-16\); save the file as UTF-8\n`},
		{name: "HTML with no visible text", files: map[string]string{"page.html": "<html><script>var toll = 59;</script></html>"}, args: []string{"check", "page.html"}, code: exitError,
			stderr: `factcheck: page\.html: empty file \(no visible text\)\n`},
		{name: "HTML that is not well formed is read", files: map[string]string{"bad.html": "<html><body><p>The US fired 59 cruise missiles at the base. <b>More than 80 people died<p>in the attack</div></span><td>&amp &#xZZ; <script>var x = 99 missiles"},
			args: []string{"extract", "bad.html"}, code: exitOK, stdout: `"More than 80 people"`},

		// explain-claims: positions FILE:LINE:COL, each on a claim.
		{name: "explain-claims with a bad position", files: good, args: []string{"explain-claims", "a.txt:x:14", "a.txt:1:14", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: position "a\.txt:x:14": want FILE:LINE:COL, with LINE and COL counted from 1\n`},
		{name: "explain-claims with a position without a file", files: good, args: []string{"explain-claims", "1:14", "a.txt:1:14", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: position "1:14": want FILE:LINE:COL, with LINE and COL counted from 1\n`},
		{name: "explain-claims with column 0", files: good, args: []string{"explain-claims", "a.txt:1:0", "a.txt:1:14", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: position "a\.txt:1:0": want FILE:LINE:COL, with LINE and COL counted from 1\n`},
		{name: "explain-claims with no claim there", files: good, args: []string{"explain-claims", "a.txt:1:1", "a.txt:1:14", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: a\.txt:1:1: no claim there \(factcheck extract a\.txt lists the claims and their positions\)\n`},
		{name: "explain-claims with a line past the end", files: good, args: []string{"explain-claims", "a.txt:1:14", "a.txt:9:1", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: a\.txt:9:1: no claim there .*\n`},
		{name: "explain-claims of a file not read", files: good, args: []string{"explain-claims", "b.txt:1:14", "a.txt:1:14", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: b\.txt is not one of the articles read \(a\.txt\)\n`},
		{name: "explain-claims of one claim twice", files: good, args: []string{"explain-claims", "a.txt:1:14", "a.txt:1:20", "a.txt"}, code: exitError,
			stderr: `factcheck: explain-claims: a\.txt:1:14 and a\.txt:1:20 are the same claim "59 cruise missiles": give two\n`},
		{name: "explain-claims without a PATH", files: good, args: []string{"explain-claims", "a.txt:1:14", "a.txt:1:20"}, code: exitError,
			stderr: `factcheck: explain-claims: want two positions FILE:LINE:COL and at least one PATH\n`},

		// JSONL feeds: errors name the line (and column for JSON syntax).
		{name: "JSONL with a broken line", files: map[string]string{"feed.jsonl": jsonlGood + "{\"id\": \"b\", \"text\": \"59 missiles\"\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2:34: invalid JSON: unexpected end of JSON input\n`},
		{name: "JSONL with a stray character", files: map[string]string{"feed.jsonl": jsonlGood + "\n{\"id\": \"b\", text: \"x\"}\n"}, args: []string{"extract", "--format", "jsonl", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:3:13: invalid JSON: invalid character 't' looking for beginning of object key string\n`},
		{name: "JSONL record without an id", files: map[string]string{"feed.jsonl": jsonlGood + "{\"text\": \"The US fired 59 cruise missiles.\"}\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2: invalid record: no "id"\n`},
		{name: "JSONL record with an empty id", files: map[string]string{"feed.jsonl": "{\"id\": \" \", \"text\": \"x\"}\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:1: invalid record: "id" is empty\n`},
		{name: "JSONL record without text", files: map[string]string{"feed.jsonl": jsonlGood + "{\"id\": \"b\", \"title\": \"T\"}\n"}, args: []string{"check", "--input-format", "jsonl", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2: invalid record "b": no "text"\n`},
		{name: "JSONL record with empty text", files: map[string]string{"feed.jsonl": jsonlGood + "{\"id\": \"b\", \"text\": \" \\n \"}\n"}, args: []string{"extract", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2: invalid record "b": empty file \("text" is only white space\)\n`},
		{name: "JSONL duplicate id", files: map[string]string{"feed.jsonl": jsonlGood + "\n" + jsonlGood}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:3: invalid record: duplicate id "a" \(first on feed\.jsonl:1\)\n`},
		{name: "JSONL duplicate id across feeds", files: map[string]string{"one.jsonl": jsonlGood, "two.jsonl": jsonlGood}, args: []string{"check", "one.jsonl", "two.jsonl"}, code: exitError,
			stderr: `factcheck: two\.jsonl:1: invalid record: duplicate id "a" \(first on one\.jsonl:1\)\n`},
		{name: "JSONL bad published date", files: map[string]string{"feed.jsonl": "{\"id\": \"a\", \"published\": \"last Tuesday\", \"text\": \"x\"}\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:1: invalid record "a": "published" "last Tuesday" is not a date \(want YYYY-MM-DD or RFC 3339\)\n`},
		{name: "JSONL field of the wrong type", files: map[string]string{"feed.jsonl": "{\"id\": \"a\", \"title\": 7, \"text\": \"x\"}\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:1: invalid record: "title" must be a string, not a number\n`},
		{name: "JSONL line that is not an object", files: map[string]string{"feed.jsonl": jsonlGood + "[1, 2]\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2: invalid record: want a JSON object, not an array\n`},
		{name: "JSONL with invalid UTF-8", files: map[string]string{"feed.jsonl": jsonlGood + "{\"id\": \"b\", \"text\": \"caf\xe9\"}\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2:25: invalid UTF-8 \(byte 0xe9\); save the file as UTF-8\n`},
		{name: "JSONL with a NUL in the text", files: map[string]string{"feed.jsonl": "{\"id\": \"a\", \"text\": \"a\\u0000b\"}\n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:1: invalid record "a": binary file \(NUL byte in "text"\), not a text article\n`},
		{name: "empty JSONL", files: map[string]string{"feed.jsonl": ""}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl: empty file\n`},
		{name: "JSONL of blank lines", files: map[string]string{"feed.jsonl": "\n  \n"}, args: []string{"check", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl: empty file \(no records, only blank lines\)\n`},
		{name: "JSONL on standard input", stdin: strings.NewReader(jsonlGood + "{\"id\": 7}\n"), args: []string{"check", "--input-format", "jsonl", "-"}, code: exitError,
			stderr: `factcheck: -:2: invalid record "7": no "text"\n`},
		{name: "text read as JSONL", files: good, args: []string{"check", "--input-format", "jsonl", "a.txt"}, code: exitError,
			stderr: `factcheck: a\.txt:1:1: invalid JSON: invalid character 'T' looking for beginning of value\n`},
		{name: "directory without JSONL feeds", files: good, args: []string{"check", "--input-format", "jsonl", "."}, code: exitError,
			stderr: `factcheck: \.: no articles in directory \(looked for \.jsonl\)\n`},
		{name: "unknown input format", files: good, args: []string{"extract", "--input-format", "csv", "a.txt"}, code: exitError,
			stderr: `factcheck: extract: unknown --input-format "csv" \(want auto or jsonl\)\n`},
		{name: "JSONL output is the feed", files: map[string]string{"feed.jsonl": jsonlGood}, args: []string{"extract", "--format", "jsonl", "-o", "feed.jsonl", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: -o feed\.jsonl: is the input feed\.jsonl; refusing to overwrite it\n`, unchanged: []string{"feed.jsonl"}},
		{name: "JSONL error after good records writes no output file", files: map[string]string{"feed.jsonl": jsonlGood + "{\"id\": \"b\"}\n"}, args: []string{"extract", "--format", "jsonl", "-o", "out.jsonl", "feed.jsonl"}, code: exitError,
			stderr: `factcheck: feed\.jsonl:2: invalid record "b": no "text"\n`, unchanged: []string{"out.jsonl"}},

		// Standard input.
		{name: "empty standard input", args: []string{"check", "-"}, code: exitError,
			stderr: `factcheck: -: empty file\n`},
		{name: "standard input closed early", stdin: io.MultiReader(strings.NewReader("The US fired 59"), errReader{io.ErrUnexpectedEOF}), args: []string{"check", "-"}, code: exitError,
			stderr: `factcheck: -: read standard input: unexpected EOF\n`},
		{name: "standard input closed", stdin: closedFile(t), args: []string{"extract", "-"}, code: exitError,
			stderr: `factcheck: -: read standard input: file already closed\n`},
		{name: "200 MB on standard input", stdin: io.LimitReader(endless("The US fired 59 cruise missiles. "), 200<<20), args: []string{"check", "-"}, code: exitError,
			stderr: `factcheck: -: file too large: over the 16 MiB limit\n`},
		{name: "200 MB file", files: map[string]string{"big.txt": "200M"}, args: []string{"check", "big.txt"}, code: exitError,
			stderr: `factcheck: big\.txt: file too large: 209715200 bytes, over the 16 MiB limit\n`},

		// Flags.
		{name: "unknown flag", files: good, args: []string{"check", "--bogus", "a.txt"}, code: exitError,
			stderr: `factcheck: check: unknown flag: --bogus \(see 'factcheck check --help'\)\n`},
		{name: "unknown format", files: good, args: []string{"check", "--format", "xml", "a.txt"}, code: exitError,
			stderr: `factcheck: check: unknown --format "xml" \(want [a-z, ]+\)\n`},
		{name: "unknown extract format", files: good, args: []string{"extract", "--format", "yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: extract: unknown --format "yaml" \(want [a-z, ]+\)\n`},
		{name: "unknown command", args: []string{"verify", "a.txt"}, code: exitError,
			stderr: `factcheck: unknown command "verify" .*\n`},

		// Output.
		{name: "output in a missing directory", files: good, args: []string{"check", "-o", "nodir/report.txt", "a.txt"}, code: exitError,
			stderr: `factcheck: -o nodir/report\.txt: no such file or directory\n`},
		{name: "output under a file", files: good, args: []string{"extract", "-o", "a.txt/report.txt", "a.txt"}, code: exitError,
			stderr: `factcheck: -o a\.txt/report\.txt: not a directory\n`, unchanged: []string{"a.txt"}},
		{name: "output is a directory", files: with(map[string]string{"out/": ""}), args: []string{"check", "-o", "out", "a.txt"}, code: exitError,
			stderr: `factcheck: -o out: is a directory\n`},
		{name: "output is the input", files: good, args: []string{"check", "-o", "a.txt", "a.txt"}, code: exitError,
			stderr: `factcheck: -o a\.txt: is the input a\.txt; refusing to overwrite it\n`, unchanged: []string{"a.txt"}},
		{name: "output is an input in a directory", files: map[string]string{"dir/a.txt": goodArticle}, args: []string{"extract", "-o", "./dir/a.txt", "dir"}, code: exitError,
			stderr: `factcheck: -o \./dir/a\.txt: is the input dir/a\.txt; refusing to overwrite it\n`, unchanged: []string{"dir/a.txt"}},
		{name: "format output is the input", files: good, args: []string{"check", "--format", "json=a.txt", "a.txt"}, code: exitError,
			stderr: `factcheck: .*a\.txt.*refusing to overwrite it\n`, unchanged: []string{"a.txt"}},

		// Rules.
		{name: "rule YAML that does not parse", files: with(map[string]string{"bad-yaml.yaml": ruleBadYAML}), args: []string{"check", "--rules", "bad-yaml.yaml", "a.txt"}, code: exitError,
			stderr: `(?s)factcheck: bad-yaml\.yaml:\d+:\d+: .*`, caret: true},
		{name: "rule CEL that does not compile", files: with(map[string]string{"broken.yaml": ruleNoCompile}), args: []string{"check", "--rules", "broken.yaml", "a.txt"}, code: exitError,
			stderr: `(?s)factcheck: broken\.yaml:4:\d+: .*\n *\^\n`, caret: true},
		{name: "rule CEL that does not type-check", files: with(map[string]string{"typo.yaml": ruleNoTypeCheck}), args: []string{"check", "--rules", "typo.yaml", "a.txt"}, code: exitError,
			stderr: `(?s)factcheck: typo\.yaml:4:\d+: .*lox.*\n *\^\n`, caret: true},
		{name: "rule condition that is not a bool", files: with(map[string]string{"int.yaml": ruleNotBool}), args: []string{"check", "--rules", "int.yaml", "a.txt"}, code: exitError,
			stderr: `(?s)factcheck: int\.yaml:4:\d+: .*bool.*`, caret: true},
		{name: "rules that do not load fail before articles are read", files: map[string]string{"broken.yaml": ruleNoCompile}, args: []string{"check", "--rules", "broken.yaml", "nope.txt"}, code: exitError,
			stderr: `(?s)factcheck: broken\.yaml:4:\d+: .*`, caret: true},
		{name: "missing rules path", files: good, args: []string{"check", "--rules", "nope.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: .*nope\.yaml.*no such file or directory\n`},
		{name: "rule that fails at run time on one group", files: map[string]string{"fails.yaml": ruleFailsOnOne}, args: []string{"check", "--fail-on", "none", "--rules", "fails.yaml", "SEEDS"}, code: exitError,
			stderr: `factcheck: fails\.yaml: rule fails failed on missile_count: condition: index out of bounds: 1000\n`,
			stdout: "INFO precision: the death toll of the chemical attack"},
		{name: "rule over its cost limit", files: map[string]string{"costly.yaml": ruleCostly}, args: []string{"check", "--rules", "costly.yaml", "SEEDS"}, code: exitError,
			stderr: `factcheck: costly\.yaml: rule costly failed on missile_count: condition: .*cost limit exceeded\n`,
			stdout: "0 errors, 0 warnings, 1 info in 5 sources"},
		{name: "two rules fail at run time", files: map[string]string{"costly.yaml": ruleCostly, "fails.yaml": ruleFailsOnOne}, args: []string{"check", "--format", "json", "--rules", "costly.yaml", "--rules", "fails.yaml", "SEEDS"}, code: exitError,
			stderr: `factcheck: costly\.yaml: rule costly failed on missile_count: .*\nfactcheck: fails\.yaml: rule fails failed on missile_count: .*\n`,
			stdout: `"rule": "precision"`},

		// Lexicons.
		{name: "lexicon with an unknown key", files: with(map[string]string{"lex.yaml": "version: 1\nslots:\n  sunk:\n    kind: count\n    trigers: [sank]\n"}), args: []string{"check", "--lexicon", "lex.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: lex\.yaml:5:5: unknown key "trigers"\n`},
		{name: "lexicon with an empty trigger", files: with(map[string]string{"lex.yaml": "version: 1\nslots:\n  sunk:\n    kind: count\n    triggers: [\" - \"]\n"}), args: []string{"extract", "--lexicon", "lex.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: lex\.yaml:4:5: slot sunk: empty trigger\n`},
		{name: "lexicon with an unknown kind", files: with(map[string]string{"lex.yaml": "version: 1\nslots:\n  sunk:\n    kind: weight\n"}), args: []string{"check", "--lexicon", "lex.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: lex\.yaml:4:5: slot sunk: unknown kind "weight"\n`},
		{name: "lexicon with an uncompared category it does not define", files: with(map[string]string{"lex.yaml": "version: 1\nslots:\n  sunk:\n    kind: count\n    uncompared: [wrecks]\n"}), args: []string{"check", "--lexicon", "lex.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: lex\.yaml:4:5: slot sunk: uncompared category "wrecks" is not one of its categories\n`},
		{name: "lexicon of another version", files: with(map[string]string{"lex.yaml": "version: 2\n"}), args: []string{"check", "--lexicon", "lex.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: lex\.yaml:1:10: unsupported lexicon version 2 \(want 1\)\n`},
		{name: "lexicon YAML that does not parse", files: with(map[string]string{"lex.yaml": "version: 1\nslots: [\n"}), args: []string{"check", "--lexicon", "lex.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: lex\.yaml:\d+:\d+: .*\n`},
		{name: "missing lexicon", files: good, args: []string{"check", "--lexicon", "nope.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: .*nope\.yaml.*no such file or directory\n`},

		// Configuration.
		{name: "config with an unknown key", files: with(map[string]string{"fc.yaml": "version: 1\nfail-on: error\ncolour: red\n"}), args: []string{"check", "--config", "fc.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: fc\.yaml:3:1: unknown key "colour" .*\n`},
		{name: "config of another version", files: with(map[string]string{"fc.yaml": "version: 2\n"}), args: []string{"check", "--config", "fc.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: fc\.yaml:1:10: unsupported version 2 .*\n`},
		{name: "config without a version", files: with(map[string]string{"fc.yaml": "fail-on: warning\n"}), args: []string{"check", "--config", "fc.yaml", "a.txt"}, code: exitError,
			stderr: `factcheck: fc\.yaml:1:1: missing key "version".*\n`},
		{name: "config found above the input", files: map[string]string{"story/.factcheck.yaml": "version: 7\n", "story/a.txt": goodArticle}, args: []string{"check", "story"}, code: exitError,
			stderr: `factcheck: story/\.factcheck\.yaml:1:10: unsupported version 7 .*\n`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.skip != "" {
				t.Skip(tt.skip)
			}
			t.Chdir(t.TempDir())
			writeBadFiles(t, tt.files)
			before := map[string][]byte{}
			for _, f := range tt.unchanged {
				before[f], _ = os.ReadFile(f)
			}
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "SEEDS", seedsAbs)
			}
			code, stdout, stderr := runCLI(t, tt.stdin, args...)
			if code != tt.code {
				t.Errorf("factcheck %s: exit %d, want %d\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stderr)
			}
			checkStderr(t, stderr, tt.stderr, tt.caret)
			switch {
			case tt.stdout == "" && stdout != "":
				t.Errorf("stdout is not empty:\n%s", stdout)
			case !strings.Contains(stdout, tt.stdout):
				t.Errorf("stdout does not say %q:\n%s", tt.stdout, stdout)
			}
			for f, b := range before {
				if after, _ := os.ReadFile(f); !bytes.Equal(after, b) {
					t.Errorf("%s changed: %q, was %q", f, after, b)
				}
			}
			if entries, _ := filepath.Glob(".*.tmp"); len(entries) > 0 {
				t.Errorf("temporary files left behind: %v", entries)
			}
		})
	}
}

// checkStderr matches stderr against the regular expression want (the
// whole of it) and checks that it holds no stack trace and that each line
// is a "factcheck: " message, or with caret a rule's source line and caret.
func checkStderr(t *testing.T, stderr, want string, caret bool) {
	t.Helper()
	if want == "" {
		if stderr != "" {
			t.Errorf("unexpected stderr:\n%s", stderr)
		}
		return
	}
	if !regexp.MustCompile(`^(?:` + want + `)$`).MatchString(stderr) {
		t.Errorf("stderr does not match %s:\n%s", want, stderr)
	}
	if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
		t.Errorf("stderr reports a panic:\n%s", stderr)
	}
	if !strings.HasSuffix(stderr, "\n") {
		t.Errorf("stderr does not end in a newline: %q", stderr)
	}
	for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
		if !strings.HasPrefix(line, "factcheck: ") && !caret {
			t.Errorf("stderr line %q does not start \"factcheck: \"", line)
		}
	}
}

// writeBadFiles creates files (path → contents) in the working directory.
// A name ending in "/" is an empty directory; the contents "200M" make a
// sparse file of 200 MiB.
func writeBadFiles(t *testing.T, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(name, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if data == "200M" {
			f, err := os.Create(name)
			if err == nil {
				err = f.Truncate(200 << 20)
				f.Close()
			}
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// endless repeats s forever.
type endless string

func (s endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], s)
	}
	return n, nil
}

// closedFile returns a file that is already closed, as standard input is
// when the shell closes it (factcheck check - <&-).
func closedFile(t *testing.T) *os.File {
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	return f
}

// TestHugeFileNotRead checks that a file over the size limit is refused
// from its size, before it is read: a 200 MiB file costs no memory to
// speak of, and neither does a 200 MiB file on standard input.
func TestHugeFileNotRead(t *testing.T) {
	t.Chdir(t.TempDir())
	writeBadFiles(t, map[string]string{"big.txt": "200M"})
	for _, stdin := range []bool{false, true} {
		var in io.Reader
		args := []string{"check", "big.txt"}
		if stdin {
			f, err := os.Open("big.txt")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			in, args = f, []string{"check", "-"}
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		code, _, stderr := runCLI(t, in, args...)
		runtime.ReadMemStats(&after)
		if code != exitError || !strings.Contains(stderr, "file too large: 209715200 bytes, over the 16 MiB limit") {
			t.Errorf("factcheck %s: exit %d, stderr %q", strings.Join(args, " "), code, stderr)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
			t.Errorf("factcheck %s allocated %d MiB to refuse a file it need not read", strings.Join(args, " "), n>>20)
		}
	}
}

// TestLongLine runs check on 10 MB of news text on one line, with no
// newline and no full stop, as text and as HTML: it must work. Its time
// must be linear in the size (it took minutes before sentences and columns
// were bounded): the time of four times the text, measured in the same
// process, is checked against the time of the text, not against a clock.
func TestLongLine(t *testing.T) {
	size := 10 << 20
	if testing.Short() || raceEnabled {
		size = 1 << 20
	}
	const clause = "the US fired 59 cruise missiles and more than 80 people died, officials said on Tuesday, "
	line := func(n int) string { return strings.Repeat(clause, n/len(clause)+1)[:n] }
	t.Chdir(t.TempDir())
	writeBadFiles(t, map[string]string{"line.txt": line(size), "line.html": "<p>" + line(size),
		"small.txt": line(256 << 10), "large.txt": line(1 << 20)})
	for _, args := range [][]string{
		{"check", "--fail-on", "none", "line.txt"},
		{"check", "--fail-on", "none", "line.html"},
	} {
		code, stdout, stderr := runCLI(t, nil, args...)
		if code != exitOK {
			t.Errorf("factcheck %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		if !strings.Contains(stdout, " in 1 source") {
			t.Errorf("factcheck %s printed no summary", strings.Join(args, " "))
		}
	}
	// The fastest of five runs of each, the two taken in turn, so that a
	// pause or a busy spell of the machine does not decide.
	timed := func(file string) time.Duration {
		start := time.Now()
		runCLI(t, nil, "check", "--fail-on", "none", file)
		return time.Since(start)
	}
	small, large := time.Duration(math.MaxInt64), time.Duration(math.MaxInt64)
	for range 5 {
		small = min(small, timed("small.txt"))
		large = min(large, timed("large.txt"))
	}
	t.Logf("256 KiB on one line: %v; 1 MiB: %v (ratio %.1f)", small, large, float64(large)/float64(small))
	if large > 8*small {
		t.Errorf("four times the text took %.1f times as long (%v, %v): not linear", float64(large)/float64(small), small, large)
	}
}

// TestPanicIsOneLine checks that a panic whose value spans lines is still
// reported on one line, with exit code 2.
func TestPanicIsOneLine(t *testing.T) {
	code, stdout, stderr := runCLI(t, panicValueReader{errors.New("first line\nsecond line\n\tat somewhere")}, "check", "-")
	if code != exitError || stdout != "" || stderr != "factcheck: internal error: first line second line at somewhere (please report this bug)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// panicValueReader panics with its value when read.
type panicValueReader struct{ v any }

func (r panicValueReader) Read([]byte) (int, error) { panic(r.v) }
