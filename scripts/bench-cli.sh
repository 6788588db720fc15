#!/usr/bin/env bash
# bench-cli: build factcheck, write JSONL feeds of 1,000 and 10,000
# articles built from the testdata stories (factcheck-eval -feed N: each
# copy of a story its own story, its figures varied), and time
#
#	factcheck check --input-format jsonl --format json FEED
#
# with /usr/bin/time -v, RUNS times each (default 3), printing each run's
# wall time and peak RSS, their medians and the 10,000/1,000 ratio.
#
# Skips, with a message and exit 0, when /usr/bin/time (GNU time) is not
# installed: apt-get install -y time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "bench-cli: skipped: /usr/bin/time (GNU time) is not installed (apt-get install -y time)"
	exit 0
fi
runs=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/factcheck" ./cmd/factcheck

# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

declare -A wall_median
for n in 1000 10000; do
	feed="$tmp/feed$n.jsonl"
	go run ./cmd/factcheck-eval -feed "$n" >"$feed"
	echo "feed of $n articles: $(wc -c <"$feed") bytes"
	walls=() rsss=()
	for i in $(seq "$runs"); do
		if ! /usr/bin/time -v "$tmp/factcheck" check --no-config --fail-on none --input-format jsonl --format json "$feed" >"$tmp/out.json" 2>"$tmp/time.txt"; then
			cat "$tmp/time.txt"
			exit 1
		fi
		# "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.71"
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tmp/time.txt")
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
		echo "  run $i: wall ${wall} s, peak RSS $((rss / 1024)) MiB"
		walls+=("$wall") rsss+=("$rss")
	done
	wall_median[$n]=$(median "${walls[@]}")
	echo "  median: wall ${wall_median[$n]} s, peak RSS $(($(median "${rsss[@]}" | cut -d. -f1) / 1024)) MiB ($(wc -c <"$tmp/out.json") bytes of JSON)"
done
awk -v a="${wall_median[10000]}" -v b="${wall_median[1000]}" 'BEGIN {printf "10,000 articles cost %.1f times 1,000\n", a / b}'
