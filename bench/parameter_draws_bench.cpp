// Parameter draws per trial for the bundled networks' default distributions on seven channels, one thread:
// inverse CDFs in double (MathPolicy, what runs draw) against Boost.Math's default policy, which promotes
// double to long double (what they drew before). Run: build/bin/parameter_draws_bench; the ratio of the two
// `us_per_trial` figures is the gain.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "base/math_policy.hpp"
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

// draw_parameters' loop on one thread (same streams, same addresses), with the inverse CDFs under `Policy`.
template <typename Policy>
void BM_ParameterDrawsPerTrial(benchmark::State& state) {
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
  state.counters["us_per_trial"] =
      benchmark::Counter(static_cast<double>(scenario.trials) * 1e-6,
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["channels"] = static_cast<double>(scenario.channels.size());
}
BENCHMARK_TEMPLATE(BM_ParameterDrawsPerTrial, MathPolicy)
    ->Name("ParameterDraws/double")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_ParameterDrawsPerTrial, boost::math::policies::policy<>)
    ->Name("ParameterDraws/promoted_to_long_double")
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
