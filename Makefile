# Targets only wrap go commands; `make test` is what CI runs (.ci/run).

.PHONY: build test eval check-seeds

build:
	go build -o factcheck ./cmd/factcheck

test:
	go vet ./...
	go test ./...

# Scores the checker against the labelled stories in ../shared/gold.
eval: build
	python3 ../shared/eval/score.py --bin ./factcheck --gold ../shared/gold

check-seeds:
	go run ./cmd/factcheck check testdata/seeds
