// Command factcheck checks news articles for figures their sources
// disagree on.
//
// It reads several reports of the same story, pulls out the numeric and
// factual claims each one makes (a death toll, a number of missiles, the
// length of a meeting, a date …), lines up the claims that state the same
// thing about the same subject, and runs rules that flag where the sources
// disagree. It prints a table, JSON, SARIF, GitHub annotations, Markdown or
// an HTML page and exits non-zero when a finding reaches the chosen
// severity, so a CI job can fail on it.
//
// Usage:
//
//	factcheck check [flags] PATH...
//	factcheck extract [flags] PATH...
//	factcheck rules list|lint|test [flags] [PATH...]
//	factcheck explain [flags] ID
//	factcheck config print [flags] [PATH...]
//	factcheck version
//
// A PATH is an article file, a directory (its .txt, .md, .markdown, .html
// and .htm files, found recursively and read in path order; names starting
// with "." are skipped) or - for standard input. Plain text and Markdown are
// read as they are; a first line that is a bare URL is taken as the
// article's address, not its text. HTML is reduced to its visible text, and
// every position still points into the original file. A file ending in
// .jsonl is a feed, one article per line: {"id", "text", and optionally
// "published", "story", "title", "url"}; the record's id is its source and
// positions are in its text; claims are compared only within a story.
//
// # check
//
// check reports where the sources' claims disagree: for each finding, the
// rule, the severity, what is stated about whom, a message, and the quoted
// evidence with file:line:col.
//
//	--format FORMAT[=FILE]
//	                     output format: table (default), line, json, sarif,
//	                     github, markdown or html; FORMAT=FILE writes it to
//	                     FILE, whole or not at all. Repeatable: --format
//	                     table --format sarif=out.sarif
//	--rules PATH         also run the rules in PATH, a rule file or a
//	                     directory of them; repeatable. The built-in rules
//	                     always run.
//	--lexicon FILE       add or replace slots with a lexicon YAML file;
//	                     repeatable
//	--fail-on LEVEL      exit 1 when a finding is at or above LEVEL: error
//	                     (default), warning, info, or none to always exit 0;
//	                     the configuration file's fail-on is the default
//	--config FILE        read this configuration file instead of the
//	                     .factcheck.yaml found above the first PATH
//	--no-config          read no configuration file
//	--date YYYY-MM-DD    resolve relative dates ("Wednesday") against this
//	                     date when an article gives none of its own
//	--min-severity LEVEL show only findings at or above LEVEL: error,
//	                     warning or info (default, all)
//	--baseline FILE      show only findings whose fingerprint is not in FILE,
//	                     an earlier check --format json report
//	--ignore FILE        accept the findings FILE lists, each with a reason
//	                     (default: .factcheck-ignore.yaml next to the inputs)
//	-o FILE              write the format that has no =FILE of its own to
//	                     FILE instead of standard output; FILE may not be one
//	                     of the inputs
//	--input-format auto|jsonl
//	                     auto (default): read inputs by their names; jsonl:
//	                     every file and standard input is a JSONL feed, and
//	                     a directory gives its .jsonl files
//
// Rules are loaded and compiled before any article is read, so a broken
// rule fails at once, with file:line:col and a caret under the mistake.
// check lists only the claims a slot claimed.
//
// # extract
//
// extract lists the claims it reads from the articles: what is stated
// (slot), about whom (subject), the value as an interval, the unit, and the
// quoted text with file:line:col.
//
//	--format table|json|jsonl  output format (default table); jsonl writes
//	                           one claim object per line, a batch of
//	                           articles at a time as it reads them
//	--all                      also list quantities no slot claimed, with
//	                           empty slot and subject
//	--lexicon FILE, --date YYYY-MM-DD, -o FILE, --input-format  as for check
//
// # rules, explain and config
//
// These load rules as check does: the built-in pack, the rules the
// configuration file names, then --rules (or the PATH arguments), a later
// rule replacing an earlier one of the same id.
//
//	rules list            the rules check runs: id, severity after the
//	                      configuration ("off" for one it turns off), title,
//	                      file
//	rules lint [PATH...]  load and type-check only; exit 2 with every
//	                      problem as file:line:col, the line and a caret
//	rules test [PATH...]  run the rules' tests (<id>.test.yaml) with the
//	                      rules' own params; one line per case and
//	                      "N passed, N failed, N skipped"; exit 1 when a
//	                      case fails or a rule has no tests, 2 when a rule
//	                      or test file does not load
//	explain ID            a rule's documentation, params and the examples
//	                      of its test file, run
//	config print [PATH...]  every setting, its value and where it came
//	                      from: built-in, file:line:col of the
//	                      configuration file, or a flag
//
// Without PATH, lint and test check the built-in pack and the configured
// rules.
//
// # Configuration
//
// .factcheck.yaml, found by searching upward from the first input (from
// the working directory for standard input and the rules commands), or
// named with --config, sets defaults; flags override it. It needs
// version: 1; its keys are rules and lexicons (paths relative to the
// file), fail-on, and rule.ID.severity (error, warning, info or off),
// rule.ID.params and rule.ID.reason. Unknown keys and values are errors
// with file:line:col (exit 2). docs/rules.md describes it.
//
// # Output
//
// The JSON output is a versioned contract (version 1), described field by
// field in the README, as are the other formats (see also package report).
// Every format is deterministic: the same input gives the same bytes.
// --min-severity decides what is shown, --fail-on what sets the exit code;
// accepted findings and those in the baseline never do. When standard
// error is a terminal, check shows its progress there.
//
// # Exit status
//
//	0  nothing at or above --fail-on
//	1  findings at or above --fail-on
//	2  a usage, configuration, lexicon, rule or input error (a missing,
//	   empty, binary, non-UTF-8 or too large file, a directory without
//	   articles), or a rule that fails at run time
//
// Errors are one line on standard error starting "factcheck: ", naming the
// file and, where there is one, the line and column.
package main
