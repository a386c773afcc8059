#!/usr/bin/env bash
# Installs everything the tests need and runs every test:
#   OS packages (Chromium + CJK fonts + xmllint, via apt when missing), npm dependencies,
#   type check, lint, the production build, unit/integration tests (Vitest, real SQLite files),
#   and the Playwright end-to-end tests in Debian's Chromium (Electron's spec skips
#   itself where Electron's binary is not installed). Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt+=(fonts-noto-cjk)
command -v xmllint >/dev/null 2>&1 || need_apt+=(libxml2-utils)
command -v pofilter >/dev/null 2>&1 || need_apt+=(translate-toolkit) # the bench's pofilter comparison
command -v opencc >/dev/null 2>&1 || need_apt+=(opencc) # the eval corpus's held-out converter (eval/README.md)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing OS packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
rm -rf .reports

mkdir -p .reports
npm run typecheck
status=0
# ESLint: the layering, floating promises, the hooks rules (eslint.config.mjs); a failure fails the run, the tests still run.
npm run lint || status=$?
# the build first: process tests of browser mode (`jiaodui serve`) need the built user interface
npm run build
npx vitest run --reporter=default --reporter=json --outputFile=.reports/vitest.json || status=$?
# The renderer's size target: the first screen's JavaScript (scripts/check-bundle-size.mjs).
node scripts/check-bundle-size.mjs || status=$?
PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/playwright.json npx playwright test --reporter=list,json || status=$?
# Electron static analysis, offline, against the committed justified findings (fails on new ones).
node scripts/electronegativity.mjs || status=$?
node scripts/test-summary.mjs .reports/vitest.json .reports/playwright.json .reports/electronegativity-summary.json
exit $status
