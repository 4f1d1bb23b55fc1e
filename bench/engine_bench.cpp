// Engine throughput: channel-periods simulated per second with the bundled plugins, 1 and 2 threads; a
// split evaluated as a search or grid does it (simulated, then every KPI summarised); and the plugins alone
// on the same trials and plan. The engine's own share (output checks, KPIs) is the ratio of
// BM_EngineSimulate/threads:1/block:128 to BM_PluginsAlone; with the statistics, BM_EvaluateSplit's.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include "engine/engine.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/split_evaluator.hpp"

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
    ->Args({1, 0})  // the engine's own choice for the horizon (block_trials_for)
    ->Args({1, 16})
    ->Args({1, 32})
    ->Args({1, 64})
    ->Args({1, 1024})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One split as a search or grid evaluates it, one thread: simulated (into arrays reused from the last
// split), every KPI of every scope summarised, and its candidate built.
void BM_EvaluateSplit(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const auto& scenario = world().scenario;
  const Engine engine(scenario, TrialSet::kSearch);
  const SplitEvaluator evaluator(engine);
  const CandidateSplit split{0.3, {0.6, 0.4}, {0.5, 0.5}};
  for (auto _ : state) benchmark::DoNotOptimize(evaluator.evaluate(split));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenario.trials * scenario.periods *
                                                                         scenario.channels.size()));
}
BENCHMARK(BM_EvaluateSplit)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the engine asks of the plugins for one split, and nothing else: the same parameter tables, plan,
// noise streams and blocks of 128 trials, into one reused buffer.
void BM_PluginsAlone(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const auto& scenario = world().scenario;
  const Engine engine(scenario, TrialSet::kSearch);
  const Allocation allocation = allocate(scenario, CandidateSplit{0.3, {0.6, 0.4}, {0.5, 0.5}});
  const auto kBlock = static_cast<std::size_t>(state.range(0));
  const std::size_t periods = scenario.periods;
  std::vector<double> outputs(static_cast<std::size_t>(kOutputCount) * kBlock * periods), audience(kBlock);
  for (auto _ : state) {
    for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
      std::vector<double> spend(periods), posts(periods, allocation.channels[c].posts_per_period);
      for (std::size_t t = 0; t < periods; ++t) spend[t] = allocation.paid_spend(c, t);
      const auto& table = engine.parameters(c);
      std::vector<const double*> params(table.size());
      for (std::uint64_t first = 0; first < scenario.trials; first += kBlock) {
        const std::size_t n = std::min<std::size_t>(kBlock, scenario.trials - first);
        for (std::size_t p = 0; p < table.size(); ++p) params[p] = table[p].data() + first;
        SimulationBlock block;
        block.first_trial = first;
        block.trials = n;
        block.periods = periods;
        block.period_days = scenario.period_days;
        block.params = params.data();
        block.plan = {spend.data(), posts.data(), scenario.channels[c].post_format()};
        block.noise = RandomStream(trial_set_seed(scenario.seed, TrialSet::kSearch),
                                   static_cast<std::uint32_t>(c), StreamId::kPeriodNoise);
        const OutputBuffers out = OutputBuffers::over(outputs.data(), audience.data(), n, periods);
        scenario.channels[c].plugin->platform->simulate(block, out);
      }
    }
    benchmark::DoNotOptimize(outputs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenario.trials * scenario.periods *
                                                                         scenario.channels.size()));
}
BENCHMARK(BM_PluginsAlone)
    ->ArgName("block")
    ->Arg(16)
    ->Arg(32)
    ->Arg(64)
    ->Arg(128)
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
