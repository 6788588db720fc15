#!/usr/bin/env bash
# html-check: render the HTML report of the seeds and of the Shayrat
# cluster, open each page in headless Chromium, check that the browser
# parsed the findings table and the highlighted figures, and take a
# screenshot of each (1280x2000).
#
# Skips, with a message and exit 0, when Chromium is not installed; CI runs
# it only where it is. Set HTML_CHECK_OUT=DIR to keep the pages and
# screenshots in DIR (default: a new temporary directory, printed at the
# end).
set -euo pipefail
cd "$(dirname "$0")/.."

chrome=""
for c in chromium chromium-browser google-chrome; do
	if command -v "$c" >/dev/null 2>&1; then
		chrome=$c
		break
	fi
done
if [ -z "$chrome" ]; then
	echo "html-check: skipped: chromium is not installed (apt-get install chromium)"
	exit 0
fi

out=${HTML_CHECK_OUT:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
go build -o "$out/factcheck" ./cmd/factcheck

chromium_run() {
	local profile
	profile=$(mktemp -d)
	local rc=0
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$profile" "$@" 2>/dev/null || rc=$?
	rm -rf "$profile"
	return $rc
}

fail=0
for cluster in seeds:testdata/seeds shayrat:testdata/clusters/shayrat; do
	name=${cluster%%:*}
	dir=${cluster#*:}
	page="$out/$name.html"
	shot="$out/$name.png"
	"$out/factcheck" check --fail-on none --format html="$page" "$dir"

	# What the browser made of the page: the findings table and the marks.
	dom=$(chromium_run --dump-dom "file://$page" || true)
	rows=$(grep -o '<tr id="f[0-9]*"' <<<"$dom" | wc -l)
	marks=$(grep -o '<mark id="c[0-9]*"' <<<"$dom" | wc -l)
	flagged=$(grep -o '<mark id="c[0-9]*" class="fig sev-' <<<"$dom" | wc -l)
	if ! grep -q '<table class="findings">' <<<"$dom" || [ "$marks" -eq 0 ] || [ "$rows" -gt 0 -a "$flagged" -eq 0 ]; then
		echo "html-check: $name: the page lacks the findings table or the highlighted figures" >&2
		fail=1
	fi

	rm -f "$shot"
	chromium_run --screenshot="$shot" --window-size=1280,2000 "file://$page" >/dev/null || true
	if [ ! -s "$shot" ]; then
		echo "html-check: $name: chromium wrote no screenshot" >&2
		fail=1
		continue
	fi
	echo "html-check: $name: $rows findings, $marks figures highlighted ($flagged cited by a finding); screenshot $shot"
done
exit $fail
