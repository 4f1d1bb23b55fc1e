// Parameter draws per trial for the bundled networks' default distributions on seven channels, one thread.
//
// - ParameterDraws/now: draw_parameters as runs call it, with each beta table already built (as in a run's
//   second and third trial sets, and in a batch over the same networks).
// - BetaTables/build: building every beta table of the scenario once, what a run's first trial set adds;
//   a cold run costs `now` plus this total divided by its trials.
// - ParameterDraws/boost_double: the same loop with Boost.Math's inverse CDFs per draw, in double (the
//   draws before the tables); ParameterDraws/before_long_double: the same under Boost's default policy,
//   which promotes double to long double, as the first version drew.
// Run: build/bin/parameter_draws_bench; the ratio of the `us_per_trial` figures is the gain.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <cstdint>
#include <vector>

#include "base/math_policy.hpp"
#include "engine/beta_quantile_table.hpp"
#include "engine/parameter_sampler.hpp"
#include "engine/truncated_inverse_cdf.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "splitsim/random_stream.hpp"

namespace {

using namespace splitsim;

// Seven networks, every parameter at its plugin's default distribution.
constexpr const char* kScenario = R"(
budget { total: 100000 }
horizon { periods: 13 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 120 } }
channels { name: "instagram" plugin: "instagram" organic { cost_per_post: 120 } }
channels { name: "tiktok" plugin: "tiktok" organic { cost_per_post: 200 } }
channels { name: "linkedin" plugin: "linkedin" organic { cost_per_post: 150 } }
channels { name: "youtube" plugin: "youtube" organic { cost_per_post: 400 } }
channels { name: "x" plugin: "x" organic { cost_per_post: 80 } }
channels { name: "pinterest" plugin: "pinterest" organic { cost_per_post: 100 } }
objective { kpi: CONVERSIONS }
trials: 4096
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

void report_per_trial(benchmark::State& state, const ResolvedScenario& scenario, std::uint64_t trials) {
  state.counters["us_per_trial"] =
      benchmark::Counter(static_cast<double>(trials) * 1e-6,
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["channels"] = static_cast<double>(scenario.channels.size());
  double uncertain = 0;  // parameters drawn per trial
  for (const auto& channel : scenario.channels)
    for (const auto& parameter : channel.parameters)
      uncertain += parameter.distribution.kind != DistributionKind::kFixed ? 1 : 0;
  state.counters["draws_per_trial"] = uncertain;
}

// What runs draw: draw_parameters on one thread, the beta tables built by the first iteration; the argument
// is the number of trials.
void BM_ParameterDraws(benchmark::State& state) {
  const auto& scenario = world().scenario;
  const auto trials = static_cast<std::uint64_t>(state.range(0));
  const std::uint64_t seed = trial_set_seed(scenario.seed, TrialSet::kSearch);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
  for (auto _ : state) {
    for (std::size_t c = 0; c < scenario.channels.size(); ++c)
      benchmark::DoNotOptimize(
          draw_parameters(scenario.channels[c].parameters, seed, static_cast<std::uint32_t>(c), trials));
  }
  report_per_trial(state, scenario, trials);
}
BENCHMARK(BM_ParameterDraws)
    ->Name("ParameterDraws/now")
    ->Arg(4096)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// Every beta table of the scenario built anew, as a run's first trial set builds them.
void BM_BetaTablesBuild(benchmark::State& state) {
  const auto& scenario = world().scenario;
  std::vector<Distribution> betas;
  for (const auto& channel : scenario.channels)
    for (const auto& parameter : channel.parameters)
      if (parameter.distribution.kind == DistributionKind::kBeta) betas.push_back(parameter.distribution);
  double pieces = 0;
  for (auto _ : state) {
    pieces = 0;
    for (const auto& d : betas) {
      const BetaQuantileTable table(d.a, d.b, 0x1.0p-54, 1.0 - 0x1.0p-53);  // the defaults' range is [0, 1]
      pieces += static_cast<double>(table.pieces());
    }
  }
  state.counters["tables"] = static_cast<double>(betas.size());
  state.counters["pieces_per_table"] = pieces / static_cast<double>(betas.size());
  state.counters["us_per_table"] =
      benchmark::Counter(static_cast<double>(betas.size()) * 1e-6,
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_BetaTablesBuild)->Name("BetaTables/build")->Unit(benchmark::kMillisecond);

// draw_parameters' loop (same streams, same addresses, one thread) with the inverse CDFs under `Policy`.
template <typename Policy>
void BM_ParameterDrawsUnder(benchmark::State& state) {
  const auto& scenario = world().scenario;
  const std::uint64_t seed = trial_set_seed(scenario.seed, TrialSet::kSearch);
  for (auto _ : state) {
    double checksum = 0.0;
    for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
      const RandomStream stream(seed, static_cast<std::uint32_t>(c), StreamId::kParameters);
      const auto& parameters = scenario.channels[c].parameters;
      for (std::size_t p = 0; p < parameters.size(); ++p) {
        const auto& spec = parameters[p].spec;
        const auto& distribution = parameters[p].distribution;
        if (distribution.kind == DistributionKind::kFixed) continue;
        for (std::uint64_t t = 0; t < scenario.trials; ++t)
          checksum += truncated_quantile_with<Policy>(distribution, spec.min, spec.max,
                                                      stream.uniform(t, static_cast<std::uint32_t>(p), 0));
      }
    }
    benchmark::DoNotOptimize(checksum);
  }
  report_per_trial(state, scenario, scenario.trials);
}
BENCHMARK_TEMPLATE(BM_ParameterDrawsUnder, MathPolicy)
    ->Name("ParameterDraws/boost_double")
    ->Unit(benchmark::kMillisecond);
// Boost.Math's default policy, which promotes double to long double.
BENCHMARK_TEMPLATE(BM_ParameterDrawsUnder, boost::math::policies::policy<>)
    ->Name("ParameterDraws/before_long_double")
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
