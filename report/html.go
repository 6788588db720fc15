package report

import (
	"bufio"
	"cmp"
	"fmt"
	"html"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factcheck/factcheck/claims"
)

// HTML writes one self-contained page (no scripts, no external style
// sheets, fonts or images): a heading with the summary line; the findings
// table (severity, rule, what it is about, message, evidence), each piece
// of evidence a link to the figure in its source; then every source's
// text, side by side where the window is wide enough, with every compared
// figure highlighted: in the colour of the most severe finding it is
// evidence of, linked back to that finding, or in a neutral colour when no
// finding cites it. Each figure's anchor is its claim id (#c12), each
// finding's is #f1, #f2 …, each source's #s1, #s2 …; the rules that
// reported are described at the end. Everything taken from the input is
// escaped.
func HTML(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	fs := SortFindings(r.Findings)
	summary := summaryLine(r)

	// The finding each claim is evidence of (the first, most severe).
	findingOf := map[*claims.Claim]int{}
	for i, f := range fs {
		for _, c := range f.Claims {
			if _, ok := findingOf[c]; !ok {
				findingOf[c] = i
			}
		}
	}
	docIndex := map[string]int{}
	for i, d := range r.Docs {
		if _, ok := docIndex[d.Source]; !ok {
			docIndex[d.Source] = i
		}
	}
	// Claims by document, to mark; anchor maps a claim id to the id of the
	// mark that shows it (its own, or that of an overlapping claim).
	byDoc := map[int][]*claims.Claim{}
	for _, c := range r.Claims {
		if i, ok := docIndex[c.Source]; ok {
			byDoc[i] = append(byDoc[i], c)
		}
	}
	for _, f := range fs {
		for _, c := range f.Claims {
			if i, ok := docIndex[c.Source]; ok && !slices.Contains(byDoc[i], c) {
				byDoc[i] = append(byDoc[i], c)
			}
		}
	}
	anchor := map[*claims.Claim]string{}
	texts := make([]string, len(r.Docs))
	for i, d := range r.Docs {
		texts[i] = markText(d, byDoc[i], fs, findingOf, anchor, i, r.verdictOf())
	}
	esc := html.EscapeString

	fmt.Fprintf(bw, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="%s">
<title>factcheck: %s</title>
<style>
%s</style>
</head>
<body>
<header>
<h1>factcheck report</h1>
<p class="summary">%s</p>
</header>
<main>
<section id="findings">
<h2>Findings</h2>
`, claims.ReportMarker, esc(summary), htmlStyle, esc(summary))
	if len(fs) == 0 {
		bw.WriteString("<p>No findings.</p>\n")
	} else {
		bw.WriteString(`<table class="findings">
<colgroup><col class="n"><col class="sev"><col class="rule"><col class="about"><col class="msg"><col class="ev"></colgroup>
<thead><tr><th>#</th><th>Severity</th><th>Rule</th><th>About</th><th>Message</th><th>Evidence</th></tr></thead>
<tbody>
`)
		for i, f := range fs {
			sev := f.Severity.String()
			reason, accepted := r.accepted(f)
			class := "sev-" + sev
			if accepted {
				class += " accepted"
			}
			fmt.Fprintf(bw, `<tr id="f%d" class="%s"><td><a href="#f%d">%d</a></td><td><span class="badge %s">%s</span>`,
				i+1, class, i+1, i+1, esc("sev-"+sev), esc(sev))
			if accepted {
				fmt.Fprintf(bw, `<br><span class="badge accepted" title="%s">accepted</span>`, esc(reason))
			}
			fmt.Fprintf(bw, "</td><td><a href=\"#rule-%s\"><code>%s</code></a></td><td>%s</td><td>%s",
				esc(f.Rule), esc(f.Rule), esc(groupLabel(f)), esc(shortMessage(f)))
			if accepted {
				fmt.Fprintf(bw, `<p class="reason">Accepted: %s</p>`, esc(reason))
			}
			bw.WriteString("</td><td><ul class=\"evidence\">")
			for _, c := range f.Claims {
				// The figure in its source; else the source; else no link.
				href := anchor[c]
				if i, ok := docIndex[c.Source]; href == "" && ok {
					href = fmt.Sprintf("s%d", i+1)
				}
				short := fmt.Sprintf("%s:%d:%d", path.Base(filepath.ToSlash(c.Source)), c.Span.Line, c.Span.Col)
				if href != "" {
					fmt.Fprintf(bw, `<li><a href="#%s" title="%s">%s</a>`, esc(href), esc(position(c)), esc(short))
				} else {
					fmt.Fprintf(bw, `<li><span title="%s">%s</span>`, esc(position(c)), esc(short))
				}
				fmt.Fprintf(bw, ` <q><mark class="fig sev-%s">%s</mark></q> <span class="value">%s</span>`,
					sev, esc(oneLine(c.Text)), esc(c.FormatValue()))
				if n := valueNotes(c); n != "" {
					fmt.Fprintf(bw, ` <span class="note">%s</span>`, esc(strings.TrimSpace(n)))
				}
				if c.Attribution != "" {
					fmt.Fprintf(bw, ` <span class="note">according to %s</span>`, esc(oneLine(c.Attribution)))
				}
				bw.WriteString("</li>")
			}
			bw.WriteString("</ul></td></tr>\n")
		}
		bw.WriteString("</tbody>\n</table>\n")
	}
	bw.WriteString(`<p class="legend"><mark class="fig sev-error">error</mark> <mark class="fig sev-warning">warning</mark> <mark class="fig sev-info">info</mark> <mark class="fig">compared, no finding</mark>: figures in the sources below, by the most severe finding they are evidence of.</p>
</section>
<section id="sources">
<h2>Sources</h2>
<div class="sources">
`)
	drafts := map[string]bool{}
	for _, v := range r.Draft {
		drafts[v.Claim.Source] = true
	}
	for i, d := range r.Docs {
		label := esc(d.Source)
		if drafts[d.Source] {
			label += ` <span class="badge">draft</span>`
		}
		fmt.Fprintf(bw, "<article class=\"source\" id=\"s%d\">\n<h3><span class=\"sid\">s%d</span> %s</h3>\n", i+1, i+1, label)
		var meta []string
		if d.Title != "" {
			meta = append(meta, "<cite>"+esc(d.Title)+"</cite>")
		}
		if d.Published != "" {
			meta = append(meta, "published "+esc(d.Published))
		}
		if d.URL != "" {
			meta = append(meta, esc(d.URL))
		}
		if len(meta) > 0 {
			fmt.Fprintf(bw, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
		}
		fmt.Fprintf(bw, "<div class=\"text\">%s</div>\n</article>\n", texts[i])
	}
	bw.WriteString("</div>\n</section>\n")

	// The rules that reported, documented.
	var used []RuleInfo
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		info := RuleInfo{ID: f.Rule, Severity: f.Severity}
		for _, ri := range r.Rules {
			if ri.ID == f.Rule {
				info = ri
			}
		}
		used = append(used, info)
	}
	slices.SortFunc(used, func(a, b RuleInfo) int { return cmp.Compare(a.ID, b.ID) })
	if len(used) > 0 {
		bw.WriteString("<section id=\"rules\">\n<h2>Rules</h2>\n<dl>\n")
		for _, ri := range used {
			fmt.Fprintf(bw, "<dt id=\"rule-%s\"><code>%s</code> %s</dt>\n", esc(ri.ID), esc(ri.ID), esc(oneLine(ri.Title)))
			if d := strings.TrimSpace(ri.Description); d != "" {
				bw.WriteString("<dd>")
				for j, para := range strings.Split(d, "\n\n") {
					if j > 0 {
						bw.WriteString("\n")
					}
					fmt.Fprintf(bw, "<p>%s</p>", esc(oneLine(para)))
				}
				bw.WriteString("</dd>\n")
			}
		}
		bw.WriteString("</dl>\n</section>\n")
	}
	bw.WriteString("</main>\n<footer>Written by factcheck. Positions are file:line:column in the original files; the texts above are what factcheck read.</footer>\n</body>\n</html>\n")
	return bw.Flush()
}

// markText returns d's text, escaped, with a <mark> around each claim in
// cs. A claim that overlaps one already marked gets no mark of its own;
// anchor maps it to the mark that covers it.
func markText(d *claims.Document, cs []*claims.Claim, fs []*claims.Finding, findingOf map[*claims.Claim]int, anchor map[*claims.Claim]string, docIdx int, verdicts map[*claims.Claim]*DraftVerdict) string {
	text := d.Text
	type span struct {
		c          *claims.Claim
		start, end int
	}
	var spans []span
	for _, c := range cs {
		start, end := c.Offset, c.Offset+len(c.Text)
		if start < 0 || end > len(text) || text[start:end] != c.Text {
			// Not where the claim says: find the text near it.
			i := strings.Index(text, c.Text)
			if c.Text == "" || i < 0 {
				continue
			}
			start, end = i, i+len(c.Text)
		}
		spans = append(spans, span{c, start, end})
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
	var b strings.Builder
	pos := 0
	var open span // the last mark written
	for _, s := range spans {
		if s.start < pos {
			anchor[s.c] = anchor[open.c]
			continue
		}
		b.WriteString(html.EscapeString(text[pos:s.start]))
		id := s.c.ID
		if id == "" {
			id = fmt.Sprintf("s%d-%d", docIdx+1, s.start)
		}
		anchor[s.c] = id
		class := "fig"
		title := s.c.About() + ": " + s.c.FormatValue()
		if v, ok := verdicts[s.c]; ok {
			// A draft's figure shows its verdict.
			class += " verdict-" + v.Verdict
			title += " — draft: " + v.Verdict
			if v.Verdict == "supported" {
				title += fmt.Sprintf(" by %d independent source(s)", v.Independent)
			}
		}
		if fi, ok := findingOf[s.c]; ok {
			f := fs[fi]
			class += " sev-" + f.Severity.String()
			title += fmt.Sprintf(" — finding %d, %s %s", fi+1, f.Severity, f.Rule)
			fmt.Fprintf(&b, `<mark id="%s" class="%s" title="%s"><a href="#f%d">%s</a></mark>`,
				html.EscapeString(id), class, html.EscapeString(title), fi+1, html.EscapeString(text[s.start:s.end]))
		} else {
			fmt.Fprintf(&b, `<mark id="%s" class="%s" title="%s">%s</mark>`,
				html.EscapeString(id), class, html.EscapeString(title), html.EscapeString(text[s.start:s.end]))
		}
		pos = s.end
		open = s
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String()
}

const htmlStyle = `:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --err: #b42318; --err-bg: #fde2e1; --warn: #9a6700; --warn-bg: #fff1c2; --info: #0550ae; --info-bg: #ddeeff; --fig-bg: #eef1f4; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: #fff; }
header, main, footer { max-width: 90rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.75rem; }
h3 { font-size: 1rem; margin: 0 0 0.25rem; word-break: break-all; }
.summary { font-weight: 600; }
table.findings { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.n { width: 2.5rem; } col.sev { width: 6.5rem; } col.rule { width: 8.5rem; } col.about { width: 10rem; } col.msg { width: 32%; }
table.findings td { overflow-wrap: anywhere; }
table.findings th, table.findings td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
table.findings th { background: #f6f8fa; }
table.findings tr.sev-error td:first-child { border-left: 4px solid var(--err); }
table.findings tr.sev-warning td:first-child { border-left: 4px solid var(--warn); }
table.findings tr.sev-info td:first-child { border-left: 4px solid var(--info); }
tr.accepted { opacity: 0.65; }
tr:target { outline: 3px solid var(--fg); }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 1rem; font-size: 0.85em; font-weight: 600; }
.badge.sev-error { background: var(--err-bg); color: var(--err); }
.badge.sev-warning { background: var(--warn-bg); color: var(--warn); }
.badge.sev-info { background: var(--info-bg); color: var(--info); }
.badge.accepted { background: #e6e6e6; color: #444; }
ul.evidence { margin: 0; padding-left: 1.1rem; }
ul.evidence li { margin-bottom: 0.2rem; }
ul.evidence a { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8em; }
.value { font-weight: 600; }
.note, .meta, .legend, footer { color: var(--muted); font-size: 0.9em; }
.reason { margin: 0.25rem 0 0; font-style: italic; }
.sources { display: grid; grid-template-columns: repeat(auto-fill, minmax(34rem, 1fr)); gap: 1rem; }
.source { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; min-width: 0; }
.sid { color: var(--muted); font-weight: normal; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; }
mark.fig { background: var(--fig-bg); color: inherit; border-radius: 3px; padding: 0 1px; }
mark.verdict-supported { background: #d8f3dc; box-shadow: inset 0 -2px #2d6a4f; }
mark.sev-error { background: var(--err-bg); box-shadow: inset 0 -2px var(--err); }
mark.sev-warning { background: var(--warn-bg); box-shadow: inset 0 -2px var(--warn); }
mark.sev-info { background: var(--info-bg); box-shadow: inset 0 -2px var(--info); }
mark a { color: inherit; text-decoration: none; }
mark:target { outline: 3px solid var(--fg); }
dt { font-weight: 600; margin-top: 0.75rem; }
dd { margin-left: 1.5rem; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: 0.75rem; padding-bottom: 1.5rem; }
`
