// The bundled feed plugin's kernel, one thread, against (a) the same model composed one trial at a time
// from the SDK's scalar blocks (tests/reference: how the plugin computed before it was vectorised) and (b) a
// hand-vectorised yardstick of the same model on glibc's vector math (feed_reference_kernel.cpp). One item =
// one channel simulated over one period of one trial, so `ns_per_channel_period` compares directly.
// Run: build/bin/feed_kernel_bench
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "engine/parameter_sampler.hpp"
#include "feed_platform.hpp"
#include "feed_reference_kernel.hpp"
#include "meta_defaults.hpp"
#include "reference/feed_model_one_trial.hpp"

namespace {

using namespace splitsim;
using plugins::FeedPlatform;

constexpr std::size_t kTrials = 4096;
constexpr std::size_t kPeriods = 52;

// A year of weeks on Meta, each trial's parameters drawn from the network's default distributions, with
// spend and posts in every period (the case where every part of the model runs).
struct Input {
  FeedPlatform platform{plugins::meta_defaults()};
  std::vector<std::vector<double>> params;
  std::vector<const double*> pointers;
  std::vector<double> spend = std::vector<double>(kPeriods, 2500.0),
                      posts = std::vector<double>(kPeriods, 4.0);
  SimulationBlock block;
  Input() {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> u(0.001, 0.999);
    for (const auto& spec : platform.info().params) {
      std::vector<double> values(kTrials);
      for (auto& v : values) v = truncated_quantile(spec.default_value, spec.min, spec.max, u(random));
      params.push_back(std::move(values));
    }
    for (const auto& p : params) pointers.push_back(p.data());
    block.trials = kTrials;
    block.periods = kPeriods;
    block.params = pointers.data();
    block.plan = {spend.data(), posts.data(), PostFormat::kCrafted};
    block.noise = RandomStream(11, 0, StreamId::kPeriodNoise);
  }
};

struct Outputs {
  std::vector<double> data = std::vector<double>(static_cast<std::size_t>(kOutputCount) * kTrials * kPeriods);
  std::vector<double> audience = std::vector<double>(kTrials);
  OutputBuffers out = OutputBuffers::over(data.data(), audience.data(), kTrials, kPeriods);
};

const Input& input() {
  static const Input instance;
  return instance;
}

template <typename Kernel>
void run(benchmark::State& state, Kernel kernel) {
  Outputs outputs;
  for (auto _ : state) {
    kernel(input().block, outputs.out);
    benchmark::DoNotOptimize(outputs.data.data());
    benchmark::ClobberMemory();
  }
  state.counters["ns_per_channel_period"] =
      benchmark::Counter(static_cast<double>(kTrials * kPeriods) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_FeedPlugin(benchmark::State& state) {
  run(state, [](const SimulationBlock& b, const OutputBuffers& o) { input().platform.simulate(b, o); });
  // How far the yardstick's figures are from the plugin's (glibc's vector math against SLEEF's).
  Outputs plugin, yardstick;
  input().platform.simulate(input().block, plugin.out);
  bench::simulate_feed_reference(input().block, yardstick.out);
  double worst = 0.0;
  for (std::size_t k = 0; k < plugin.data.size(); ++k) {
    const double scale = std::fmax(std::fabs(plugin.data[k]), 1e-300);
    worst = std::fmax(worst, std::fabs(plugin.data[k] - yardstick.data[k]) / scale);
  }
  state.counters["max_rel_diff_to_yardstick"] = worst;
}
BENCHMARK(BM_FeedPlugin)->Unit(benchmark::kMillisecond);

void BM_FeedOneTrialAtATime(benchmark::State& state) {
  run(state, plugins::reference::simulate_feed_one_trial_at_a_time);
}
BENCHMARK(BM_FeedOneTrialAtATime)->Unit(benchmark::kMillisecond);

void BM_FeedHandVectorisedYardstick(benchmark::State& state) { run(state, bench::simulate_feed_reference); }
BENCHMARK(BM_FeedHandVectorisedYardstick)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
