// The optimizer's unit of work: one candidate split simulated and summarised, against simulation alone.
// Their ratio says how much of a search goes to statistics rather than to the plugins. Then a whole search:
// how many evaluations it takes, whether it converged within its bound, and what it costs, on 1 and 2
// threads; and a whole optimize run of an example on 1 and 2 threads.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include "engine/engine.hpp"
#include "plugins/plugin_registry.hpp"
#include "run/scenario_run.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/optimizer.hpp"
#include "search/split_evaluator.hpp"

namespace {

using namespace splitsim;

// A quarter of weekly periods on four networks, the size of the mid-size example with optimize.
constexpr const char* kScenario = R"(
budget { total: 90000 }
horizon { periods: 13 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 120 } }
channels { name: "instagram" plugin: "instagram" organic { cost_per_post: 120 } }
channels { name: "tiktok" plugin: "tiktok" organic { cost_per_post: 200 } }
channels { name: "youtube" plugin: "youtube" organic { cost_per_post: 300 } }
objective { kpi: CONVERSIONS statistic: P10 }
search { optimize {} }
trials: 500
seed: 1
)";

struct World {
  PluginRegistry registry;
  LoadedScenario loaded;
  ResolvedScenario scenario;
  World() {
    registry.load_directories({SPLITSIM_BUNDLED_PLUGIN_DIR});
    loaded = parse_scenario(kScenario, false, "bench");
    scenario = resolve_scenario(loaded, registry);
  }
};

const World& world() {
  static const World instance;
  return instance;
}

const CandidateSplit kSplit{0.2, {0.4, 0.3, 0.2, 0.1}, {0.25, 0.25, 0.25, 0.25}};

void BM_SimulateOnly(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  const Engine engine(world().scenario, TrialSet::kSearch);
  for (auto _ : state) benchmark::DoNotOptimize(engine.simulate(kSplit));
}
BENCHMARK(BM_SimulateOnly)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_EvaluateCandidate(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(0)));
  const Engine engine(world().scenario, TrialSet::kSearch);
  const SplitEvaluator evaluator(engine);
  for (auto _ : state) benchmark::DoNotOptimize(evaluator.evaluate(kSplit));
}
BENCHMARK(BM_EvaluateCandidate)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();

// The recommendation's search at the scenario's bound (300 evaluations) and at a larger one.
void BM_OptimizeSplit(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(1)));
  const auto& scenario = world().scenario;
  const Engine engine(scenario, TrialSet::kSearch);
  const SplitEvaluator evaluator(engine);
  const SplitSpace space(scenario, 1.0, 1.0);
  SearchOutcome outcome;
  for (auto _ : state) outcome = optimize_split(space, evaluator, static_cast<std::size_t>(state.range(0)));
  state.counters["evaluations"] = static_cast<double>(outcome.evaluations.size());
  state.counters["converged"] = outcome.converged ? 1.0 : 0.0;
  state.counters["best"] =
      best_evaluated(outcome.evaluations, scenario.objective).candidate.objective_value();
}
BENCHMARK(BM_OptimizeSplit)
    ->ArgNames({"bound", "threads"})
    ->Args({300, 1})
    ->Args({300, 2})
    ->Args({1000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// The whole optimize run of scenarios/next_quarter_optimized.textproto (search, finalists, comparisons,
// marginal returns, frontier) on 1 and 2 threads: their ratio is what a second core gives the optimizer.
void BM_NextQuarterOptimized(benchmark::State& state) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(state.range(0)));
  PluginRegistry registry;
  registry.load_directories({SPLITSIM_BUNDLED_PLUGIN_DIR});
  const auto loaded =
      load_scenario(std::string(SPLITSIM_SOURCE_DIR) + "/scenarios/next_quarter_optimized.textproto");
  for (auto _ : state)
    benchmark::DoNotOptimize(run_scenario(loaded, registry, static_cast<std::size_t>(state.range(0))));
}
BENCHMARK(BM_NextQuarterOptimized)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
