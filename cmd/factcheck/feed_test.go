package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factcheck/factcheck/eval"
)

// jsonlOfJSON turns the claims of an extract --format json report into
// the JSON lines extract --format jsonl prints.
func jsonlOfJSON(t *testing.T, report string) string {
	t.Helper()
	var r struct {
		Claims []json.RawMessage `json:"claims"`
	}
	if err := json.Unmarshal([]byte(report), &r); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range r.Claims {
		var buf bytes.Buffer
		if err := json.Compact(&buf, c); err != nil {
			t.Fatal(err)
		}
		b.Write(buf.Bytes())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestExtractStreamsJSONL checks that extract --format jsonl, which reads
// and prints a batch at a time, prints the claims extract --format json
// lists, for articles and for a JSONL feed, to standard output and to -o.
func TestExtractStreamsJSONL(t *testing.T) {
	dir := t.TempDir()
	clusters, err := eval.LoadClusters(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	feed := filepath.Join(dir, "feed.jsonl")
	f, err := os.Create(feed)
	if err != nil {
		t.Fatal(err)
	}
	if err := eval.WriteFeed(f, clusters, 300); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, paths := range [][]string{{seeds, goldDir}, {"--input-format", "jsonl", feed}, {feed}} {
		args := append([]string{"extract", "--all", "--no-config"}, paths...)
		code, report, stderr := runCLI(t, nil, append(args, "--format", "json")...)
		if code != exitOK {
			t.Fatalf("%v --format json: exit %d\n%s", args, code, stderr)
		}
		want := jsonlOfJSON(t, report)
		code, got, stderr := runCLI(t, nil, append(args, "--format", "jsonl")...)
		if code != exitOK || got != want {
			t.Errorf("%v --format jsonl: exit %d, %d bytes, want the %d bytes of --format json's claims\n%s", args, code, len(got), len(want), stderr)
		}
		out := filepath.Join(dir, "out.jsonl")
		code, stdout, stderr := runCLI(t, nil, append(args, "--format", "jsonl", "-o", out)...)
		written, _ := os.ReadFile(out)
		if code != exitOK || stdout != "" || string(written) != want {
			t.Errorf("%v --format jsonl -o: exit %d, stdout %d bytes, file %d bytes\n%s", args, code, len(stdout), len(written), stderr)
		}
	}
}

// TestCheckJSONL checks a feed whose records name their stories: sources
// are the record ids, claims are compared within a story only, and the
// report is the same whatever the text kept in memory (the text is
// dropped once read for formats that do not show it).
func TestCheckJSONL(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	records := `{"id": "a", "story": "one", "published": "2017-04-07", "text": "The US fired 59 cruise missiles at the base."}
{"id": "b", "story": "one", "published": "2017-04-07T10:00:00Z", "text": "The US fired 95 cruise missiles at the base."}
{"id": "c", "story": "two", "published": "2017-04-07", "text": "The US fired 60 cruise missiles at the base."}
`
	if err := os.WriteFile(feed, []byte(records), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, nil, "check", "--no-config", "--format", "json", feed)
	if code != exitFindings {
		t.Fatalf("exit %d, want %d\n%s", code, exitFindings, stderr)
	}
	var r struct {
		Sources  []struct{ Path, Published string }
		Claims   []struct{ Source, Text string }
		Groups   []struct{ Story, Slot string }
		Findings []struct {
			Rule, Story string
			Claims      []string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Sources) != 3 || r.Sources[1].Path != "b" || r.Sources[1].Published != "2017-04-07" {
		t.Errorf("sources %+v", r.Sources)
	}
	if len(r.Groups) != 2 || r.Groups[0].Story != "one" || r.Groups[1].Story != "two" {
		t.Errorf("groups %+v, want one per story", r.Groups)
	}
	conflicts := 0
	for _, f := range r.Findings {
		if f.Rule == "conflict" {
			conflicts++
			if f.Story != "one" {
				t.Errorf("conflict in story %q", f.Story)
			}
		}
	}
	if conflicts != 1 {
		t.Errorf("%d conflicts, want 1 (59 and 95 in story one; 60 is another story)\n%s", conflicts, stdout)
	}
	// html needs the texts; its report still quotes them.
	code, page, stderr := runCLI(t, nil, "check", "--no-config", "--format", "html", feed)
	if code != exitFindings || strings.Count(page, "The US fired ") < 3 {
		t.Errorf("html: exit %d, text not shown\n%s", code, stderr)
	}
}
