#!/usr/bin/env bash
# Backs up the whole platform database (every subgraph's schema, audit trails included) with
# pg_dump in its custom format, which pg_restore can restore whole or in part.
#
#   DATABASE_URL=postgres://user@host:5432/safeguarding scripts/backup.sh [file]
#   scripts/backup.sh [file]        # no DATABASE_URL: the embedded database (stop npm start first)
#
# The file defaults to backups/safeguarding-<UTC timestamp>.dump (.tar.gz for the embedded
# database, PGlite's own dump of its data folder, EMBEDDED_DATA_DIR or .data/pglite). pg_dump must
# be the server's major version or newer. Prints the file's path on success.
set -euo pipefail

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
if [[ -z "${DATABASE_URL:-}" ]]; then
  unset DATABASE_URL
  exec node "$(dirname "$0")/../packages/database/dist/embedded-backup-cli.js" backup "${1:-backups/safeguarding-embedded-$stamp.tar.gz}"
fi
file="${1:-backups/safeguarding-$stamp.dump}"
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
