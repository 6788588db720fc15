// Package claims is factcheck's vocabulary: the documents it reads, the claims
// it extracts from them, the groups of comparable claims and the findings rules
// report about those groups.
//
// It imports only the standard library. Nothing here knows about CEL, YAML or
// output formats; extraction lives in package extract, rule evaluation in
// package rules and output formats in package report. What every format
// and rule message shares is here: FormatValue writes a value as a
// newspaper writes the figure ("€105m", "£230,000 a week", "29 years",
// "21.4 °C (70.5 °F)", "more than 80"), and Frame.About says in words
// what a figure is about ("the death toll of the chemical attack").
//
// A Claim is one statement of a fact by one source. Its Value is an interval
// (see Value) so that "more than 80", "at least 87" and "dozens" can be
// compared with each other and with exact figures. Two claims are comparable
// only when their slot (what is stated: death_toll, missile_count …) and
// subject (whose or which one) agree; Key returns that grouping key and
// GroupClaims builds the groups.
package claims
