#!/usr/bin/env bash
# Lighthouse 12 (Debian's Chromium) on the main page types, served by gunicorn with DEBUG off.
#
#   npm ci --prefix tools/lighthouse      # once
#   PORT=8000 bash bench/lighthouse.sh    # prints one line a page; JSON reports in bench/out/
#
# The site runs on 127.0.0.1 only, from a throwaway SQLite database holding the shipped
# fixtures plus the test content of tests/browser/pages.py (services, duties, pages).
# Lighthouse's default is a throttled mid-range phone: scores are for regressions, not boasting.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-8000}"
PYTHON="${PYTHON:-.venv/bin/python}"
LIGHTHOUSE=tools/lighthouse/node_modules/.bin/lighthouse
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync"
OUT=bench/out/lighthouse
PAGES=(
  home=/
  council-home=/essex/
  levels-of-need=/stoke-on-trent/levels-of-need/
  directory-results=/testshire/services/?q=service
  service=/testshire/services/service-1/
  route=/testshire/routes/short-breaks/
  rights=/rights/
  duty=/rights/children-act-1989-s17zd/
  glossary=/glossary/
  faq=/testshire/faq/
)

if [ ! -x "$LIGHTHOUSE" ]; then
  echo "lighthouse.sh: Lighthouse is not installed: run npm ci --prefix tools/lighthouse" >&2
  exit 2
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROME_PATH" ]; then
  echo "lighthouse.sh: Chromium not found at $CHROME_PATH: run apt-get install chromium" >&2
  exit 2
fi

WORK="$(mktemp -d)"
export DEBUG=false LOG_LEVEL=ERROR DATABASE_URL="sqlite:///$WORK/lighthouse.sqlite3"
unset REDIS_URL
"$PYTHON" manage.py migrate --noinput -v 0
"$PYTHON" manage.py load_content -v 0
"$PYTHON" manage.py shell -v 0 -c "from tests.browser.pages import make_site; make_site()"
"$PYTHON" manage.py collectstatic --noinput -v 0

"$PYTHON" -m gunicorn localoffer.wsgi --bind "127.0.0.1:$PORT" --workers 2 \
  --log-level warning 2>"$WORK/server.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.2
done

mkdir -p "$OUT"
printf '%-20s %-40s %5s %5s %5s %5s\n' page path a11y perf bp seo
for entry in "${PAGES[@]}"; do
  name="${entry%%=*}"
  path="${entry#*=}"
  # Chromium's trace occasionally misses navigation start (NO_NAVSTART): try once more.
  for attempt in 1 2; do
    "$LIGHTHOUSE" "http://127.0.0.1:$PORT$path" --quiet --output=json \
      --output-path="$OUT/$name.json" --chrome-flags="$CHROME_FLAGS" \
      --only-categories=accessibility,performance,best-practices,seo && break
    [ "$attempt" = 2 ] && exit 1
  done
  node -e '
    const r = require(process.argv[1]);
    const s = (k) => Math.round(r.categories[k].score * 100);
    console.log([process.argv[2].padEnd(20), process.argv[3].padEnd(40),
      ...["accessibility", "performance", "best-practices", "seo"].map(k => String(s(k)).padStart(5))
    ].join(" "));
  ' "$PWD/$OUT/$name.json" "$name" "$path"
done
