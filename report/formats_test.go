package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/claims"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// articles is a run over two real documents, so that end positions, raw
// snippets and the HTML page's marks can be checked: a.txt says 72 people
// died, b.md says more than 80 and, in a superseded figure, 20; a.txt's
// text is full of markup that every format must escape.
func articles() *Result {
	a := &claims.Document{
		Source: "wires/a.txt", Title: "Strike <kills>",
		Raw: []byte("Headline & <b>tag</b>\nOfficials said 72 people died | @reporter *bold* [x](y) 100%\r\nMore.\n"),
	}
	a.Text = string(a.Raw)
	b := &claims.Document{
		Source: "/abs/dir/b c.md",
		Raw:    []byte("Initial reports: 20 dead.\nMore than 80 people died, said the \u00e9tat.\n"),
	}
	b.Text = string(b.Raw)
	claim := func(id string, d *claims.Document, text string, v claims.Value) *claims.Claim {
		off := strings.Index(d.Text, text)
		if off < 0 {
			panic(text)
		}
		line, col := d.Position(off)
		sent := d.Text[strings.LastIndex(d.Text[:off], "\n")+1:]
		sent, _, _ = strings.Cut(sent, "\n")
		return &claims.Claim{
			ID: id, Source: d.Source, Kind: claims.KindCount, Slot: "death_toll", Subject: "strike",
			Value: v, Unit: "people", Text: text, Offset: off, Sentence: sent,
			Span: claims.Span{Start: off, End: off + len(text), Line: line, Col: col},
		}
	}
	c1 := claim("c1", a, "72 people", claims.Exact(72))
	c1.Attribution = "Officials"
	c2 := claim("c2", b, "20", claims.Exact(20))
	c2.Superseded = true
	c3 := claim("c3", b, "More than 80 people", claims.Value{Lo: 80, Hi: inf, LoOpen: true})
	c4 := claim("c4", b, "80 people", claims.Value{Lo: 80, Hi: 80}) // overlaps c3
	g := &claims.Group{Key: claims.Key{Slot: "death_toll", Subject: "strike"}, Kind: claims.KindCount, Unit: "people", Claims: []*claims.Claim{c1, c2, c3, c4}}
	return &Result{
		Docs:   []*claims.Document{a, b},
		Claims: []*claims.Claim{c1, c2, c3, c4},
		Groups: []*claims.Group{g},
		Findings: []*claims.Finding{
			{Rule: "precision", Severity: claims.SeverityInfo, Slot: "death_toll", Subject: "strike", Message: "death_toll (strike): differ <in> precision", Claims: []*claims.Claim{c3, c4}},
			{Rule: "conflict", Severity: claims.SeverityError, Slot: "death_toll", Subject: "strike", Message: "death_toll (strike): 72 (wires/a.txt) vs more than 80 (b c.md)", Claims: []*claims.Claim{c1, c3}},
			{Rule: "no-evidence", Severity: claims.SeverityWarning, Slot: "death_toll", Subject: "strike", Message: "100% sure,\nmaybe: not"},
		},
		Rules: []RuleInfo{
			{ID: "conflict", Title: "Sources disagree", Description: "Two sources state values\nthat cannot both hold.\n\nSecond paragraph.\n", Severity: claims.SeverityError},
			{ID: "precision", Title: "Precision differs", Severity: claims.SeverityInfo},
			{ID: "unused", Title: "Never fires", Severity: claims.SeverityWarning},
		},
	}
}

func rendered(t *testing.T, format string, r *Result) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, format, r); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.String()
}

func TestFormatsAreDeterministic(t *testing.T) {
	for _, format := range Formats {
		a, b := rendered(t, format, articles()), rendered(t, format, articles())
		if a != b {
			t.Errorf("%s: two renderings of one result differ", format)
		}
		// The findings' order in the input does not matter.
		r := articles()
		r.Findings[0], r.Findings[2] = r.Findings[2], r.Findings[0]
		if c := rendered(t, format, r); c != a {
			t.Errorf("%s: the output depends on the findings' input order", format)
		}
	}
}

// TestDerivedValueShown checks that every format tells the reader when a
// figure in a finding is worked out rather than written.
func TestDerivedValueShown(t *testing.T) {
	r := articles()
	r.Claims[0].Derived = "73 - 1"
	for _, format := range Formats {
		if format == "line" {
			continue // one line per finding: its message, no evidence
		}
		want := "worked out: 73 - 1"
		if format == "json" {
			want = `"derived": "73 - 1"`
		}
		if out := rendered(t, format, r); !strings.Contains(out, want) {
			t.Errorf("%s: no %q in\n%s", format, want, out)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", articles())
	if err == nil || !strings.Contains(err.Error(), "table, line, json, sarif, github, markdown or html") {
		t.Errorf("Write xml: %v", err)
	}
}

func TestFingerprint(t *testing.T) {
	r := articles()
	f := r.Findings[1]
	fp := Fingerprint(f)
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(fp) {
		t.Fatalf("Fingerprint = %q", fp)
	}
	same := func(what string, g *claims.Finding) {
		t.Helper()
		if got := Fingerprint(g); got != fp {
			t.Errorf("%s changed the fingerprint", what)
		}
	}
	differ := func(what string, g *claims.Finding) {
		t.Helper()
		if got := Fingerprint(g); got == fp {
			t.Errorf("%s did not change the fingerprint", what)
		}
	}
	moved := func(c *claims.Claim) *claims.Claim {
		d := *c
		d.Source, d.Text, d.Offset = "renamed/"+c.Source, "seventy-two people", c.Offset+100
		d.Span = claims.Span{Start: c.Span.Start + 100, End: c.Span.End + 120, Line: c.Span.Line + 3, Col: 1}
		return &d
	}
	g := *f
	g.Claims = []*claims.Claim{f.Claims[1], f.Claims[0]}
	same("reordering the evidence", &g)
	g.Claims = []*claims.Claim{moved(f.Claims[0]), moved(f.Claims[1])}
	same("moving and renaming the evidence", &g)
	g.Claims = append(slicesClone(f.Claims), moved(f.Claims[0]))
	same("another source repeating a value", &g)
	g.Message = "another message"
	same("a new message", &g)

	g = *f
	c := *f.Claims[0]
	c.Value = claims.Exact(73)
	g.Claims = []*claims.Claim{&c, f.Claims[1]}
	differ("another value", &g)
	g = *f
	g.Rule = "other"
	differ("another rule", &g)
	g = *f
	g.Subject = "other"
	differ("another subject", &g)
	g = *f
	g.Story = "other"
	differ("another story", &g)
}

func slicesClone(cs []*claims.Claim) []*claims.Claim { return append([]*claims.Claim(nil), cs...) }

func TestSelect(t *testing.T) {
	r := articles()
	base := map[string]bool{Fingerprint(r.Findings[1]): true}
	r.Select(claims.SeverityWarning, base)
	if len(r.Findings) != 1 || r.Findings[0].Rule != "no-evidence" {
		t.Errorf("Select kept %v", r.Findings)
	}
	if r.Omitted != (Omitted{BelowMinSeverity: 1, InBaseline: 1}) {
		t.Errorf("Omitted = %+v", r.Omitted)
	}
	want := "0 errors, 1 warning, 0 info in 2 sources; not shown: 1 below the minimum severity, 1 in the baseline"
	if got := summaryLine(r); got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[0]): "known"}
	var b bytes.Buffer
	if err := JSON(&b, r, true); err != nil {
		t.Fatal(err)
	}
	fps, err := ReadBaseline(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(fps) != 3 {
		t.Errorf("baseline has %d fingerprints, want 3", len(fps))
	}
	for _, f := range r.Findings {
		if !fps[Fingerprint(f)] {
			t.Errorf("baseline lacks %s's fingerprint", f.Rule)
		}
	}
	var out struct {
		Findings []map[string]any
	}
	json.Unmarshal([]byte(rendered(t, "json", r)), &out)
	for _, f := range out.Findings {
		acc, ok := f["accepted"]
		if (f["rule"] == "precision") != ok {
			t.Errorf("finding %v: accepted = %v", f["rule"], acc)
		}
		if ok && !equalJSON(acc, map[string]any{"reason": "known"}) {
			t.Errorf("accepted = %v", acc)
		}
	}
}

func TestReadBaselineErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"version": 1, "findings": [{"rule": "x"}]}`, "finding 1 has no fingerprint"},
		{`{"version": 2, "findings": []}`, "JSON output version 2; want 1"},
		{`{"version": 1, "sources": [], "claims": []}`, "has no findings list"},
		{`{"runs": []}`, "no version"},
		{"{\n\"version\": 1,\n,}", "line 3: not a factcheck JSON report"},
		{``, "not a factcheck JSON report"},
	}
	for _, tt := range tests {
		_, err := ReadBaseline(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadBaseline(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
	fps, err := ReadBaseline(strings.NewReader(`{"version": 1, "findings": []}`))
	if err != nil || len(fps) != 0 {
		t.Errorf("empty baseline: %v, %v", fps, err)
	}
}

func TestParseIgnore(t *testing.T) {
	got, err := ParseIgnore([]byte("# reviewed\n- fingerprint: 0123456789abcdef\n  reason: the wire was corrected later\n- {fingerprint: fedcba9876543210, reason: \"satire\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"0123456789abcdef": "the wire was corrected later", "fedcba9876543210": "satire"}
	if !equalJSON(got, want) {
		t.Errorf("ParseIgnore = %v, want %v", got, want)
	}
	if got, err := ParseIgnore([]byte("# nothing accepted yet\n")); err != nil || len(got) != 0 {
		t.Errorf("empty file: %v, %v", got, err)
	}
	bad := []struct{ in, want string }{
		{"- fingerprint: 0123456789abcdef\n", "1:3: entry for 0123456789abcdef has no reason"},
		{"- fingerprint: 0123456789abcdef\n  reason: \"  \"\n", "1:3: entry for 0123456789abcdef has no reason"},
		{"- reason: why\n", "1:3: entry has no fingerprint"},
		{"- fingerprint: 0123\n  reason: short\n", `1:16: fingerprint "0123" is not 16 lower-case hexadecimal digits`},
		{"- fingerprint: 0123456789abcdef\n  reason: r\n  note: x\n", `3:3: unknown field "note"`},
		{"- fingerprint: 0123456789abcdef\n  reason: r\n- fingerprint: 0123456789abcdef\n  reason: s\n", "3:16: fingerprint 0123456789abcdef is already accepted on line 1"},
		{"fingerprint: 0123456789abcdef\n", "1:1: want a list of entries"},
		{"- just a string\n", "1:3: want an entry"},
		{"- fingerprint: [a]\n  reason: r\n", "1:16: fingerprint: want a string"},
		{"- fingerprint: 0123456789abcdef\n reason: r\n", "1:1: did not find expected"},
	}
	for _, tt := range bad {
		_, err := ParseIgnore([]byte(tt.in))
		var ie *IgnoreError
		if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseIgnore(%q) = %v, want %q…", tt.in, err, tt.want)
		}
	}
}

func TestLine(t *testing.T) {
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[0]): "reviewed\nby the desk"}
	want := `wires/a.txt:2:16: error conflict: the death toll of the strike: 72 (wires/a.txt) vs more than 80 (b c.md) [5892e4cb674aa4e4]
warning no-evidence: the death toll of the strike: 100% sure, maybe: not [6fd61492f6b40b1e]
/abs/dir/b c.md:2:1: info precision: the death toll of the strike: differ <in> precision [6567ba0707d4880f] (accepted: reviewed by the desk)
`
	if got := rendered(t, "line", r); got != want {
		t.Errorf("Line:\n%s\nwant:\n%s", got, want)
	}
}

func TestGitHub(t *testing.T) {
	got := rendered(t, "github", articles())
	want := "::error file=wires/a.txt,line=2,col=16,endLine=2,endColumn=25,title=factcheck conflict%3A the death toll of the strike::" +
		"72 (wires/a.txt) vs more than 80 (b c.md)%0Awires/a.txt:2:16 \"72 people\" = 72, according to Officials%0A/abs/dir/b c.md:2:1 \"More than 80 people\" = more than 80\n" +
		"::warning title=factcheck no-evidence%3A the death toll of the strike::100%25 sure, maybe: not\n" +
		"::notice file=/abs/dir/b c.md,line=2,col=1,endLine=2,endColumn=20,title=factcheck precision%3A the death toll of the strike::" +
		"differ <in> precision%0A/abs/dir/b c.md:2:1 \"More than 80 people\" = more than 80%0A/abs/dir/b c.md:2:11 \"80 people\" = 80\n"
	if got != want {
		t.Errorf("GitHub:\n%s\nwant:\n%s", got, want)
	}
	if got := ghProperty("a,b:c%d\r\ne"); got != "a%2Cb%3Ac%25d%0D%0Ae" {
		t.Errorf("ghProperty = %q", got)
	}
	if got := ghData("a,b:c%d\r\ne"); got != "a,b:c%25d%0D%0Ae" {
		t.Errorf("ghData = %q", got)
	}
	// Accepted findings are not annotated.
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[1]): "ok"}
	if got := rendered(t, "github", r); strings.Contains(got, "::error") {
		t.Errorf("an accepted finding was annotated:\n%s", got)
	}
}

func TestGitHubCap(t *testing.T) {
	many := func(errs, warns, infos int) *Result {
		r := &Result{}
		add := func(n int, s claims.Severity) {
			for i := range n {
				r.Findings = append(r.Findings, &claims.Finding{Rule: "r", Severity: s, Slot: fmt.Sprintf("slot%02d", i), Message: "m"})
			}
		}
		add(errs, claims.SeverityError)
		add(warns, claims.SeverityWarning)
		add(infos, claims.SeverityInfo)
		return r
	}
	tests := []struct {
		errs, warns, infos        int
		wantE, wantW, wantN, more int
	}{
		{3, 2, 1, 3, 2, 1, 0},
		{10, 10, 10, 10, 10, 10, 0},
		{25, 0, 0, 10, 0, 0, 15},
		{12, 11, 10, 10, 10, 9, 4},
		{0, 0, 30, 0, 0, 9, 21},
	}
	for _, tt := range tests {
		out := rendered(t, "github", many(tt.errs, tt.warns, tt.infos))
		n := func(prefix string) int {
			return strings.Count(out, "\n"+prefix) + map[bool]int{true: 1}[strings.HasPrefix(out, prefix)]
		}
		e, w, notes := n("::error "), n("::warning "), n("::notice ")
		more := 0
		if i := strings.Index(out, "::notice title=factcheck::+"); i >= 0 {
			notes--
			fmt.Sscanf(out[i+len("::notice title=factcheck::+"):], "%d", &more)
			if !strings.HasSuffix(out, "see the full report\n") {
				t.Errorf("the +N more notice is not last:\n%s", out)
			}
		}
		if e != tt.wantE || w != tt.wantW || notes != tt.wantN || more != tt.more {
			t.Errorf("%d/%d/%d findings: annotated %d errors, %d warnings, %d notices, +%d more; want %d, %d, %d, +%d",
				tt.errs, tt.warns, tt.infos, e, w, notes, more, tt.wantE, tt.wantW, tt.wantN, tt.more)
		}
		if notes+1 > GitHubCap && more > 0 {
			t.Errorf("the +N more notice is beyond GitHub's cap")
		}
	}
}

func TestMarkdown(t *testing.T) {
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[0]): "reviewed"}
	got := rendered(t, "markdown", r)
	for _, want := range []string{
		"## factcheck: 1 error, 1 warning, 1 info in 2 sources; 1 accepted\n",
		"| [1](#finding-1) | error | `conflict` | the death toll of the strike | 72 (wires/a.txt) vs more than 80 (b c.md) | 2 |\n",
		"| [3](#finding-3) | info (accepted) | `precision` |",
		"<a id=\"finding-1\"></a>\n\n### 1. error `conflict`: the death toll of the strike\n",
		"- `wires/a.txt:2:16`: 72, according to Officials\n  > Officials said **72 people** died \\| @\u200breporter \\*bold\\* \\[x\\](y) 100%\n",
		"- `/abs/dir/b c.md:2:1`: more than 80\n  > **More than 80 people** died, said the \u00e9tat.\n",
		"Accepted (fingerprint `" + Fingerprint(r.Findings[0]) + "`): reviewed\n",
		"differ &lt;in&gt; precision",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<in>") || strings.Contains(got, "@reporter") {
		t.Errorf("Markdown has unescaped text:\n%s", got)
	}
	if got := rendered(t, "markdown", &Result{}); got != "<!-- factcheck-report: written by factcheck check, not an article -->\n## factcheck: 0 errors, 0 warnings, 0 info in 0 sources\n\nNo findings.\n" {
		t.Errorf("Markdown of nothing = %q", got)
	}
	if got := mdCode("a`b``c"); got != "```a`b``c```" {
		t.Errorf("mdCode = %q", got)
	}
}

func TestMarkdownLimit(t *testing.T) {
	r := &Result{}
	for i := range 2000 {
		c := &claims.Claim{ID: fmt.Sprint("c", i), Source: "a.txt", Text: strings.Repeat("x", 200), Sentence: strings.Repeat("y ", 300),
			Span: claims.Span{Line: i + 1, Col: 1}, Value: claims.Exact(float64(i))}
		r.Findings = append(r.Findings, &claims.Finding{Rule: "r", Severity: claims.SeverityError, Slot: fmt.Sprintf("s%04d", i), Message: strings.Repeat("m", 300), Claims: []*claims.Claim{c}})
	}
	for _, limit := range []int{4096, 64 << 10, MarkdownLimit} {
		out := markdown(r, limit)
		if len(out) > limit {
			t.Errorf("limit %d: wrote %d bytes", limit, len(out))
		}
		if !bytes.Contains(out, []byte("**Truncated:**")) {
			t.Errorf("limit %d: no truncation note", limit)
		}
	}
	if out := rendered(t, "markdown", articles()); strings.Contains(out, "Truncated") {
		t.Errorf("a small report was truncated")
	}
}

func TestHTML(t *testing.T) {
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[0]): "reviewed <ok>"}
	got := rendered(t, "html", r)
	for _, want := range []string{
		"<!DOCTYPE html>",
		`<tr id="f1" class="sev-error">`,
		`<tr id="f3" class="sev-info accepted">`,
		`<a href="#c1" title="wires/a.txt:2:16">a.txt:2:16</a> <q><mark class="fig sev-error">72 people</mark></q>`,
		`Officials said <mark id="c1" class="fig sev-error" title="the death toll of the strike: 72 — finding 1, error conflict"><a href="#f1">72 people</a></mark> died | @reporter *bold* [x](y) 100%`,
		`<mark id="c2" class="fig" title="the death toll of the strike: 20">20</mark>`,
		"Headline &amp; &lt;b&gt;tag&lt;/b&gt;",
		"<cite>Strike &lt;kills&gt;</cite>",
		"Accepted: reviewed &lt;ok&gt;",
		`<dt id="rule-conflict"><code>conflict</code> Sources disagree</dt>`,
		"<p>Two sources state values that cannot both hold.</p>\n<p>Second paragraph.</p>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(got, "<b>") || strings.Contains(got, "<in>") || strings.Contains(got, "<kills>") {
		t.Errorf("HTML has unescaped input")
	}
	for _, bad := range []string{"<script", "<link", "<img", "src=", "http://", "https://", "@import", "url("} {
		if strings.Contains(got, bad) {
			t.Errorf("HTML is not self-contained: has %q", bad)
		}
	}
	// Every link leads somewhere, and no id is used twice.
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(got, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	for _, m := range regexp.MustCompile(` href="#([^"]*)"`).FindAllStringSubmatch(got, -1) {
		if ids[m[1]] == 0 {
			t.Errorf("link to #%s, which is not on the page", m[1])
		}
	}
	// A finding whose evidence is in no known source links nowhere.
	r.Findings = append(r.Findings, &claims.Finding{Rule: "x", Severity: claims.SeverityWarning, Slot: "s",
		Claims: []*claims.Claim{{ID: "c99", Source: "gone.txt", Text: "9", Span: claims.Span{Line: 1, Col: 1}}}})
	if out := rendered(t, "html", r); !strings.Contains(out, `<li><span title="gone.txt:1:1">gone.txt:1:1</span>`) || strings.Contains(out, `href="#c99"`) {
		t.Errorf("evidence from an unknown source is linked")
	}
	// c4 overlaps c3: its link goes to c3's mark.
	if !strings.Contains(got, `<a href="#c3" title="/abs/dir/b c.md:2:11">b c.md:2:11</a> <q><mark class="fig sev-info">80 people</mark></q>`) {
		t.Errorf("the overlapping claim c4 does not link to c3's mark")
	}
}

// TestSARIFSchema validates SARIF output against the SARIF 2.1.0 JSON
// schema vendored in testdata/sarif.
func TestSARIFSchema(t *testing.T) {
	schema := sarifSchema(t)
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[0]): "reviewed"}
	for name, res := range map[string]*Result{"articles": r, "empty": {}, "sample": sample()} {
		out := rendered(t, "sarif", res)
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: SARIF does not validate: %v\n%s", name, err, out)
		}
	}
	// So do the golden SARIF reports of the real clusters.
	goldens, _ := filepath.Glob("../testdata/golden/*.sarif.golden")
	if len(goldens) == 0 {
		t.Error("no SARIF golden files in testdata/golden")
	}
	for _, g := range goldens {
		f, err := os.Open(g)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s does not validate: %v", g, err)
		}
	}
	// The schema does catch mistakes.
	out := rendered(t, "sarif", r)
	for _, bad := range [][2]string{
		{`"level": "error"`, `"level": "fatal"`},
		{`"startLine": 2`, `"startLine": 0`},
		{`"version": "2.1.0"`, `"version": "2.0.0"`},
		{`"ruleId"`, `"rule_id"`},
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(out, bad[0], bad[1], 1)))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("SARIF with %s validates", bad[1])
		}
	}
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	const path = "../testdata/sarif/sarif-schema-2.1.0.json"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	fixSARIFSchema(t, doc)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fixSARIFSchema mends the one defect of the vendored schema (see
// testdata/sarif/README.md): definitions.region lists its "anyOf" (a
// region needs startLine, charOffset or byteOffset) among its properties,
// which the draft 2020-12 metaschema rejects. It moves it up to region,
// where it was meant to be.
func fixSARIFSchema(t *testing.T, doc any) {
	t.Helper()
	region := doc.(map[string]any)["definitions"].(map[string]any)["region"].(map[string]any)
	props := region["properties"].(map[string]any)
	anyOf, ok := props["anyOf"]
	if !ok {
		t.Fatal("the vendored SARIF schema no longer has region.properties.anyOf; drop fixSARIFSchema")
	}
	delete(props, "anyOf")
	region["anyOf"] = anyOf
}

func TestSARIF(t *testing.T) {
	r := articles()
	r.Accepted = map[string]string{Fingerprint(r.Findings[0]): "reviewed"}
	var log struct {
		Runs []struct {
			ColumnKind string
			Tool       struct{ Driver struct{ Rules []sarifRule } }
			Artifacts  []sarifArtifact
			Results    []sarifResult
		}
	}
	if err := json.Unmarshal([]byte(rendered(t, "sarif", r)), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
	}
	if got := strings.Join(ids, " "); got != "conflict no-evidence precision unused" {
		t.Errorf("rules %s", got)
	}
	if rule := run.Tool.Driver.Rules[0]; rule.ShortDescription.Text != "Sources disagree" || !strings.HasPrefix(rule.Help.Text, "Two sources") || rule.DefaultConfiguration.Level != "error" {
		t.Errorf("rule conflict = %+v", rule)
	}
	if got := []string{run.Artifacts[0].Location.URI, run.Artifacts[1].Location.URI}; got[0] != "wires/a.txt" || got[1] != "file:///abs/dir/b%20c.md" {
		t.Errorf("artifact URIs %q", got)
	}
	res := run.Results[0]
	if res.RuleID != "conflict" || res.RuleIndex != 0 || res.Level != "error" || len(res.Locations) != 1 || len(res.RelatedLocations) != 1 {
		t.Fatalf("result 0 = %+v", res)
	}
	reg := res.Locations[0].PhysicalLocation.Region
	if reg != (sarifRegion{StartLine: 2, StartColumn: 16, EndLine: 2, EndColumn: 25, ByteOffset: 37, ByteLength: 9, Snippet: reg.Snippet}) || reg.Snippet.Text != "72 people" {
		t.Errorf("region %+v %+v", reg, reg.Snippet)
	}
	if res.PartialFingerprints[FingerprintVersion] != Fingerprint(r.Findings[1]) {
		t.Errorf("partialFingerprints %v", res.PartialFingerprints)
	}
	if run.Results[2].Level != "note" || len(run.Results[2].Suppressions) != 1 || run.Results[2].Suppressions[0].Justification != "reviewed" {
		t.Errorf("accepted result %+v", run.Results[2])
	}
	if len(run.Results[1].Locations) != 0 {
		t.Errorf("a finding without evidence has locations")
	}
	for _, tt := range []struct{ in, want string }{
		{"a/b c.txt", "a/b%20c.txt"}, {"c:d.txt", "./c:d.txt"}, {"-", "-"}, {"/x/y%.txt", "file:///x/y%25.txt"}, {"../up.md", "../up.md"},
	} {
		if got := artifactURI(tt.in); got != tt.want {
			t.Errorf("artifactURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
