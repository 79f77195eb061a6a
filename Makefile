# The two commands a newcomer needs: `make serve` and `make test`. Each installs what is missing.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
E2E_PORT ?= 8765

.PHONY: serve dist test test-native test-e2e bench schema setup setup-test clean

setup:
	@bash scripts/setup.sh build

setup-test:
	@bash scripts/setup.sh test

## Build dist/ (split, as deployed) and serve it at http://127.0.0.1:8080 (`make serve` again after a change).
serve: dist
	@echo "Serving the app at http://127.0.0.1:8080 (Ctrl-C to stop)"
	node scripts/serve.mjs dist 8080

## A static dist/ folder for any static web host.
dist: setup
	trunk build --release
	@bash scripts/build-split.sh
	@node scripts/gen-sw.mjs dist
	@node scripts/check-dist.mjs
	@node scripts/check-sizes.mjs --self-test
	@node scripts/check-sizes.mjs dist

## Every test: native cargo tests, then the browser tests against a fresh dist/.
test: setup-test test-native dist test-e2e

test-native:
	cargo test --all-targets

test-e2e:
	E2E_PORT=$(E2E_PORT) npx playwright test

## Sizes and timings, printed (budgets shout when exceeded).
bench: setup-test dist
	cargo test --release --test it bench_native -- --ignored --nocapture
	E2E_PORT=$(E2E_PORT) node scripts/bench.mjs

## Regenerate questionnaires/schema.json from the Rust types.
schema:
	cargo run --quiet --bin gen-schema

clean:
	cargo clean; rm -rf dist test-results
