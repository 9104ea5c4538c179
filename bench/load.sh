#!/usr/bin/env bash
# Mixed load on loopback against gunicorn with PostgreSQL and Redis: first the maximum rate,
# then LOAD_SECONDS (default 600) at about 80% of it, checking errors and worker memory.
# Needs wrk (apt-get install -y wrk), PostgreSQL and Redis on 127.0.0.1.
# Usage: bash bench/load.sh    (LOAD_SECONDS=60 for a short run)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
LOAD_SECONDS=${LOAD_SECONDS:-600}
CONNECTIONS=${CONNECTIONS:-32}
OUT=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$OUT"' EXIT

source bench/production_env.sh

PORT=$(port)
# No worker recycling here: memory growth must show, not be reset.
MAX_REQUESTS=0 PORT=$PORT $BIN/gunicorn -c gunicorn.conf.py --pid "$OUT/gunicorn.pid" localoffer.wsgi &
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"

workers_rss_kb() { ps -o rss= --ppid "$(cat "$OUT/gunicorn.pid")" | awk '{s+=$1} END {print s}'; }
summary() {  # file
  awk '/Requests\/sec/ {rps=$2} /requests in/ {n=$1} /Non-2xx/ {bad=$5}
       /Socket errors/ {sock=$0} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
       END {printf "%s requests, %s req/s, p50 %s, p99 %s, non-2xx/3xx %s, %s\n",
            n, rps, p50, p99, (bad ? bad : 0), (sock ? sock : "no socket errors")}' "$1"
}

echo "Load test: $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $CONNECTIONS connections, bench/mix.lua"
# Warm every worker, the page cache and PostgreSQL first: a cold start would understate the
# maximum, and 80% of an understated maximum is not 80%.
wrk -t1 -c"$CONNECTIONS" -d10s -s bench/mix.lua "$URL" > /dev/null
wrk -t1 -c"$CONNECTIONS" -d20s --latency -s bench/mix.lua "$URL" > "$OUT/max.wrk"
MAX=$(awk '/Requests\/sec/ {print $2}' "$OUT/max.wrk")
echo "maximum (after a 10 s warm-up): $(summary "$OUT/max.wrk")"
TARGET=$($BIN/python -c "print(round(0.8 * $MAX))")
BEFORE=$(workers_rss_kb)
LOAD_RATE=$TARGET wrk -t1 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --latency --timeout 10s \
  -s bench/mix.lua "$URL" > "$OUT/load.wrk"
AFTER=$(workers_rss_kb)
HELD=$(awk '/Requests\/sec/ {print $2}' "$OUT/load.wrk")
echo "steady (${LOAD_SECONDS}s, timetable at 80% of the maximum = $TARGET req/s): $(summary "$OUT/load.wrk")"
$BIN/python -c "print(f'held {$HELD:.0f} req/s = {100 * $HELD / $MAX:.0f}% of the maximum')"
$BIN/python -c "b, a = $BEFORE, $AFTER; print(f'worker memory: {b/1024:.1f} MiB before, {a/1024:.1f} MiB after, growth {100*(a-b)/b:+.1f}% (target under 10%)')"
