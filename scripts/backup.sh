#!/usr/bin/env bash
# Backs up the whole platform database (every subgraph's schema, audit trails included) with
# pg_dump in its custom format, which pg_restore can restore whole or in part.
#
#   DATABASE_URL=postgres://user@host:5432/safeguarding scripts/backup.sh [file]
#
# The file defaults to backups/safeguarding-<UTC timestamp>.dump. pg_dump must be the server's
# major version or newer. Prints the file's path on success.
set -euo pipefail

if [[ -z "${DATABASE_URL:-}" ]]; then
  echo "backup.sh: set DATABASE_URL to the database to back up, e.g. postgres://postgres@127.0.0.1:5432/safeguarding" >&2
  exit 2
fi
file="${1:-backups/safeguarding-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$file")"
# Written next to the target and renamed, so a failed dump never leaves a truncated backup behind.
partial="$file.partial"
trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial" --dbname="$DATABASE_URL"
# A dump that pg_restore cannot list is no backup.
pg_restore --list "$partial" > /dev/null
mv "$partial" "$file"
trap - EXIT
echo "$file"
