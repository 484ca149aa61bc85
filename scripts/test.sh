#!/usr/bin/env bash
# npm test: every check, cheapest first; stops at the first failure and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
passed=()

step() {
  local name=$1
  shift
  echo
  echo "── ${name}"
  if ! "$@"; then
    echo
    echo "npm test: FAILED at ${name} (passed: ${passed[*]:-none}) after $((SECONDS - started)) s"
    exit 1
  fi
  passed+=("$name")
}

# Electron has no headless mode on Linux: its end-to-end test needs a display, Xvfb will do.
e2e() {
  if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && command -v xvfb-run >/dev/null \
    && npx tsx -e "import { electronBinary } from './scripts/lib/electron-binary'; process.exit(electronBinary() ? 0 : 1)"; then
    xvfb-run --auto-servernum --server-args='-screen 0 1920x1080x24' npx playwright test
  else
    npx playwright test
  fi
}

step lint npm run --silent lint
step typecheck npm run --silent typecheck
step unit npm run --silent test:unit
# The deadline clock must not depend on the machine's time zone: run it again far from Beijing.
step unit-new-york env TZ=America/New_York npx vitest run --project unit tests/unit/deadline-
step integration npm run --silent test:integration
step build npm run --silent build
step e2e e2e

echo
echo "npm test: all passed (${passed[*]}) in $((SECONDS - started)) s"
