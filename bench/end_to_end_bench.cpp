// End to end, as a user runs it: `splitsim run EXAMPLE -o results.pb --threads T` of two bundled examples
// (the mid-size grid and the optimize run), timed for this build and, in the same benchmark run, for a
// baseline build of an older commit, each with its own bundled plugins. The ratio of their times is the
// gain. Run:
//   SPLITSIM_BASELINE=/path/to/old/build/bin/splitsim build/bin/end_to_end_bench --benchmark_repetitions=3
// Without SPLITSIM_BASELINE, this build alone is timed. What the runs print is thrown away.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "timed_process.hpp"

namespace {

// Runs `binary run SCENARIO` once and returns its wall time in seconds; skips the benchmark when it fails.
double timed_run(benchmark::State& state, const std::string& binary, const std::string& scenario,
                 int threads) {
  const auto output = std::filesystem::temp_directory_path() / ("end_to_end_" + std::to_string(getpid()));
  const double seconds = splitsim::bench::timed_process(
      state, {binary, "run", scenario, "-o", output.string(), "--threads", std::to_string(threads)});
  std::filesystem::remove(output);
  return seconds;
}

void BM_Run(benchmark::State& state, const std::string& binary, const std::string& example) {
  const std::string scenario = std::string(SPLITSIM_SOURCE_DIR) + "/scenarios/" + example + ".textproto";
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) state.SetIterationTime(timed_run(state, binary, scenario, threads));
}

// Each example's runs for this build, then the baseline's, one after the other: a change of load on a
// shared machine then falls on both.
void register_runs(const std::vector<std::pair<std::string, std::string>>& builds) {
  for (const char* example : {"mid_size_multi_network", "next_quarter_optimized"}) {
    for (const auto& [build, binary] : builds) {
      benchmark::RegisterBenchmark(("BM_Run/" + std::string(example) + "/" + build).c_str(),
                                   [binary = binary, example = std::string(example)](
                                       benchmark::State& state) { BM_Run(state, binary, example); })
          ->ArgName("threads")
          ->Arg(1)
          ->Arg(2)
          ->UseManualTime()
          ->Unit(benchmark::kMillisecond)
          ->Iterations(1);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::vector<std::pair<std::string, std::string>> builds{{"this", SPLITSIM_BINARY}};
  if (const char* baseline = std::getenv("SPLITSIM_BASELINE")) builds.emplace_back("baseline", baseline);
  register_runs(builds);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
