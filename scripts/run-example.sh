#!/usr/bin/env bash
# Installs what is missing, builds, and runs the bundled example scenario (a table on stdout; binary
# results in build/example-results.pb). Extra arguments go to `splitsim run`, e.g. --format json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_BUILD_DIR:-$root/build}"

bash "$root/scripts/build.sh"
"$build/bin/splitsim" run "$root/scenarios/small_business.textproto" -o "$build/example-results.pb" "$@"
