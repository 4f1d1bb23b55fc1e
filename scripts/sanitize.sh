#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer and runs the whole suite under them.
# Any sanitizer report fails the test it happens in. Idempotent; the build lives in build-asan/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_ASAN_BUILD_DIR:-$root/build-asan}"

SPLITSIM_BROWSER_TESTS=1 bash "$root/scripts/install-deps.sh"  # with the browser of the report tests
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSPLITSIM_SANITIZE=ON \
  -DSPLITSIM_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
