#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite through ctest. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_BUILD_DIR:-$root/build}"

# The whole suite includes the report's browser tests: install their browser too.
SPLITSIM_BROWSER_TESTS=1 bash "$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
