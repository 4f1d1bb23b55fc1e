#!/usr/bin/env bash
# Installs splitsim to a temporary prefix, builds the plugin template out of tree against it with
# find_package(splitsim), and checks that the installed runner loads it and that it passes `plugins check`.
set -euo pipefail
build="$1" source="$2" work="$3"
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" > "$work/install.log"
# No build type given, as the guide's commands: the template must default to an optimised build.
cmake -S "$source/examples/plugin-template" -B "$work/template" -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log"
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$work/template/CMakeCache.txt" ||
  { echo "the template does not default to a Release build"; exit 1; }
cmake --build "$work/template" > "$work/build.log"
lib="$work/template/libsplitsim_myplatform.so"
test -f "$lib" || { echo "template did not produce $lib"; exit 1; }

# Only the two ABI symbols are exported.
exported=$(nm -D --defined-only "$lib" | awk '{print $3}' | sort | tr '\n' ' ')
[ "$exported" = "splitsim_abi_version splitsim_create_platform " ] || { echo "unexpected exports: $exported"; exit 1; }

runner="$prefix/bin/splitsim"
"$runner" plugins list | grep -q '^meta ' || { echo "installed runner does not find the bundled plugins"; exit 1; }
"$runner" plugins describe myplatform --plugin-dir "$work/template" | grep -q 'organic_reach_rate'
"$runner" plugins check "$lib"

# And a scenario runs on it with the installed runner.
cat > "$work/s.textproto" <<'SCENARIO'
budget { total: 5000 } horizon { periods: 4 } objective { kpi: CLICKS } trials: 100
channels { name: "mine" plugin: "myplatform" organic { cost_per_post: 100 } }
SCENARIO
"$runner" run "$work/s.textproto" --plugin-dir "$work/template" --format csv > "$work/run.csv"
grep -q "^mine," "$work/run.csv"  # the plan: one row per channel
echo "out-of-tree template: installed, built, loaded, checked and run"
