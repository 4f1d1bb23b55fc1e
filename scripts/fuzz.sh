#!/usr/bin/env bash
# Builds the libFuzzer scenario target with clang (ASan + UBSan) and fuzzes scenario parsing + validation.
#   bash scripts/fuzz.sh [SECONDS]     (default 600; new interesting inputs are kept in build-fuzz/corpus)
# Inputs grow up to SPLITSIM_FUZZ_MAX_LEN bytes (default 1 MiB): libFuzzer's own default, the largest seed's
# size, would never try the long lines that once overflowed the stack.
# A crash leaves its input as ./crash-* and exits non-zero; replay it with: build-fuzz/bin/fuzz_scenario FILE
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-600}"
max_len="${SPLITSIM_FUZZ_MAX_LEN:-1048576}"

SPLITSIM_EXTRA_PACKAGES="clang-14 libclang-rt-14-dev" bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DSPLITSIM_FUZZ=ON -DSPLITSIM_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target fuzz_scenario
mkdir -p "$build/corpus"
"$build/bin/fuzz_scenario" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len="$max_len" \
  "$build/corpus" "$root/scenarios" "$root/tests/bad_inputs"
