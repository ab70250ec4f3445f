#!/usr/bin/env bash
# Benchmarks with a release build, side by side with the baselines of ../shared/bench in the same run
# (and, for fetching, Scripts/fetch_baseline.py against the test server on 127.0.0.1).
#
#   Scripts/benchmark.sh [SIZE...]        sizes of generated corpora (default: 10000 100000)
#   Scripts/benchmark.sh pages            only the saved web pages (below)
#   Scripts/benchmark.sh fetch            only the fetch benchmark
#   Scripts/benchmark.sh web [SIZE [TAGS]]  only the web workspace under 8 clients (Scripts/benchmark-web.sh)
#
# With sizes, the run ends with the web workspace at 100,000 events when 100000 is among them and wrk
# is installed, so that one command gives every figure of the README's "Reliability and performance".
#
# Environment: MANDATE_BENCH_SHARED (default ../shared/bench), MANDATE_BENCH_DATA (where corpora are
# generated and kept, default .build-bench-data/; 100,000 items take about 45 s to generate, once).
# Every figure is a wall-clock median; peak RSS is the process's maximum resident set. Lines read
# "case NAME seconds S peak_rss_mb M ..."; ratios compare with the baseline run just before.
# The 1M corpus (Scripts/benchmark.sh 1000000) takes about 10 minutes to generate and 15 to run.
#
# Saved web pages: the 130 readability test pages of ../shared/corpora (MANDATE_BENCH_PAGES), read
# where they are, never copied. trafilatura + htmldate run first (../shared/bench/baseline_extract.py
# --score: their time, text F1 and publication days; Scripts/page-baselines.py: trafilatura's titles
# and its text F1 against the reference read as UTF-8), then `mandate-bench pages` (the same scores for
# mandate, and the time to read the pages in process) and `mandate import` of the 130 files into a fresh
# workspace. Needs: pip install trafilatura lxml_html_clean htmldate.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${MANDATE_BENCH_SHARED:-$root/../shared/bench}"
data="${MANDATE_BENCH_DATA:-$root/.build-bench-data}"
# Only one part: `pages` or `fetch` as the first argument.
only=""
case "${1:-}" in pages | fetch) only="$1"; shift ;; web) shift; exec "$(dirname "$0")/benchmark-web.sh" "$@" ;; esac
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
[ -z "$only" ] || sizes=()
[ -d "$shared" ] || { echo "no baselines at $shared (set MANDATE_BENCH_SHARED)" >&2; exit 2; }

cd "$root"
swift build -c release --product mandate >/dev/null
swift build -c release --product mandate-bench >/dev/null
mandate="$root/.build/release/mandate"
bench="$root/.build/release/mandate-bench"
export MANDATE_NOW="2026-11-23T09:00:00Z"

echo "# mandate benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

field() { sed -E "s/.* $1 ([0-9.]+).*/\1/"; }
ratio() { python3 -c "print(f'{float($1)/float($2):.2f}')"; }

if [ -z "$only" ]; then
  "$bench" yaml --megabytes 10
  "$bench" dates
  "$bench" linear
  "$bench" suggest-quality --repository "$root"
fi

pages_corpus="${MANDATE_BENCH_PAGES:-$root/../shared/corpora/readability-test-pages}"
if [ "$only" = fetch ]; then
  :
elif [ -d "$pages_corpus" ]; then
  baseline=$(python3 "$shared/baseline_extract.py" "$pages_corpus" --score)
  echo "$baseline" | sed 's/^/baseline trafilatura+htmldate /'
  text_seconds=$(echo "$baseline" | head -1 | sed -E 's/.*seconds ([0-9.]+) \(trafilatura.*/\1/')
  day_seconds=$(echo "$baseline" | head -1 | sed -E 's/.*seconds ([0-9.]+) \(htmldate.*/\1/')
  base_pages=$(python3 -c "print(f'{$text_seconds + $day_seconds:.2f}')")
  python3 "$root/Scripts/page-baselines.py" "$pages_corpus"
  line=$("$bench" pages --corpus "$pages_corpus" --runs 3)
  echo "$line baseline_seconds $base_pages ratio $(ratio "$(echo "$line" | field seconds)" "$base_pages")"
  ws="$(mktemp -d "${TMPDIR:-/tmp}/mandate-bench-XXXXXX")"
  mkdir -p "$ws/Priorities" && cp Priorities/*.yaml "$ws/Priorities/"
  line=$("$bench" exec --label import-pages --ok-status 0,1 -- "$mandate" import --workspace "$ws" \
    "$pages_corpus"/*/source.html)
  echo "$line baseline_seconds $base_pages ratio $(ratio "$(echo "$line" | field seconds)" "$base_pages")"
  rm -rf "$ws"
else
  echo "no web page corpus at $pages_corpus (set MANDATE_BENCH_PAGES); pages skipped" >&2
fi
if [ -z "$only" ] || [ "$only" = fetch ]; then
  # Fetching 1,000 small pages (JSONL, ~150 bytes) from the test server on 127.0.0.1, no delay
  # between requests: robots.txt, each GET, keeping the bodies, one import. Then the same again,
  # conditional (all 304). The baseline GETs the same pages over one keep-alive connection with
  # Python's http.client: the bare HTTP cost.
  pages=1000
  ws="$(mktemp -d "${TMPDIR:-/tmp}/mandate-bench-XXXXXX")"
  mkdir -p "$ws/Priorities" && cp Priorities/*.yaml "$ws/Priorities/"
  python3 Tests/MandateKitTests/Fixtures/fetch/server.py /dev/null "$pages" </dev/null >"$ws/port" &
  server=$!
  while [ ! -s "$ws/port" ]; do sleep 0.1; done
  port=$(head -1 "$ws/port")
  urls=()
  for ((n = 0; n < pages; n++)); do urls+=("http://127.0.0.1:$port/bench/$n.jsonl"); done
  base_fetch=$(python3 Scripts/fetch_baseline.py "$port" "$pages" | field seconds)
  line=$("$bench" exec --label "fetch-$pages" -- "$mandate" fetch --delay 0 --workspace "$ws" "${urls[@]}")
  seconds=$(echo "$line" | field seconds)
  echo "$line pages_per_second $(python3 -c "print(round($pages / $seconds))") baseline_seconds $base_fetch ratio $(ratio "$seconds" "$base_fetch")"
  line=$("$bench" exec --label "refetch-conditional-$pages" -- "$mandate" fetch --delay 0 --workspace "$ws" "${urls[@]}")
  echo "$line pages_per_second $(python3 -c "print(round($pages / $(echo "$line" | field seconds)))")"
  kill "$server" 2>/dev/null || true
  rm -rf "$ws"
fi

for n in "${sizes[@]+"${sizes[@]}"}"; do
  corpus="$data/$n"
  if [ ! -f "$corpus/news.jsonl" ]; then
    echo "generating $n items into $corpus ..." >&2
    python3 "$shared/gen_news.py" "$n" "$corpus" >/dev/null
  fi
  ws="$(mktemp -d "${TMPDIR:-/tmp}/mandate-bench-XXXXXX")"
  mkdir -p "$ws/Priorities" && cp Priorities/*.yaml "$ws/Priorities/"

  base_import=$(python3 "$shared/baseline_import.py" "$corpus/news.jsonl" "$ws/baseline.db" | field seconds)
  line=$("$bench" exec --label "import-$n" -- "$mandate" import --workspace "$ws" "$corpus/news.jsonl")
  echo "$line baseline_seconds $base_import ratio $(ratio "$(echo "$line" | field seconds)" "$base_import")"
  "$bench" exec --label "reimport-$n" -- "$mandate" import --workspace "$ws" "$corpus/news.jsonl"
  base_suggest=$(python3 "$shared/baseline_suggest.py" "$ws/baseline.db" | field seconds)
  line=$("$bench" exec --label "suggest-$n" --runs 3 -- "$mandate" suggest --workspace "$ws" --format json)
  echo "$line baseline_seconds $base_suggest ratio $(ratio "$(echo "$line" | field seconds)" "$base_suggest")"
  "$bench" exec --label "suggest-scoring-only-$n" --runs 3 -- "$mandate" suggest --workspace "$ws" --format json --limit 1
  "$bench" exec --label "rebuild-$n" -- "$mandate" index --rebuild --workspace "$ws"
  # A ledger of one tag per five events (20,000 for 100k), then the quarterly report: the first
  # run after the ledger changed indexes it and scores the suggestion cache (cold); later runs
  # are what an analyst waits for (warm).
  "$bench" ledger --workspace "$ws" --tags $((n / 5))
  "$bench" exec --label "report-cold-$n" -- "$mandate" report --workspace "$ws" --quarter 2024Q2
  # One decision, then the report: the suggestion cache scores again only the events it touched
  # (a tag: its event; a rejection: also the events matching the features it weights anew).
  # The third decision prints where the time goes instead.
  for kind in tag reject tag; do
    pair=$("$mandate" suggest --workspace "$ws" --format json --limit 1 --quarter 2024Q2 |
      python3 -c 'import json, sys; s = json.load(sys.stdin)[0]; print(s["event"], s["candidates"][0]["item"])')
    MANDATE_USER=bench "$mandate" "$kind" $pair --workspace "$ws" >/dev/null
    if [ "${timed_decision:-}" != "$n" ]; then
      "$bench" exec --label "report-after-$kind-$n" -- "$mandate" report --workspace "$ws" --quarter 2024Q2
      [ "$kind" = reject ] && timed_decision=$n
    else
      MANDATE_TIMING=1 "$mandate" report --workspace "$ws" --quarter 2024Q2 2>&1 >/dev/null | sed "s/^/report-after-$kind-$n /"
    fi
  done
  "$bench" exec --label "report-text-$n" --runs 5 -- "$mandate" report --workspace "$ws" --quarter 2024Q2
  "$bench" exec --label "report-html-$n" --runs 3 -- "$mandate" report --workspace "$ws" --quarter 2024Q2 --format html
  "$bench" report --workspace "$ws" --runs 5
  "$bench" exec --label "check-$n" -- "$mandate" check --workspace "$ws"
  rm -rf "$ws"
done

# The web workspace (Scripts/benchmark-web.sh) at 100,000 events, when that size was asked for.
if [[ " ${sizes[*]+"${sizes[*]}"} " == *" 100000 "* ]]; then
  if command -v wrk >/dev/null; then
    MANDATE_BENCH_DATA="$data" MANDATE_BENCH_SHARED="$shared" "$root/Scripts/benchmark-web.sh" 100000
  else
    echo "no wrk: the web workspace was not measured (apt-get install wrk)" >&2
  fi
fi
