#!/usr/bin/env bash
# The benchmark ladder: the council home page served six ways, measured in one run.
#   B0 nginx serving the saved HTML        B3 the real page from the app's cache
#   B1 a bare WSGI app under gunicorn      B4 the real page, uncached
#   B2 Django returning the saved bytes    B5 nginx caching proxy in front of Django
# Loopback only, bounded: each rung runs DURATION seconds (default 15).
# Needs: wrk and nginx (apt-get install -y wrk nginx), PostgreSQL and Redis on 127.0.0.1.
# Usage: bash bench/ladder.sh        (prints a table; paste it into bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
PAGE=${PAGE:-/stoke-on-trent/}
BIN=.venv/bin
OUT=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null; rm -rf "$OUT"' EXIT
# No worker recycling while measuring: a worker booting (about a second of CPU) every 2,000
# requests would cost the fast rungs more than the slow ones and swamp the per-request cost.
export MAX_REQUESTS=${MAX_REQUESTS:-0}

source bench/production_env.sh

wait_up() { for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done; echo "not up: $1" >&2; exit 1; }
gunicorn_on() {  # port, extra env..., app
  local p=$1; shift
  env PORT="$p" "$@" &
}
measure() {  # name url [header]
  local name=$1 url=$2; shift 2
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url" > "$OUT/$name.wrk"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$name.wrk")
  errors=$(awk '/Non-2xx/ {print $5} /Socket errors/ {print $0}' "$OUT/$name.wrk" | tr '\n' ' ')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$rps" > "$OUT/$name.rps"
}
ratio() { $BIN/python -c "print(f'{float(open(\"$OUT/$1.rps\").read())/float(open(\"$OUT/$2.rps\").read()):.2f}')"; }

APP=$(port)
gunicorn_on "$APP" $BIN/gunicorn -c gunicorn.conf.py localoffer.wsgi
wait_up "http://127.0.0.1:$APP/healthz"
curl -fs "http://127.0.0.1:$APP$PAGE" -o "$OUT/page.html"
export LADDER_SAVED_PAGE="$OUT/page.html"

# B0 and B5: nginx serving the saved file, and nginx caching Django's answers.
NGINX=$(port); PROXY=$(port)
mkdir -p "$OUT/www/stoke-on-trent" "$OUT/cache" "$OUT/tmp"
chmod -R a+rX "$OUT"  # nginx workers run as an unprivileged user
cp "$OUT/page.html" "$OUT/www/stoke-on-trent/index.html"
cat > "$OUT/nginx.conf" <<CONF
daemon off; worker_processes 1; pid $OUT/nginx.pid; error_log $OUT/error.log;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path $OUT/tmp; proxy_temp_path $OUT/tmp;
  fastcgi_temp_path $OUT/tmp; uwsgi_temp_path $OUT/tmp; scgi_temp_path $OUT/tmp;
  default_type text/html;
  proxy_cache_path $OUT/cache keys_zone=pages:10m;
  server { listen 127.0.0.1:$NGINX; root $OUT/www; }
  server { listen 127.0.0.1:$PROXY;
    location / { proxy_pass http://127.0.0.1:$APP; proxy_cache pages; proxy_set_header Host 127.0.0.1; } }
}
CONF
nginx -c "$OUT/nginx.conf" -p "$OUT" &
wait_up "http://127.0.0.1:$NGINX$PAGE"

BARE=$(port); SAVED=$(port); UNCACHED=$(port)
gunicorn_on "$BARE" $BIN/gunicorn -c gunicorn.conf.py --chdir bench bare_wsgi:application
gunicorn_on "$SAVED" env DJANGO_SETTINGS_MODULE=ladder_settings PYTHONPATH=bench \
  $BIN/gunicorn -c gunicorn.conf.py localoffer.wsgi
gunicorn_on "$UNCACHED" env PAGE_CACHE_SECONDS=0 $BIN/gunicorn -c gunicorn.conf.py localoffer.wsgi
for p in "$BARE" "$SAVED" "$UNCACHED"; do wait_up "http://127.0.0.1:$p/healthz" 2>/dev/null || wait_up "http://127.0.0.1:$p/"; done
curl -fs -o /dev/null "http://127.0.0.1:$APP$PAGE"   # warm the app cache
curl -fs -o /dev/null "http://127.0.0.1:$PROXY$PAGE" # warm the nginx cache

echo "Ladder for $PAGE: wrk -t1 -c$CONNECTIONS -d${DURATION}s, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| rung | req/s | p50 | p99 | errors |"
echo "| --- | --- | --- | --- | --- |"
measure B0-nginx-file "http://127.0.0.1:$NGINX$PAGE"
measure B1-bare-wsgi "http://127.0.0.1:$BARE$PAGE"
measure B2-django-saved-bytes "http://127.0.0.1:$SAVED/bench/saved/"
measure B3-page-from-cache "http://127.0.0.1:$APP$PAGE"
measure B4-page-uncached "http://127.0.0.1:$UNCACHED$PAGE"
measure B5-nginx-cache-proxy "http://127.0.0.1:$PROXY$PAGE"
echo
echo "B3/B2 = $(ratio B3-page-from-cache B2-django-saved-bytes) (target >= 0.8)"
echo "B4/B2 = $(ratio B4-page-uncached B2-django-saved-bytes) (target >= 0.3)"
echo "B5/B0 = $(ratio B5-nginx-cache-proxy B0-nginx-file) (target >= 0.5)"
echo
echo "Other pages, from cache (B3) and uncached (B4):"
echo
echo "| page | req/s | p50 | p99 | errors |"
echo "| --- | --- | --- | --- | --- |"
RESULT_COOKIE=$(DJANGO_SETTINGS_MODULE=localoffer.settings $BIN/python -c '
import django; django.setup()
from django.core import signing
from eligibility.finder import answers
print(signing.dumps({"age": 9, "disability": "yes", "child_needs": ["severe-learning-difficulties"], "family_factors": ["single-carer"], "carer_needs_support": True}, salt=answers.SALT, compress=True))')
for item in "service:/stoke-on-trent/services/aiming-high/" "search:/stoke-on-trent/services/?q=short+breaks"; do
  name=${item%%:*}; path=${item#*:}
  curl -fs -o /dev/null "http://127.0.0.1:$APP$path"
  measure "B3-$name" "http://127.0.0.1:$APP$path"
  measure "B4-$name" "http://127.0.0.1:$UNCACHED$path"
done
# The route-finder result is never cached: both rungs render it.
measure "B4-route-result" "http://127.0.0.1:$UNCACHED/stoke-on-trent/find-my-route/result/" \
  -H "Cookie: lo_route_answers=$RESULT_COOKIE"
