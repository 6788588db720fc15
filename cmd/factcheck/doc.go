// Command factcheck checks news articles for figures their sources
// disagree on.
//
// It reads several reports of the same story, pulls out the numeric and
// factual claims each one makes (a death toll, a number of missiles, the
// length of a meeting, a date …), lines up the claims that state the same
// thing about the same subject, and runs rules that flag where the sources
// disagree. It prints a table or JSON and exits non-zero when a finding
// reaches the chosen severity, so a CI job can fail on it.
//
// Usage:
//
//	factcheck check [flags] PATH...
//	factcheck extract [flags] PATH...
//	factcheck version
//
// A PATH is an article file, a directory (its .txt, .md, .markdown, .html
// and .htm files, found recursively and read in path order; names starting
// with "." are skipped) or - for standard input. Plain text and Markdown are
// read as they are; a first line that is a bare URL is taken as the
// article's address, not its text. HTML is reduced to its visible text, and
// every position still points into the original file.
//
// # check
//
// check reports where the sources' claims disagree: for each finding, the
// rule, the severity, what is stated about whom, a message, and the quoted
// evidence with file:line:col.
//
//	--format table|json  output format (default table)
//	--rules PATH         also run the rules in PATH, a rule file or a
//	                     directory of them; repeatable. The built-in rules
//	                     always run.
//	--lexicon FILE       add or replace slots with a lexicon YAML file;
//	                     repeatable
//	--fail-on LEVEL      exit 1 when a finding is at or above LEVEL: error
//	                     (default), warning, info, or none to always exit 0
//	--date YYYY-MM-DD    resolve relative dates ("Wednesday") against this
//	                     date when an article gives none of its own
//	-o FILE              write the report to FILE instead of standard output,
//	                     whole or not at all; FILE may not be one of the
//	                     inputs
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
//	                           one claim object per line
//	--all                      also list quantities no slot claimed, with
//	                           empty slot and subject
//	--lexicon FILE, --date YYYY-MM-DD, -o FILE  as for check
//
// # Output
//
// The JSON output is a versioned contract (version 1), described field by
// field in the README. Every format is deterministic: the same input gives
// the same bytes.
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
