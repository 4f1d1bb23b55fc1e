#include "run/time_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace splitsim {
namespace {

// Wall seconds per channel-period of plugin work on one thread, with the comparisons, margins and statistics
// that come with it, measured with the bundled plugins (`splitsim validate FILE --threads 1` for the
// channel-periods, `/usr/bin/time splitsim run FILE --threads 1` for the wall time) and set about twice the
// slowest figure, so that a slower machine seldom exceeds the estimate without announcing minutes for a
// run of seconds. An optimize run: 66 ns (next_quarter_optimized, 1.81e7 channel-periods in 1.20 s) to
// 80 ns at 4,000 trials (1.45e8 in 11.7 s). A grid reuses each channel plan's figures across the splits
// that share it, so a channel-period costs less the larger the grid: 13 ns (mid_size_multi_network, 9.1e7
// in 1.21 s), 16 ns (enterprise_launch, 6.9e7 in 1.40 s), 50 ns for the 126 splits of b2b_linkedin.
constexpr double kOptimizeSecondsPerChannelPeriod = 0.16e-6;
constexpr double kGridSecondsPerChannelPeriod = 0.05e-6;
// Threads rarely all stay busy (the optimizer's search is sequential between its parallel simulations).
constexpr double kParallelEfficiency = 0.7;
// Loading plugins, drawing parameters, writing results: the time a run takes whatever its size (about 0.3 s
// for the examples).
constexpr double kFixedSeconds = 0.5;

}  // namespace

double estimated_seconds(const RunPlan& plan, std::size_t threads) {
  const double workers = std::max(1.0, static_cast<double>(threads) * kParallelEfficiency);
  const double per_channel_period =
      plan.grid.empty() ? kOptimizeSecondsPerChannelPeriod : kGridSecondsPerChannelPeriod;
  return kFixedSeconds + plan.estimate.channel_periods * per_channel_period / workers;
}

std::string duration_words(double seconds) {
  char text[48];
  if (!std::isfinite(seconds)) return "a very long time";
  if (seconds < 90.0) {
    std::snprintf(text, sizeof text, "%.0f s", std::max(1.0, std::ceil(seconds)));
  } else if (seconds < 90.0 * 60.0) {
    std::snprintf(text, sizeof text, "%.0f min", std::ceil(seconds / 60.0));
  } else {
    const double minutes = std::ceil(seconds / 60.0);
    std::snprintf(text, sizeof text, "%.0f h %.0f min", std::floor(minutes / 60.0), std::fmod(minutes, 60.0));
  }
  return text;
}

std::string large_grid_suggestion(const RunPlan& plan, bool optimize) {
  if (optimize || plan.candidates <= kLargeGridCandidates) return "";
  return "the grid has " + std::to_string(plan.candidates) +
         " candidate splits: `--search optimize` (or search { optimize {} }) finds a plan in a few hundred "
         "simulations; or use a coarser channel_step\n";
}

std::string run_time_notice(const RunPlan& plan, bool optimize, std::size_t threads) {
  std::string notice;
  const double seconds = estimated_seconds(plan, threads);
  if (seconds > kAnnouncedRunSeconds) {
    notice += "this run will take about " + duration_words(seconds) + " on " + std::to_string(threads) +
              (threads == 1 ? " thread" : " threads") + " (" + std::to_string(plan.candidates) +
              (optimize ? " simulations at most" : " candidate splits") + ")\n";
  }
  return notice + large_grid_suggestion(plan, optimize);
}

}  // namespace splitsim
