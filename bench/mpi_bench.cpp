// One process against MPI ranks on the same cores, as a user runs them: `mpirun -n 1 splitsim-mpi ...
// --threads 2` against `mpirun -n 2 splitsim-mpi ... --threads 1`, both under `--bind-to none` (Open MPI
// would otherwise bind the one rank's two threads to one core) and both paying mpirun's start. The ratio of
// the two is what spreading over ranks costs against threads: the bytes exchanged, and the statistics
// every rank computes alike. On a 2-core machine:
//   build/bin/mpi_bench --benchmark_repetitions=3 --benchmark_enable_random_interleaving=true
// As root, mpirun needs --allow-run-as-root, which SPLITSIM_MPIRUN_ROOT=1 adds.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "timed_process.hpp"

namespace {

struct Case {
  const char* name;
  std::vector<std::string> args;  // after `splitsim-mpi`; "OUT" is replaced by the output file
};

// A large grid, an optimize run with its frontier, and a calibration.
const std::vector<Case>& cases() {
  static const std::string scenarios = std::string(SPLITSIM_SOURCE_DIR) + "/scenarios/";
  static const std::vector<Case> all{
      {"grid_mid_size_2000_trials",
       {"run", scenarios + "mid_size_multi_network.textproto", "--trials", "2000", "-o", "OUT"}},
      {"optimize_next_quarter_4000_trials",
       {"run", scenarios + "next_quarter_optimized.textproto", "--trials", "4000", "-o", "OUT"}},
      {"calibrate_account_1000_particles",
       {"calibrate", scenarios + "calibrated_account.textproto", "-o", "OUT"}},
  };
  return all;
}

void BM_Layout(benchmark::State& state, const Case& c) {
  const int ranks = static_cast<int>(state.range(0)), threads = 2 / ranks;
  const auto output = std::filesystem::temp_directory_path() / ("mpi_bench_" + std::to_string(getpid()));
  std::vector<std::string> command{SPLITSIM_MPIRUN, "--bind-to", "none", "-n", std::to_string(ranks)};
  if (const char* root = std::getenv("SPLITSIM_MPIRUN_ROOT"); root && std::string(root) == "1")
    command.insert(command.begin() + 1, "--allow-run-as-root");
  command.push_back(SPLITSIM_MPI_BINARY);
  for (const auto& arg : c.args) command.push_back(arg == "OUT" ? output.string() : arg);
  command.insert(command.end(), {"--threads", std::to_string(threads)});
  for (auto _ : state) state.SetIterationTime(splitsim::bench::timed_process(state, command));
  std::filesystem::remove(output);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (const auto& c : cases()) {
    benchmark::RegisterBenchmark(("BM_Layout/" + std::string(c.name)).c_str(),
                                 [&c](benchmark::State& state) { BM_Layout(state, c); })
        ->ArgName("ranks")
        ->Arg(1)
        ->Arg(2)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
