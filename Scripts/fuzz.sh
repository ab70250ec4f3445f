#!/usr/bin/env bash
# Fuzzes MandateKit's parsers with libFuzzer, one target at a time.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 600); TARGETs among csto-page, dates, mandate-yaml, ledger, jsonl, csv, feed,
# html (default: all eight). The binary is `mandate-fuzz` built with -sanitize=fuzzer,address into .build-fuzz;
# MANDATE_FUZZ_TARGET tells it which parser to feed (see Sources/mandate-fuzz/FuzzHarness.swift for the
# entry points and the invariants checked on every input).
#
# Each target runs on a scratch copy of its seed corpus, Tests/MandateKitTests/Fixtures/fuzz/<target>/
# (for html, also the page fixtures, Tests/MandateKitTests/Fixtures/pages/)
# (plus <target>.dict when present), under nice -n 19. The repository is never written to, except that a
# crash, timeout or out-of-memory input is copied into that fixture directory, where the regression test
# (Tests/FuzzTests) replays it on every `swift test`. libFuzzer stops a target at its first crash;
# fix the bug and run again.
#
# Printed per target: seconds, executions, exec/s, crashes, corpus size (the grown corpus and the logs
# stay in the scratch directory, printed at the end; MANDATE_FUZZ_WORK chooses it). Exit status: 0 when no
# target crashed, 1 when one did, 2 on a usage or build error.
#
# Leak detection is off: Foundation's Data(contentsOf:) leaks 4 KiB when it reads an empty file
# (FoundationEssentials.readBytesFromFile), which LeakSanitizer would report for every run.
set -euo pipefail

cd "$(dirname "$0")/.."
all_targets=(csto-page dates mandate-yaml ledger jsonl csv feed html)
seconds=${1:-600}
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
  echo "usage: Scripts/fuzz.sh [SECONDS] [TARGET...]  (targets: ${all_targets[*]})" >&2
  exit 2
fi
for target in "${targets[@]}"; do
  if [[ " ${all_targets[*]} " != *" $target "* ]]; then
    echo "unknown target '$target' (targets: ${all_targets[*]})" >&2
    exit 2
  fi
done

fixtures=Tests/MandateKitTests/Fixtures/fuzz
binary=.build-fuzz/debug/mandate-fuzz
echo "building $binary (fuzzer + address sanitizer)..."
if ! nice -n 19 swift build --scratch-path .build-fuzz -c debug --sanitize fuzzer \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING --product mandate-fuzz >.build-fuzz.log 2>&1; then
  grep -v 'Cannot export local symbol' .build-fuzz.log | tail -40 >&2
  echo "build failed (full log: .build-fuzz.log)" >&2
  exit 2
fi
rm -f .build-fuzz.log

work=${MANDATE_FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/mandate-fuzz.XXXXXX")}
mkdir -p "$work"
# Run a copy, so that rebuilding while a long run goes on cannot pull the binary from under it.
cp "$binary" "$work/mandate-fuzz"
binary="$work/mandate-fuzz"
summary=()
crashed=0
for target in "${targets[@]}"; do
  dir="$work/$target"
  rm -rf "$dir"
  mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/scratch"
  # A folder may hold no file of its own yet (git keeps it by its .gitkeep).
  find "$fixtures/$target" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$dir/corpus/" \;
  if [[ $target == html ]]; then
    # The page importer's fixtures are this target's seeds (FuzzCorpus.seeds replays the same).
    find Tests/MandateKitTests/Fixtures/pages -type f \( -name '*.html' -o -name '*.htm' \) | while read -r page; do
      name=${page#Tests/MandateKitTests/Fixtures/pages/}
      cp "$page" "$dir/corpus/seed-${name//\//-}"
    done
  fi
  options=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
    -artifact_prefix="$dir/artifacts/")
  [[ -f "$fixtures/$target.dict" ]] && options+=(-dict="$fixtures/$target.dict")
  echo "fuzzing $target for ${seconds}s (log: $dir/log)..."
  status=0
  started=$(date +%s)
  ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no MANDATE_FUZZ_TARGET="$target" \
    MANDATE_FUZZ_SCRATCH="$dir/scratch" nice -n 19 "$binary" "${options[@]}" "$dir/corpus" >"$dir/log" 2>&1 ||
    status=$?
  # Wall-clock seconds: a run stopped by a crash ends early, and then libFuzzer prints no "Done" line.
  elapsed=$(($(date +%s) - started))
  [[ $elapsed -gt 0 ]] || elapsed=1
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -1)
  executions=${executions:-0}
  crashes=0
  for artifact in "$dir/artifacts"/*; do
    [[ -e $artifact ]] || continue
    crashes=$((crashes + 1))
    name=$(basename "$artifact")
    [[ $name == crash-* ]] || name="crash-$name"
    cp "$artifact" "$fixtures/$target/$name"
    echo "  $target: $name copied into $fixtures/$target/"
  done
  if [[ $status -ne 0 && $crashes -eq 0 ]]; then
    echo "  $target: libFuzzer exited $status without an artefact; see $dir/log" >&2
    crashes=1
  fi
  [[ $crashes -eq 0 ]] || crashed=1
  corpus=$(find "$dir/corpus" -type f | wc -l)
  summary+=("$(printf '%-13s %8s %12s %8s %8s %8s' "$target" "$elapsed" "$executions" \
    "$((executions / elapsed))" "$crashes" "$corpus")")
done

echo
printf '%-13s %8s %12s %8s %8s %8s\n' target seconds executions exec/s crashes corpus
printf '%s\n' "${summary[@]}"
echo "corpora and logs: $work"
exit "$crashed"
