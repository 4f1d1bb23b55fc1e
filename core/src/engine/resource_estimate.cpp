#include "engine/resource_estimate.hpp"

#include <algorithm>
#include <cstdio>

#include "engine/engine.hpp"
#include "errors.hpp"

namespace splitsim {

ResourceEstimate estimate_resources(const v1::Scenario& scenario, std::size_t candidates,
                                    std::size_t parameters, std::size_t threads) {
  const double trials = static_cast<double>(scenario.trials());
  const double channels = static_cast<double>(scenario.channels_size());
  const double in_flight = static_cast<double>(std::max<std::size_t>(1, std::min(threads, candidates)));
  ResourceEstimate e;
  // Parameter tables (one value per parameter and trial), per-trial KPI arrays of the candidates being
  // simulated (plus the sorted copy summaries make), and the summaries kept for every candidate.
  e.bytes = trials * static_cast<double>(parameters) * 8.0 +
            in_flight * trials * (channels + 1.0) * kKpiCount * 8.0 * 2.0 +
            static_cast<double>(candidates) * (channels + 1.0) * kKpiCount * 80.0;
  e.channel_periods = static_cast<double>(candidates) * trials * channels * scenario.horizon().periods();
  return e;
}

void check_resources(const ResourceEstimate& estimate, const ResourceLimits& limits,
                     const std::string& file) {
  char text[512];
  if (estimate.bytes > limits.max_bytes) {
    std::snprintf(
        text, sizeof text,
        "this run needs about %.1f GiB of memory (trials x channels x candidates simulated at once), "
        "above the limit of %.1f GiB: use fewer trials or threads, or raise --max-memory-gib",
        estimate.bytes / (1u << 30), limits.max_bytes / (1u << 30));
    throw InputError({{file, 0, "trials", text}});
  }
  if (estimate.channel_periods > limits.max_channel_periods) {
    std::snprintf(
        text, sizeof text,
        "this run simulates %.3g channel-periods (candidates x trials x channels x periods), above the "
        "limit of %.3g: use a coarser grid or fewer trials, or raise --max-work",
        estimate.channel_periods, limits.max_channel_periods);
    throw InputError({{file, 0, "search.grid", text}});
  }
}

}  // namespace splitsim
