# Targets only wrap go commands; `make test` is what CI runs (.ci/run).

.PHONY: build test eval score check-seeds html-check

build:
	go build -o factcheck ./cmd/factcheck

test:
	go vet ./...
	go test ./...

# Scores the checker against the labelled stories in testdata/gold: recall,
# precision, grouping F1, disagreements, false flags, mutations.
eval:
	go run ./cmd/factcheck-eval -v

# The same with the reference scorer, on ../shared/gold (needs python3 and PyYAML).
score: build
	python3 ../shared/eval/score.py --bin ./factcheck --gold ../shared/gold

check-seeds:
	go run ./cmd/factcheck check testdata/seeds

# Renders the seeds' and the Shayrat cluster's HTML reports in headless
# Chromium and takes screenshots; skips when chromium is not installed.
html-check:
	./scripts/html-check.sh
