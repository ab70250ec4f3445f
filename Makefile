# Shortcuts for development; CI runs .ci/run.
.PHONY: build test format lint golden bench

build:
	swift build

test:
	swift test

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

format:
	swift format format --in-place --recursive Sources Tests Package.swift

# Re-record golden files; the run fails on purpose, then `make test` must pass.
golden:
	MANDATE_RECORD_GOLDEN=1 swift test || true
	swift test

bench:
	Scripts/benchmark.sh
