#!/usr/bin/env bash
# `npm test`: the whole suite, on a fresh machine too. Installs what it needs (Debian packages,
# npm packages), then runs every tier: typecheck, OpenAPI staleness, unit, integration on PGlite
# AND on a throwaway PostgreSQL server, the web build, and browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
bash scripts/install-system-deps.sh
if [ ! -d node_modules/.bin ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
mkdir -p tmp/test-results
rm -f tmp/test-results/*.json
step() { printf '\n\033[1m=== %s\033[0m\n' "$1"; }
run_vitest() { # name, args…
  local name=$1; shift
  npx vitest run "$@" --reporter=default --reporter=json --outputFile="tmp/test-results/$name.json"
}

step "typecheck"
npm run --silent typecheck
step "OpenAPI document is up to date"
npm run --silent openapi -- --check
step "unit tests"
run_vitest unit --project unit
step "integration tests on PGlite (embedded)"
run_vitest integration-pglite --project integration
step "integration tests on PostgreSQL"
scripts/with-postgres.sh npx vitest run --project integration --reporter=default --reporter=json --outputFile=tmp/test-results/integration-postgres.json
step "web build"
npm run --silent build:web
step "browser tests (Chromium)"
run_vitest e2e --project e2e
node scripts/summarize-tests.mjs tmp/test-results
