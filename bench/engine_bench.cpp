// Engine throughput: channel-periods simulated per second with the bundled plugins, 1 and 2 threads.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include "engine/engine.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"

namespace {

using namespace splitsim;

// A year of weekly periods on two networks, every parameter uncertain (the plugins' default distributions).
constexpr const char* kScenario = R"(
budget { total: 100000 }
horizon { periods: 52 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 120 } }
channels { name: "linkedin" plugin: "linkedin" organic { cost_per_post: 150 } }
objective { kpi: CONVERSIONS }
trials: 8192
seed: 1
)";

struct World {
  PluginRegistry registry;
  ResolvedScenario scenario;
  World() {
    registry.load_directories({SPLITSIM_BUNDLED_PLUGIN_DIR});
    scenario = resolve_scenario(parse_scenario(kScenario, false, "bench"), registry);
  }
};

const World& world() {
  static const World instance;
  return instance;
}

void BM_EngineSimulate(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  const auto block = static_cast<std::size_t>(state.range(1));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const auto& scenario = world().scenario;
  const Engine engine(scenario, TrialSet::kSearch, block);
  const CandidateSplit split{0.3, {0.6, 0.4}, {0.5, 0.5}};
  for (auto _ : state) benchmark::DoNotOptimize(engine.simulate(split));
  // One item = one channel simulated over one period of one trial.
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenario.trials * scenario.periods *
                                                                         scenario.channels.size()));
  state.counters["threads"] = static_cast<double>(threads);
}
BENCHMARK(BM_EngineSimulate)
    ->ArgNames({"threads", "block"})
    ->Args({1, 128})
    ->Args({2, 128})
    ->Args({1, 16})
    ->Args({1, 1024})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_ParameterDraws(benchmark::State& state) {
  const auto& scenario = world().scenario;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  for (auto _ : state) benchmark::DoNotOptimize(Engine(scenario, TrialSet::kSearch));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenario.trials));
}
BENCHMARK(BM_ParameterDraws)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
