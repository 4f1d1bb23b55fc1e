#!/usr/bin/env bash
# Installs the Debian packages splitsim needs, only those missing. Safe to run any number of times.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libboost-dev libboost-program-options-dev  # Boost.DLL (header-only), Boost.Math, Program_options
  libtbb-dev                                 # oneTBB: parallel Monte Carlo
  libprotobuf-dev protobuf-compiler          # scenario and results schemas
  librandom123-dev                           # Philox counter-based random numbers
  libsleef-dev                               # SLEEF: vector math with the same bits on every x86-64 CPU
  libgtest-dev libgmock-dev                  # tests
  libbenchmark-dev                           # bench/
  libnlopt-cxx-dev                           # NLopt: derivative-free optimisation of the split
  rapidjson-dev                              # RapidJSON's SAX reader: JSON scenarios' structure and lines
  libeigen3-dev                              # Eigen: calibration's proposal covariances and Cholesky factors
  libcsv-dev                                 # libcsv: RFC 4180 reading of history exports for calibration
  libjs-vega                                 # Vega: the charts of `splitsim report`, built into the binary
)

# The browser that the report's tests (ctest label `browser`) open reports in: opt-in, asked for by
# scripts/test.sh, since building and running splitsim do not need it.
if [ "${SPLITSIM_BROWSER_TESTS:-0}" = 1 ]; then
  packages+=(chromium)
fi

# Open MPI, for the optional splitsim-mpi binary (cmake -DSPLITSIM_MPI=ON): asked for by scripts/test.sh,
# which builds and tests it; the default build and `splitsim` itself never need it.
if [ "${SPLITSIM_MPI:-0}" = 1 ]; then
  packages+=(libopenmpi-dev openmpi-bin)
fi

# Optional tools some scripts add (e.g. scripts/fuzz.sh: clang and its libFuzzer runtime).
read -r -a extra <<< "${SPLITSIM_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
