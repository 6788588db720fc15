// Package rules loads factcheck's rules, type-checks their CEL expressions
// once, and evaluates them on groups of comparable claims. This comment is
// the manual for rule authors; docs/rules.md holds the same reference with a
// worked example.
//
// # Rule files
//
// A rule is a YAML file, one rule per file. The file's base name without
// ".yaml" is the rule's id, its stable name in findings and in
// configuration: rules.d/conflict.yaml is rule conflict. Ids are lower-case
// letters, digits, '-' and '_'. Files ending in .test.yaml are rule tests,
// not rules.
//
//	title: Sources give values that cannot both be true   # one line; required
//	description: |                                         # the rule's documentation
//	  Two sources state values for the same slot and subject that ...
//	severity: error                                        # error, warning or info; required
//	since: v0.1.0                                          # optional
//	when:                                                  # optional; an empty list admits all
//	  slots: [death_toll, injured_count]
//	  kinds: [count]        # count money duration date time percent measure ordinal text
//	  units: [people]
//	  min_sources: 2        # claims of at least two sources in the group
//	params:                                                # optional; defaults, overridable
//	  tolerance: 0.05
//	condition: has_conflict(claims)                        # CEL, bool; required
//	evidence: conflicting(claims)                          # CEL, list of claims; optional
//	message: sources disagree                              # static text
//	messageExpression: group.about + ": " + ...            # CEL, string; optional
//
// A rule needs message or messageExpression (or both). Unknown keys are an
// error. A rule looks at one group at a time: the claims of one story with
// the same slot and subject (see claims.Group). It fires on a group when
// its condition is true, and the finding reports the group's key, the
// rule's severity, the message and the evidence claims.
//
//   - evidence lists the claims that are the finding's evidence. Without
//     it, the evidence is every claim of the group. The claims are reported
//     once each, in the group's order; a claim that is not one of the
//     group's is an error.
//   - messageExpression computes the message. If it fails at run time the
//     static message is used (and if there is none, the title).
//   - params are named defaults: a number with a point or exponent is a
//     double, one without an int, and true/false and strings are
//     themselves. A rule reads them as params.name; a configuration sets
//     them with (*Set).SetParam, keeping the type.
//
// # The CEL environment
//
// Every expression is compiled in one typed environment (cel.dev/cel-go)
// and type-checked when the rule is loaded: a misspelt field or variable,
// a function applied to the wrong types or a condition that is not a bool
// is a load error with the file, line and column.
//
// Variables:
//
//	group    factcheck.Group   the group the rule is looking at
//	claims   list(factcheck.Claim)   shorthand for group.claims
//	params.NAME               the rule's parameters
//
// factcheck.Group has the fields story, slot, subject, kind, unit (strings:
// the group's key, and the kind and unit of its first claim), about (what
// the figures are about in words, built from the frame the claims share,
// or from the slot and subject: "the death toll of the chemical attack",
// "Pogba's wage, per week"; see claims.Frame.About), claims, and
// story_sources (int): the number of sources with a claim in any group of
// the same story being evaluated, so that a rule can tell one source of
// five from the only article checked. The built-in rules start their
// messages with group.about, and a finding carries it (claims.Finding
// About) for the report's headings.
//
// factcheck.Claim has these fields:
//
//	id, source, story, kind, slot, subject   string   who said what about what
//	lo, hi             double   the interval's ends, -inf/+inf when unbounded
//	has_lo, has_hi     bool     whether lo, hi are finite
//	lo_open, hi_open   bool     whether the end is excluded ("more than 80": lo 80, lo_open)
//	approx             bool     a hedged figure ("about 60")
//	tol                double   an approximate figure's tolerance, a fraction of it
//	vague              bool     a vague quantity ("dozens") with a conventional range
//	mid                double   the representative figure: midpoint of a bounded
//	                            interval, else its finite end, else 0
//	date               string   ISO date of a date or time claim ("2017-04-04",
//	                            "2017-04", "--04-04", "22:08", "A/B")
//	text               string   the value of a text claim ("China")
//	unit               string   normalised unit (people, s, USD, percent …)
//	quote              string   the evidence as it stands in the source
//	sentence           string   the sentence it was read from
//	qualifier          string   the hedge or bound as written ("more than")
//	attribution        string   who the text says gave the figure
//	published          string   the source's publication date, if known
//	offset, line, col  int      where the claim is in its source
//	superseded         bool     the text itself calls the figure earlier or replaced
//
// Dates carry lo and hi as days since 1970-01-01 (first and last day) when
// the year is known, and are unbounded otherwise; text claims are
// unbounded and carry text.
//
// The standard CEL functions and macros are there (size, has, all, exists,
// exists_one, map, filter, string(), int(), double() …), cross-type numeric
// comparisons (spread(claims) > 0 compares a double with an int), and the
// cel-go extensions strings (join, split, lowerAscii, replace, format …),
// lists (slice, sortBy, distinct, flatten, reverse …), math
// (math.greatest, math.least, math.abs, math.round …), sets
// (sets.contains, sets.intersects …) and bindings (cel.bind).
//
// # Interval functions
//
// These do the interval work in Go. A group may hold thousands of claims:
// use them rather than comparing claims pairwise in CEL, which the cost
// limit (below) stops.
//
//	overlaps(a, b) bool
//	    a and b can both be true: claims.Overlaps, the intervals after each
//	    claim's tolerance share a point, open ends excluded; text values
//	    overlap when equal, and a text value never overlaps a number.
//	within(a, b, tol) bool
//	    the representative figures (mid) differ by at most tol times the
//	    larger; text values when equal; a value unbounded on both sides is
//	    within anything.
//	conflicts(list) list(list(factcheck.Claim))
//	    pairs [a, b] (a before b in the list) of claims from different
//	    sources that cannot both be true, superseded claims left out. Each
//	    claim is paired with at most one other, so there are at most as
//	    many pairs as claims, ordered by their first and second claims:
//	    a number with the number closest to it that it conflicts with
//	    (the earlier at a tie), a text with the first claim from another
//	    source of the first-mentioned other text that has one. A pair
//	    that says again what an earlier one says (the same two values
//	    from the same two sources) is left out.
//	conflicting(list) list(factcheck.Claim)
//	    the claims, in list order, in at least one conflict with a claim
//	    of another source (superseded claims left out).
//	has_conflict(list) bool
//	    whether conflicting(list) is not empty.
//	spread(list) double
//	    (max - min) / max(|max|, |min|) over the mid of the numeric claims
//	    with a finite end; 0 with fewer than two figures.
//	consensus(list) factcheck.Consensus
//	    the largest set of claims that can all be true together, found by
//	    sweeping interval ends (the leftmost such set at a tie), and the
//	    intersection of their intervals; for text claims (when there are
//	    no numeric ones) the most common text, the first mentioned at a tie.
//	    Fields: lo, hi, has_lo, has_hi, lo_open, hi_open, text, count (the
//	    claims that agree), total (the claims considered), claims (those
//	    that agree).
//	sources(list) int
//	    the number of distinct sources.
//	unique_values(list) list(factcheck.Claim)
//	    the first claim stating each distinct value, in list order.
//	show(claim) string, show(consensus) string
//	    the value as a newspaper writes it, in the unit and currency of
//	    the text (claims.FormatValue): "59", "about 60", "more than 80",
//	    "at least 87", "up to 10", "between 20,000 and 25,000", "2%",
//	    "€105m", "£230,000 a week", "29 years", "21.4 °C (70.5 °F)",
//	    "4 April 2017", a text. A consensus is written in the group's unit.
//	outdated(list) list(list(factcheck.Claim))
//	    pairs [old, newer], in the order of old, where old is a figure
//	    another source shows to be outdated rather than wrong: the two
//	    cannot both be true, come from different sources, and either
//	    newer's text calls old's figure earlier (its source also gives a
//	    superseded claim old agrees with) or newer's source was published
//	    on a later day, newer's figure is the higher and both are running
//	    figures (kinds count, money, measure, percent; not dates, times,
//	    durations, ranks or texts).
//	    Publication days are the YYYY-MM-DD a published value starts with;
//	    a claim without one is neither earlier nor later.
//	current(list) list(factcheck.Claim)
//	    the claims neither superseded nor outdated, in list order.
//	text_conflicts(list) list(list(factcheck.Claim))
//	    pairs [a, b] of text claims of two sources whose normalized text
//	    values have none in common: for each source in order of first
//	    mention, its first text claim and the first text claim of the
//	    first source it shares no value with; each pair once, sorted. A
//	    source that names fewer values than another is not contradicted.
//	normalize(string) string
//	    text as it is compared: lower case, accents folded, apostrophes and
//	    full stops dropped ("U.S." is "us"), other punctuation and spacing
//	    one space, a leading "the" dropped.
//
// All of them but overlaps, within, show and normalize leave superseded
// claims out. The conflict analysis and the update analysis (outdated,
// current) of a group's own claims are computed once per group and shared
// by every rule; on any other list (a filter, say) they cost time linear
// in the list's size (O(n log n) for the update analysis, plus O(n·k) for
// k superseded claims).
//
// # Limits and errors
//
// Every evaluation of an expression has a cost limit (DefaultCostLimit,
// set with (*Set).SetCostLimit); the interval functions cost the size of
// their list. A rule that exceeds it, or fails in any other way on a
// group (a division by zero, an index out of range), is recorded with its
// id and the group, and evaluation goes on with the other rules and
// groups: Evaluate returns the findings together with an *EvalError.
//
// Loading reports every problem in every file at once, as a *LoadError:
// each problem is "file:line:col: message", then the offending line and a
// caret under the column. CEL errors are placed within the expression,
// whichever YAML scalar style holds it (plain, quoted, | or >). YAML
// syntax errors give the line yaml.v3 reports and the column of its first
// non-blank character, as yaml.v3 does not report one.
//
// # Rule tests
//
// Each rule has a test file beside it, <id>.test.yaml, with cases that
// must fire and cases that must not:
//
//	cases:
//	  - name: exact figures that differ conflict
//	    fire: true                 # must fire (false: must not)
//	    slot: death_toll           # defaults for the claims: story, slot,
//	    subject: chemical attack   # subject, kind, unit
//	    message: "death_toll (chemical attack): 59 (a.txt) vs 95 (b.txt)"  # optional
//	    evidence: [c1, c2]         # optional: the evidence claims' ids
//	    params: {tolerance: 0.1}   # optional overrides
//	    claims:
//	      - {source: a.txt, value: "59"}
//	      - {source: b.txt, value: "95"}
//	  - name: not decided yet
//	    todo: why                  # skipped
//
// A claim needs a source and exactly one of value, lo/hi, date or text.
// Its other fields are those of factcheck.Claim: id (default c1, c2 … in
// order), story, slot, subject, kind, unit, lo_open, hi_open, approx, tol,
// vague, quote, sentence, qualifier, attribution, published, offset
// (default: the claim's position), superseded, and frame, a mapping of
// claims.Frame's parts by their JSON names ({unit: month, per: week,
// owner: Pogba, counts: wage …}). A case's claims are grouped
// by story, slot and subject, so one case can hold several groups; the
// case fires when the rule fires on any of them. Defaults: the slot, kind
// and unit are the first of the rule's when lists, else slot "test", kind
// count (date with date:, text with text:) and no unit.
//
// value has a compact syntax (see ParseValue): "59", "~60" (about 60,
// tolerance 5%), ">80", ">=87", "<3", "<=10", "20..25", "(20..25]",
// "~20..25", "any". Flags given beside it (approx, tol, vague, lo_open,
// hi_open) apply on top; approx: true without tol means a tolerance of 5%.
//
// RunTests and RunTestPaths run them; `factcheck rules test` and go test
// both use them. Every rule must have a test file with at least one case
// that must fire and one that must not.
//
// # Overriding rules
//
// LoadFS and LoadPaths load a set of rules; within one load, two files
// may not define the same id. (*Set).Add merges sets, and a rule of the
// added set replaces the rule with the same id: load the built-in pack,
// then Add the user's rules, and a user's rules.d/conflict.yaml replaces
// the built-in conflict.
package rules
