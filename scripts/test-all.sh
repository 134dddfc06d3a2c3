#!/usr/bin/env bash
# npm test: every test of the project. Lint and format check, type check, unit and integration tests (vitest; on PGlite,
# and on PostgreSQL too when TEST_DATABASE_URL is set), then the end-to-end tests in Debian's
# Chromium against a production build. Installs what is missing first.
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

[ -d node_modules ] || { step "npm ci"; npm ci --no-audit --no-fund || exit 1; }
[ -f lib/generated/prisma/client.ts ] || node scripts/prisma-generate.mjs || exit 1

# Chromium for the browser tests; pdftotext and LibreOffice to read the exported files back.
PACKAGES="chromium poppler-utils libreoffice-calc-nogui"
if ! [ -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null || ! command -v soffice >/dev/null; then
  step "Installing Debian's $PACKAGES for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $PACKAGES >/dev/null) || exit 1
  else
    echo "Missing: run 'sudo apt-get install -y $PACKAGES' once, then npm test again." >&2
    exit 1
  fi
fi

mkdir -p .test-results
rm -f .test-results/*.json
status=0

step "Lint and format (Biome)"
npm run --silent lint || status=1

step "Type check"
npx tsc --noEmit -p . || status=1

step "Unit and integration tests (vitest${TEST_DATABASE_URL:+; also on PostgreSQL})"
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json || status=1

step "Build"
node --import tsx -e 'import("./scripts/lib/build-stamp.ts").then((m) => m.ensureBuild())' || status=1

if [ -f .next/BUILD_ID ]; then
  step "End-to-end tests (Playwright, Chromium)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/playwright.json npx playwright test --reporter=list,json || status=1

  step "Hostile requests against the build (npm run test:hostile, 2,000 of them)"
  npm run --silent test:hostile -- --count 2000 --seconds 120 || status=1
fi

node scripts/test-summary.mjs .test-results/vitest.json .test-results/playwright.json || status=1
exit $status
