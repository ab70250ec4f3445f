# Shortcuts for development; CI runs .ci/run. `report` and `test` install the system packages
# that are missing first (Scripts/setup-system.sh holds the one list).
.PHONY: build report test setup format lint golden bench

setup:
	Scripts/setup-system.sh test

build:
	Scripts/setup-system.sh build
	swift build

report:
	Scripts/run.sh report --quarter 2024Q2

test:
	Scripts/run.sh test

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
