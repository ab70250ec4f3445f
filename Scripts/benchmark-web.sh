#!/usr/bin/env bash
# The web workspace under load: a release `mandate serve` on a 100,000-event workspace with 20,000
# tags, 8 concurrent clients (wrk), p50/p95/p99 latency per page, and the server's memory.
#
#   Scripts/benchmark-web.sh [SIZE [TAGS]]     default 100000 events, 20000 tags
#
# Needs wrk (apt-get install wrk) and ../shared/bench/gen_news.py (MANDATE_BENCH_SHARED). Corpora are
# generated once into MANDATE_BENCH_DATA (default .build-bench-data/), as Scripts/benchmark.sh does.
# MANDATE_WEB_SECONDS sets each run's length (default 20). Each page is requested once before its
# runs ("first"): what the first visitor after a change waits for; then one client alone for a few
# seconds ("alone_p50_ms": the cost of one request), then 8 clients at once. MANDATE_WEB_WORKSPACE
# names a folder to keep the prepared workspace in (and reuse it when it already holds one).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${MANDATE_BENCH_SHARED:-$root/../shared/bench}"
data="${MANDATE_BENCH_DATA:-$root/.build-bench-data}"
n="${1:-100000}"
tags="${2:-$((n / 5))}"
seconds="${MANDATE_WEB_SECONDS:-20}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
[ -d "$shared" ] || { echo "no gen_news.py at $shared (set MANDATE_BENCH_SHARED)" >&2; exit 2; }

cd "$root"
swift build -c release --product mandate >/dev/null
swift build -c release --product mandate-bench >/dev/null
mandate="$root/.build/release/mandate"
bench="$root/.build/release/mandate-bench"

corpus="$data/$n"
if [ ! -f "$corpus/news.jsonl" ]; then
  echo "generating $n items into $corpus ..." >&2
  python3 "$shared/gen_news.py" "$n" "$corpus" >/dev/null
fi
keep="${MANDATE_WEB_WORKSPACE:-}"
ws="${keep:-$(mktemp -d "${TMPDIR:-/tmp}/mandate-web-bench-XXXXXX")}"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/mandate-web-bench-run-XXXXXX")"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  [ -n "$keep" ] || rm -rf "$ws"
  rm -rf "$scratch"
}
trap cleanup EXIT
if [ ! -d "$ws/Events" ]; then
  mkdir -p "$ws/Priorities" && cp Priorities/*.yaml "$ws/Priorities/"
  "$mandate" import --workspace "$ws" "$corpus/news.jsonl" >/dev/null
  "$bench" ledger --workspace "$ws" --tags "$tags"
fi

"$mandate" serve --workspace "$ws" --port 0 --by bench >"$scratch/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
  grep -q 'http://127.0.0.1:' "$scratch/serve.log" 2>/dev/null && break
  sleep 0.1
done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$scratch/serve.log")
[ -n "$base" ] || { cat "$scratch/serve.log" >&2; exit 1; }

cat >"$scratch/percentiles.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("p50_ms %.1f p95_ms %.1f p99_ms %.1f max_ms %.1f requests %d errors %d rps %.0f\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, errors, summary.requests / (summary.duration / 1e6)))
end
LUA

rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$server/status"; }
peak() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$server/status"; }

echo "# mandate serve under load, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg), $n events, $tags tags, wrk 2 threads 8 connections ${seconds}s"
echo "case idle rss_mb $(rss)"
for path in "/" "/triage?quarter=2024Q2" "/search?q=peacekeeping" "/search?q=%22rescue+teams%22&quarter=2024Q2" \
  "/api/report/2024Q2" "/report/2024Q2" "/events/$(curl -s "$base/api/events?limit=1&quarter=2024Q2" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"; do
  first=$(curl -s -o /dev/null -w '%{time_total}' "$base$path")
  status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  alone=$(wrk -t1 -c1 -d5s --timeout 10s -s "$scratch/percentiles.lua" "$base$path" | tail -1 | awk '{print $2}')
  line=$(wrk -t2 -c8 -d"${seconds}s" --timeout 10s -s "$scratch/percentiles.lua" "$base$path" | tail -1)
  echo "case $path status $status first_ms $(python3 -c "print(round($first * 1000))") alone_p50_ms $alone $line rss_mb $(rss)"
done
# Triage as an analyst does it: a decision, then the next page (the ledger changed, so what
# depends on it is computed again; the queue's scores are kept, as `mandate review` keeps them).
python3 - "$base" <<'PY'
import http.cookiejar, json, re, statistics, sys, time, urllib.request
base = sys.argv[1]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
token = json.load(opener.open(base + "/api/session"))["csrfToken"]
page = opener.open(base + "/triage?quarter=2024Q2").read().decode()
decide, after = [], []
for _ in range(20):
    event = re.search(r'name="event" value="([0-9a-f]{16})"', page).group(1)
    body = json.dumps({"kind": "reject", "event": event, "items": ["P1.1"]}).encode()
    request = urllib.request.Request(base + "/api/decisions", data=body, method="POST",
        headers={"Content-Type": "application/json", "X-CSRF-Token": token})
    start = time.perf_counter()
    opener.open(request).read()
    decide.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    page = opener.open(base + f"/triage?quarter=2024Q2&after={event}").read().decode()
    after.append((time.perf_counter() - start) * 1000)
print(f"case triage-keystroke decision_p50_ms {statistics.median(decide):.0f} decision_max_ms {max(decide):.0f} "
      f"next_page_p50_ms {statistics.median(after):.0f} next_page_max_ms {max(after):.0f} runs 20")
PY
echo "case server peak_rss_mb $(peak) rss_mb $(rss)"
