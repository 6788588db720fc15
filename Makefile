# Targets only wrap go commands; `make test` is what CI runs (.ci/run).

.PHONY: build test eval train score check-seeds html-check bench bench-cli fuzz

build:
	go build -o factcheck ./cmd/factcheck

test:
	go vet ./...
	go test ./...

# Scores the checker against the labelled stories in testdata/gold: recall,
# precision, grouping F1, disagreements, false flags, mutations and alarm
# precision, per story, for the tune half, the check half and in total
# (the misses of the tune half only: the check half is scored, not read).
eval:
	go run ./cmd/factcheck-eval -v

# Fits the comparability gate on the tune half of testdata/gold and
# rewrites gate/weights.json (the same bytes every run); prints the pair
# and grouping scores, leave one story out on the tune half and on the
# check half. Run it after any change to extraction or to the gate's
# features.
train:
	go run ./cmd/factcheck-train

# The same with the reference scorer (needs python3 and PyYAML): each half
# of testdata/gold, then ../shared/gold.
TUNE = $(shell sed -n 's/^| `\([0-9][0-9]\)-[^`]*` |.*| tune |.*/\1/p' testdata/gold/README.md | paste -sd, -)
CHECK = $(shell sed -n 's/^| `\([0-9][0-9]\)-[^`]*` |.*| check |.*/\1/p' testdata/gold/README.md | paste -sd, -)
score: build
	python3 ../shared/eval/score.py --bin ./factcheck --gold testdata/gold --only $(TUNE)
	python3 ../shared/eval/score.py --bin ./factcheck --gold testdata/gold --only $(CHECK)
	python3 ../shared/eval/score.py --bin ./factcheck --gold ../shared/gold

check-seeds:
	go run ./cmd/factcheck check testdata/seeds

# Renders the seeds' and the Shayrat cluster's HTML reports in headless
# Chromium and takes screenshots; skips when chromium is not installed.
html-check:
	./scripts/html-check.sh

# Runs each fuzz target for FUZZTIME (make fuzz FUZZTIME=60s for longer). A
# failing input is written to the package's testdata/fuzz/FuzzName/, where
# go test runs it from then on: commit it. Minimising a new input is capped
# so that a worker does not sit on one for a minute.
FUZZTIME ?= 10s
FUZZ = go test -run='^$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=5s

fuzz:
	$(FUZZ) -fuzz='^FuzzScan$$' ./extract
	$(FUZZ) -fuzz='^FuzzQuantity$$' ./extract
	$(FUZZ) -fuzz='^FuzzQuantTables$$' ./extract
	$(FUZZ) -fuzz='^FuzzExtract$$' ./extract
	$(FUZZ) -fuzz='^FuzzParseHTML$$' ./extract
	$(FUZZ) -fuzz='^FuzzScanWords$$' ./extract
	$(FUZZ) -fuzz='^FuzzJSONL$$' ./extract
	$(FUZZ) -fuzz='^FuzzClaimJSON$$' ./report
	$(FUZZ) -fuzz='^FuzzLoad$$' ./rules
	$(FUZZ) -fuzz='^FuzzParseValue$$' ./rules

# Benchmarks, with allocations: extraction throughput (MB/s) on one core
# and on two, check in process on feeds of 100, 1,000 and 10,000 articles,
# extract --format jsonl streaming 10,000, and one group of 10,000 claims
# through the built-in rules. About 15 s; COUNT=5 for medians (about 70 s;
# feed the output to benchstat).
COUNT ?= 1
bench:
	go test -run '^$$' -bench '^BenchmarkExtract$$' -benchmem -cpu 1,2 -count $(COUNT) ./extract
	go test -run '^$$' -bench '^Benchmark(Check|ExtractStream)$$' -benchmem -count $(COUNT) ./cmd/factcheck
	go test -run '^$$' -bench '^Benchmark(Conflicts|Analyse)10k$$' -benchmem -count $(COUNT) ./rules

# Times the built binary on generated JSONL feeds of 1,000 and 10,000
# articles with /usr/bin/time -v: wall time and peak RSS (skips without
# GNU time: apt-get install -y time).
bench-cli:
	./scripts/bench-cli.sh
