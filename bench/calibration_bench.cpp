// Calibration cost: three channels (Meta, LinkedIn, TikTok) on 52 weeks of history with the bundled plugins,
// on one and two threads, and how the cost grows with the weeks of history and the posterior draws. Run:
// build/bin/calibration_bench (one iteration each: a calibration takes seconds).
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "calibration/calibrate.hpp"
#include "calibration/plan_simulator.hpp"
#include "engine/parameter_sampler.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"

namespace {

using namespace splitsim;
namespace fs = std::filesystem;

constexpr const char* kScenario = R"(
budget { total: 300000 }
horizon { periods: 13 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 100 } }
channels { name: "linkedin" plugin: "linkedin" organic { cost_per_post: 150 } }
channels { name: "tiktok" plugin: "tiktok" organic { cost_per_post: 200 } }
objective { kpi: CONVERSIONS }
seed: 1
)";

struct World {
  PluginRegistry registry;
  ResolvedScenario scenario;
  fs::path dir = fs::temp_directory_path() / "splitsim-calibration-bench";
  World() {
    registry.load_directories({SPLITSIM_BUNDLED_PLUGIN_DIR});
    scenario = resolve_scenario(parse_scenario(kScenario, false, "bench"), registry);
    fs::create_directories(dir);
  }
  ~World() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

World& world() {
  static World instance;
  return instance;
}

// A weekly export of `weeks` simulated at the channel's medians with flights of varied spend and 10% noise.
fs::path history(std::size_t c, std::size_t weeks) {
  auto& w = world();
  const auto& channel = w.scenario.channels[c];
  const auto path = w.dir / (channel.name + "_" + std::to_string(weeks) + ".csv");
  if (fs::exists(path)) return path;
  std::vector<double> truth;
  for (const auto& [spec, distribution] : channel.parameters)
    truth.push_back(truncated_quantile(distribution, spec.min, spec.max, 0.5));
  Plan plan;
  for (std::size_t t = 0; t < weeks; ++t)
    plan.spend.push_back(1000.0 + 9000.0 * static_cast<double>((t / 4 * 7) % 13) / 12.0);
  plan.posts.assign(weeks, 0.0);
  PlanSimulator simulator(1, weeks, truth.size());
  const auto& out = simulator.run(channel, 0, plan, truth, 0, 1, 99, 7.0);
  const RandomStream noise(7, static_cast<std::uint32_t>(c), StreamId::kPluginExtra);
  std::ofstream csv(path);
  csv << "date,spend,impressions,clicks,conversions\n";
  for (std::size_t t = 0; t < weeks; ++t) {
    const auto day = std::chrono::sys_days{std::chrono::year{2022} / 1 / 3} + std::chrono::days(7 * t);
    const std::chrono::year_month_day ymd{day};
    char line[160];
    const auto noisy = [&](Output o, std::uint32_t k) {
      return out.row(o, 0)[t] * std::exp(0.1 * noise.normal(t, k, 0));
    };
    std::snprintf(line, sizeof line, "%04d-%02u-%02u,%.2f,%.0f,%.0f,%.0f\n", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), plan.spend[t],
                  noisy(Output::kPaidImpressions, 0), noisy(Output::kClicks, 1),
                  noisy(Output::kConversions, 2));
    csv << line;
  }
  return path;
}

void run(benchmark::State& state, std::size_t channels, std::size_t weeks, std::size_t particles,
         std::size_t threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  CalibrationData data;
  for (std::size_t c = 0; c < channels; ++c) {
    const auto path = history(c, weeks);
    data.histories.push_back({world().scenario.channels[c].name, path, path.string(), "", {}});
  }
  CalibrationOptions options;
  options.particles = particles;
  options.seed = 1;
  std::uint64_t evaluations = 0;
  for (auto _ : state) {
    const auto calibration = calibrate(world().scenario, data, options);
    for (const auto& channel : calibration.channels())
      evaluations += channel.sampler().likelihood_evaluations();
    benchmark::DoNotOptimize(calibration);
  }
  state.counters["threads"] = static_cast<double>(threads);
  state.counters["evaluations"] = static_cast<double>(evaluations) / static_cast<double>(state.iterations());
}

// The issue's figure: three channels, 52 weeks, 1000 posterior draws.
void BM_CalibrateThreeChannels(benchmark::State& state) {
  run(state, 3, 52, 1000, static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_CalibrateThreeChannels)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

// Growth in weeks of history and in posterior draws (one channel, two threads).
void BM_CalibrateOneChannel(benchmark::State& state) {
  run(state, 1, static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)), 2);
}
BENCHMARK(BM_CalibrateOneChannel)
    ->ArgNames({"weeks", "particles"})
    ->Args({26, 1000})
    ->Args({52, 1000})
    ->Args({104, 1000})
    ->Args({52, 250})
    ->Args({52, 500})
    ->Args({52, 2000})
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
