package extract

import "testing"

func TestIsReport(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"html page", "<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"factcheck-report\">", true},
		{"markdown", "<!-- factcheck-report: written by factcheck check, not an article -->\n## factcheck: 1 error", true},
		{"json", "{\n  \"version\": 1,\n  \"sources\": [\n", true},
		{"sarif", "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [{\"tool\": {\"driver\": {\"name\": \"factcheck\"}}}]}", true},
		{"table", "ERROR conflict: death_toll: 3 vs 5\n┌──┐\n└──┘\n\n1 error, 0 warnings, 2 info in 3 sources\n", true},
		{"table with omissions", "no findings\n0 errors, 0 warnings, 0 info in 1 source; not shown: 2 in the baseline\n", true},
		{"extract table", "┌──┐\n└──┘\n12 claims in 3 sources\n", true},
		{"line", "a.txt:3:14: error conflict: death_toll (fire): 3 vs 5\nb.txt:1:1: info precision: x\n", true},
		{"github", "::error file=a.txt,line=3,col=14::death_toll 3 vs 5\n::notice file=b.txt::x\n", true},
		{"article", "A fire killed three workers on Tuesday, officials said.\n", false},
		{"article of one summary-like line", "3 claims in 2 sources\n", false},
		{"json article", "{\"text\": \"A fire killed three\"}", false},
		{"an article that mentions an error", "Officials said one error: the count was wrong.\n", false},
	}
	for _, tt := range tests {
		if got := IsReport([]byte(tt.text)); got != tt.want {
			t.Errorf("%s: IsReport = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestExcludeMatch(t *testing.T) {
	tests := []struct {
		patterns []string
		root, p  string
		want     bool
	}{
		{[]string{"*.html"}, "in", "in/wires/report.html", true},
		{[]string{"*.html"}, "in", "in/wires/report.htm", false},
		{[]string{"drafts"}, "in", "in/drafts", true},
		{[]string{"drafts"}, "in", "in/wires/drafts", true},
		{[]string{"wires/*"}, "in", "in/wires/a.txt", true},
		{[]string{"wires/*"}, "in", "in/wires/old/a.txt", false},
		{[]string{"wires/**/old-*"}, "in", "in/wires/2024/old-a.txt", true},
		{[]string{"./wires/a.txt"}, "in", "in/wires/a.txt", true},
		{[]string{"{a,b}.txt"}, "", "x/b.txt", true},
		{[]string{"a.txt"}, "", "x/b.txt", false},
		{nil, "", "x/b.txt", false},
	}
	for _, tt := range tests {
		e, err := NewExclude(tt.patterns)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Match(tt.root, tt.p); got != tt.want {
			t.Errorf("%v matches %s under %q = %v, want %v", tt.patterns, tt.p, tt.root, got, tt.want)
		}
	}
	for _, bad := range []string{"[a-", ""} {
		if _, err := NewExclude([]string{bad}); err == nil {
			t.Errorf("NewExclude(%q): no error", bad)
		}
	}
}
