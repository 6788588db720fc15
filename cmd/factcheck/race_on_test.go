//go:build race

package main

// raceEnabled reports whether the race detector is on, which slows the
// tests that time factcheck on large input.
const raceEnabled = true
