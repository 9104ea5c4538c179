# Sourced by ladder.sh and load.sh: production settings on loopback, a benchmark database
# (created, migrated and loaded), a Redis database of its own, and a helper for free ports.
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lo_bench}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/15}
export CACHE_KEY_PREFIX="bench-$$" DEBUG=false PRODUCTION=true SECURE_SSL_REDIRECT=false
export SECRET_KEY=${SECRET_KEY:-$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(64))')}
export ALLOWED_HOSTS=127.0.0.1,localhost ACCESS_LOG=/dev/null
createdb -h 127.0.0.1 -U postgres "${DATABASE_URL##*/}" 2>/dev/null || true
$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py load_content >/dev/null
$BIN/python manage.py collectstatic --noinput -v0

port() { $BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
