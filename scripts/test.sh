#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite through ctest. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_BUILD_DIR:-$root/build}"

# The whole suite includes the report's browser tests and the MPI runs (label `mpi`, under mpirun): install
# their browser and Open MPI too, and build splitsim-mpi beside splitsim.
SPLITSIM_BROWSER_TESTS=1 SPLITSIM_MPI=1 bash "$root/scripts/build.sh" -DSPLITSIM_MPI=ON
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
