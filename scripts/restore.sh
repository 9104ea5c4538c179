#!/usr/bin/env bash
# Restore a dump made by backup.sh into the (empty or existing) database named by DATABASE_URL.
# Usage: DATABASE_URL=postgres://user@host:5432/name scripts/restore.sh FILE
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to restore into}"
file="${1:?name the dump file to restore}"
[ -r "$file" ] || { echo "restore.sh: cannot read $file" >&2; exit 2; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --dbname="$DATABASE_URL" "$file"
echo "restored $file"
