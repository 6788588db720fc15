package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// WriteFeed writes a JSONL feed of n articles for benchmarks, one record
// per line as `factcheck check --input-format jsonl` reads it, built from
// the clusters' texts: copy k of cluster c is story "c#k", its records
// have ids "c#k/file", and its figures of 20 and more (other than years)
// are raised by k mod 10, so that the copies are not all the same text and
// each story has the disagreements of the original. A record's published
// date is the first ISO date of the one gold.yaml records. Stories come whole
// and in turn (copy 0 of every cluster, then copy 1 …); the last may be
// cut short to make n.
func WriteFeed(w io.Writer, clusters []*Cluster, n int) error {
	type record struct {
		ID        string `json:"id"`
		Story     string `json:"story"`
		Published string `json:"published,omitempty"`
		Text      string `json:"text"`
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	written := 0
	for k := 0; written < n; k++ {
		progress := false
		for _, c := range clusters {
			story := c.Name + "#" + strconv.Itoa(k)
			for _, f := range c.Files {
				if written == n {
					break
				}
				published := isoDate.FindString(str(c.Gold.Sources[f]["published"]))
				r := record{ID: story + "/" + f, Story: story, Published: published, Text: shiftFigures(c.Texts[f], k%10)}
				if err := enc.Encode(r); err != nil {
					return err
				}
				written++
				progress = true
			}
		}
		if !progress {
			return fmt.Errorf("no articles in the clusters")
		}
	}
	return bw.Flush()
}

// shiftFigures returns text with every run of digits worth 20 or more,
// other than a year (1900–2100), raised by d.
func shiftFigures(text []byte, d int) string {
	if d == 0 {
		return string(text)
	}
	out := make([]byte, 0, len(text)+len(text)/50)
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			out = append(out, text[i])
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		v, err := strconv.Atoi(string(text[i:j]))
		if err != nil || v < 20 || v >= 1900 && v <= 2100 || text[i] == '0' {
			out = append(out, text[i:j]...)
		} else {
			out = strconv.AppendInt(out, int64(v+d), 10)
		}
		i = j
	}
	return string(out)
}
