#include "run/time_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace splitsim {
namespace {

// Wall seconds per channel-period of plugin work on one thread, with the comparisons, margins and statistics
// that come with it. Measured on the grid examples with the bundled plugins (`splitsim validate FILE
// --threads 1` for the channel-periods, `/usr/bin/time splitsim run FILE --threads 1` for the wall time):
// 0.36 us (mid_size_multi_network, 9.1e7 channel-periods in 32.6 s) to 0.75 us (b2b_linkedin, the smallest,
// 2.0e6 in 1.5 s, where fixed costs weigh most); 0.48 us for enterprise_launch. Set near the slow end so the
// estimate is seldom exceeded, without announcing minutes for a run of seconds.
constexpr double kSecondsPerChannelPeriod = 0.8e-6;
// Threads rarely all stay busy (the optimizer's search is sequential between its parallel simulations).
constexpr double kParallelEfficiency = 0.7;
// Loading plugins, drawing parameters, writing results: the time a run takes whatever its size.
constexpr double kFixedSeconds = 1.0;

}  // namespace

double estimated_seconds(const RunPlan& plan, std::size_t threads) {
  const double workers = std::max(1.0, static_cast<double>(threads) * kParallelEfficiency);
  return kFixedSeconds + plan.estimate.channel_periods * kSecondsPerChannelPeriod / workers;
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
