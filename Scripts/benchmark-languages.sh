#!/usr/bin/env bash
# What reading Russian costs: import and suggest of a generated corpus with this tree's release build
# and with the build of a base revision (default `main`, before stemming and the Russian rules), side by
# side in one run, and the suggestion quality on the labelled Russian and English news.
#
#   Scripts/benchmark-languages.sh [SIZE] [BASE]     (default: 100000 main)
#
# The base is exported with `git archive` into a scratch folder and built there (release), with its
# own Priorities/. Each import runs into a fresh workspace, three times, alternating base and this
# tree; suggest (all events, JSON) runs five times on each, alternating too, because a shared
# machine's load moves within a minute. Figures are wall-clock medians; the ratio is this tree's to
# the base's. Environment as Scripts/benchmark.sh (MANDATE_BENCH_SHARED, MANDATE_BENCH_DATA). Run it
# under `nice` on a shared machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${MANDATE_BENCH_SHARED:-$root/../shared/bench}"
data="${MANDATE_BENCH_DATA:-$root/.build-bench-data}"
n="${1:-100000}"
base="${2:-main}"
[ -d "$shared" ] || { echo "no corpus generator at $shared (set MANDATE_BENCH_SHARED)" >&2; exit 2; }

cd "$root"
swift build -c release --product mandate >/dev/null
swift build -c release --product mandate-bench >/dev/null
ours="$root/.build/release/mandate"
bench="$root/.build/release/mandate-bench"

base_src="$root/.build-bench-base/$(git rev-parse --short "$base")"
if [ ! -x "$base_src/.build/release/mandate" ]; then
  rm -rf "$base_src" && mkdir -p "$base_src"
  git archive "$base" | tar -x -C "$base_src"
  (cd "$base_src" && swift build -c release --product mandate >/dev/null)
fi
theirs="$base_src/.build/release/mandate"
export MANDATE_NOW="2026-11-23T09:00:00Z"

echo "# language benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores; base $base ($(git rev-parse --short "$base")), this tree $(git rev-parse --short HEAD)"
"$bench" suggest-quality --repository "$root"

corpus="$data/$n"
if [ ! -f "$corpus/news.jsonl" ]; then
  echo "generating $n items into $corpus ..." >&2
  python3 "$shared/gen_news.py" "$n" "$corpus" >/dev/null
fi
field() { sed -E "s/.* $1 ([0-9.]+).*/\1/"; }
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }

declare -A imports=([base]="" [ours]="")
declare -A workspaces
for round in 1 2 3; do
  for side in base ours; do
    binary=$ours; priorities="$root/Priorities"
    [ "$side" = base ] && { binary=$theirs; priorities="$base_src/Priorities"; }
    ws="$(mktemp -d "${TMPDIR:-/tmp}/mandate-bench-XXXXXX")"
    mkdir -p "$ws/Priorities" && cp "$priorities"/*.yaml "$ws/Priorities/"
    line=$("$bench" exec --label "import-$n-$side" -- "$binary" import --workspace "$ws" "$corpus/news.jsonl")
    echo "$line"
    imports[$side]+="$(echo "$line" | field seconds) "
    if [ "$round" = 3 ]; then workspaces[$side]=$ws; else rm -rf "$ws"; fi
  done
done
declare -A suggests=([base]="" [ours]="")
for round in 1 2 3 4 5; do
  for side in base ours; do
    binary=$ours
    [ "$side" = base ] && binary=$theirs
    line=$("$bench" exec --label "suggest-$n-$side" -- "$binary" suggest --workspace "${workspaces[$side]}" --format json)
    echo "$line"
    suggests[$side]+="$(echo "$line" | field seconds) "
  done
done
rm -rf "${workspaces[base]}" "${workspaces[ours]}"
# shellcheck disable=SC2086
ib=$(median ${imports[base]}); io=$(median ${imports[ours]})
# shellcheck disable=SC2086
sb=$(median ${suggests[base]}); so=$(median ${suggests[ours]})
python3 - "$n" "$ib" "$io" "$sb" "$so" <<'PY'
import sys
n, ib, io, sb, so = sys.argv[1], *map(float, sys.argv[2:])
print(f"case languages-{n} import_base_s {ib:.2f} import_s {io:.2f} import_ratio {io/ib:.2f} "
      f"suggest_base_s {sb:.2f} suggest_s {so:.2f} suggest_ratio {so/sb:.2f}")
PY
