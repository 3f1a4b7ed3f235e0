#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into DATABASE_URL, replacing what is there: the
# dump's schemas and tables are dropped and recreated, in one transaction, so a failed restore
# leaves the database as it was. Stop the subgraphs first (they hold connections and caches).
#
#   DATABASE_URL=postgres://user@host:5432/safeguarding scripts/restore.sh backups/safeguarding-....dump
#
# To restore into a new database, create it first (createdb, or CREATE DATABASE) and point
# DATABASE_URL at it.
#
# Without DATABASE_URL it replaces the embedded database (EMBEDDED_DATA_DIR or .data/pglite) with
# a backup scripts/backup.sh made of it; stop npm start first. The backup is loaded into a new
# folder before the old one goes, so a bad file changes nothing.
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1" ]]; then
  echo "restore.sh: give the backup file made by scripts/backup.sh, e.g. scripts/restore.sh backups/safeguarding-20260101T000000Z.dump" >&2
  exit 2
fi
if [[ -z "${DATABASE_URL:-}" ]]; then
  unset DATABASE_URL
  exec node "$(dirname "$0")/../packages/database/dist/embedded-backup-cli.js" restore "$1"
fi
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$DATABASE_URL" "$1"
echo "restored $1"
