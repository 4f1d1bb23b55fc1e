#!/usr/bin/env bash
# Installs splitsim to a temporary prefix and checks that the installed CMake package announces the ABI
# version of the installed SDK header (a plugin build may test SPLITSIM_ABI_VERSION to pick its code).
set -euo pipefail
build="$1" source="$2" work="$3"
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" > "$work/install.log"
header=$(sed -n 's/.*kAbiVersion = \([0-9][0-9]*\);.*/\1/p' "$prefix/include/splitsim/abi.hpp")
config=$(sed -n 's/^set(SPLITSIM_ABI_VERSION \(.*\))$/\1/p' "$prefix/lib/cmake/splitsim/splitsimConfig.cmake")
echo "abi.hpp: kAbiVersion = $header; splitsimConfig.cmake: SPLITSIM_ABI_VERSION $config"
[ -n "$header" ] && [ "$header" = "$config" ] || { echo "the installed package's ABI version is wrong"; exit 1; }

# The same comparison made by the compiler through find_package(splitsim).
cmake -S "$source/tests/sdk/abi_version_probe" -B "$work/probe" -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log"
cmake --build "$work/probe" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
echo "installed splitsimConfig.cmake announces ABI version $config, as splitsim/abi.hpp"
