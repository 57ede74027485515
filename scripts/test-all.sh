#!/usr/bin/env bash
# Every test suite, in order: type check, migrations up to date, vitest (unit + integration),
# production build, Playwright e2e against that build in Debian's chromium. Ends with one line
# "N passed, N failed, N skipped" summed over all of them; exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
RESULTS=tests/.results
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

check() { # name, command...: a check that counts as one test in the summary
  local name=$1; shift
  echo "== $name"
  if "$@"; then echo "pass" > "$RESULTS/check-$name"; else echo "fail" > "$RESULTS/check-$name"; echo "FAILED: $name"; fi
}

if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing chromium for the browser tests (apt-get install chromium)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's chromium: sudo apt-get install -y chromium" >&2
  fi
fi

migrations_current() {
  npx drizzle-kit generate >/dev/null && [ -z "$(git status --porcelain -- db/migrations 2>/dev/null)" ] ||
    { echo "db/schema.ts has changes without a migration: run npm run db:generate and commit it"; git status --porcelain -- db/migrations; return 1; }
}

check typecheck npx tsc --noEmit
check migrations migrations_current
echo "== vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest.json"
if [ "${SKIP_BUILD:-0}" != 1 ]; then check build npx next build; fi
if [ ! -f "$RESULTS/check-build" ] || grep -q pass "$RESULTS/check-build"; then
  echo "== playwright"
  npx playwright test
else
  echo "skipping the browser tests: the build failed"
fi
node scripts/test-summary.mjs "$RESULTS"
