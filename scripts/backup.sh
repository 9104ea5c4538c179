#!/usr/bin/env bash
# Back up the PostgreSQL database named by DATABASE_URL to a custom-format dump file.
# Usage: DATABASE_URL=postgres://user@host:5432/name scripts/backup.sh [FILE]
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
file="${1:-localoffer-$(date -u +%Y%m%dT%H%M%SZ).dump}"
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$DATABASE_URL"
echo "$file"
