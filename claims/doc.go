// Package claims is factcheck's vocabulary: the documents it reads, the claims
// it extracts from them, the groups of comparable claims and the findings rules
// report about those groups.
//
// It imports only the standard library. Nothing here knows about CEL, YAML or
// output formats; extraction lives in package extract, rule evaluation in
// package rules and formatting in package report.
//
// A Claim is one statement of a fact by one source. Its Value is an interval
// (see Value) so that "more than 80", "at least 87" and "dozens" can be
// compared with each other and with exact figures. Two claims are comparable
// only when their slot (what is stated: death_toll, missile_count …) and
// subject (whose or which one) agree; Key returns that grouping key and
// GroupClaims builds the groups.
package claims
