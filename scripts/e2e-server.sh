#!/usr/bin/env bash
# The production server for the browser tests (playwright.config.ts), its output copied to $E2E_LOG: the first-admin
# test reads its one-time link from there, as a newcomer reads it from the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
: > "$E2E_LOG"
exec > >(tee -a "$E2E_LOG") 2>&1
if [ -n "${DATABASE_URL:-}" ]; then
  # A fresh database of the tests' own on that server; then, as on any PostgreSQL, nothing is seeded and no link is
  # printed unless asked: ask.
  DATABASE_URL=$(node scripts/e2e-database.mjs)
  export DATABASE_URL
  npm run --silent db:seed
  npm run --silent admin:create -- "$E2E_ADMIN_EMAIL"
else
  # A fresh embedded database, seeded before the server holds it (one process at a time); `npm start` never seeds,
  # and the first-admin link is printed at start, as for a newcomer.
  # The seed process must not open the loopback window onto the database (only the server under test does).
  rm -rf "$DATA_DIR"
  E2E_PGLITE_SOCKET_PORT= npm run --silent db:seed
fi
exec node scripts/server.mjs --hostname localhost --port "$PORT"
