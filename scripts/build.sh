#!/usr/bin/env bash
# Configures (once) and builds splitsim in Release into build/ (or $SPLITSIM_BUILD_DIR). Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_BUILD_DIR:-$root/build}"

bash "$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release "$@" > /dev/null
cmake --build "$build" --parallel "$(nproc)"
