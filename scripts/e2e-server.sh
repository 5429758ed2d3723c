#!/usr/bin/env bash
# The production server for the browser tests (playwright.config.ts), its output copied to $E2E_LOG: the first-admin
# test reads its one-time link from there, as a newcomer reads it from the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
: > "$E2E_LOG"
exec > >(tee -a "$E2E_LOG") 2>&1
if [ -n "${DATABASE_URL:-}" ]; then
  # On PostgreSQL nothing is seeded and no link is printed unless asked: ask.
  npm run --silent db:seed
  npm run --silent admin:create -- "$E2E_ADMIN_EMAIL"
else
  rm -rf "$DATA_DIR"
fi
exec ./node_modules/.bin/next start -H localhost -p "$PORT"
