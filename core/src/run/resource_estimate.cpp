#include "run/resource_estimate.hpp"

#include <algorithm>
#include <cstdio>

#include "base/errors.hpp"
#include "base/kpi.hpp"
#include "engine/engine.hpp"
#include "search/channel_summary_cache.hpp"

namespace splitsim {
namespace {

// Measured (peak RSS of optimizer runs of 8 channels, 100 to 4,000 trials): a KPI summary held as a
// results message costs about 130-140 bytes (the message, its slot in the repeated field, allocator
// overhead). The optimizer holds every evaluation's candidate whole.
constexpr double kSummaryBytes = 130.0;
// Per optimizer candidate besides its summaries: the allocation (per channel) and the candidate's own fields.
constexpr double kChannelAllocationBytes = 150.0;
constexpr double kCandidateBytes = 400.0;
// Measured (peak RSS of paid-only grids of 4 and 8 channels, 36 to 91,881 candidates, 8 trials): what a grid
// keeps of a candidate once it is written away (output/candidate_spool.hpp) — its split, its place in the
// temporary file, what ranks it and its place in the ranking's order — is about 200 bytes and 16 more per
// channel (its shares).
constexpr double kKeptCandidateBytes = 200.0;
constexpr double kKeptChannelBytes = 16.0;
// The process before any of the above: the binary, its libraries, the plugins, oneTBB's workers (measured:
// every shape of ResourceEstimate's test peaked 0.5-1 MiB higher once the SDK's math came from libsleef).
constexpr double kProcessBytes = 13.0 * (1 << 20);

}  // namespace

ResourceEstimate estimate_resources(const ResolvedScenario& scenario, std::size_t candidates,
                                    std::size_t threads, std::size_t channel_plans) {
  double parameters = 0.0;
  for (const auto& channel : scenario.channels) parameters += static_cast<double>(channel.parameters.size());
  const double trials = static_cast<double>(scenario.trials);
  const double channels = static_cast<double>(scenario.channels.size());
  const double scopes = channels + 1.0;  // every channel and the total
  const double in_flight = static_cast<double>(std::max<std::size_t>(1, std::min(threads, candidates)));
  // Trial sets alive at once: the search's and the comparison's; the optimizer's fresh trials besides.
  const double trial_sets = scenario.optimize ? 3.0 : 2.0;
  const double count = static_cast<double>(candidates);

  ResourceEstimate e;
  e.bytes = kProcessBytes + trial_sets * trials * parameters * 8.0 +
            // per-trial KPIs of the candidates being simulated, and the one sorted copy a summary makes
            in_flight * trials * (scopes * kKpiCount + 1.0) * 8.0;
  if (scenario.optimize) {
    e.bytes +=
        count * (scopes * kKpiCount * kSummaryBytes + channels * kChannelAllocationBytes + kCandidateBytes);
  } else {
    e.bytes += count * (kKeptCandidateBytes + channels * kKeptChannelBytes);
    // The channel outcomes a grid's engine keeps for later splits with the same plans (no more than the
    // grid has plans), and their summaries.
    const double kept = static_cast<double>(std::min(reused_outcome_capacity(scenario), channel_plans));
    e.bytes += kept * channel_outcome_bytes(scenario) +
               std::min(static_cast<double>(kKeptChannelSummaries), kept) * kKpiCount * kSummaryBytes;
  }
  e.channel_periods =
      static_cast<double>(candidates) * trials * channels * static_cast<double>(scenario.periods);
  return e;
}

std::string memory_words(double bytes) {
  char text[32];
  if (bytes >= 1024.0 * (1 << 20)) {
    std::snprintf(text, sizeof text, "%.1f GiB", bytes / (1u << 30));
  } else {
    std::snprintf(text, sizeof text, "%.0f MiB", bytes / (1 << 20));
  }
  return text;
}

void check_resources(const ResourceEstimate& estimate, const ResourceLimits& limits,
                     const std::string& file) {
  char text[512];
  if (estimate.bytes > limits.max_bytes) {
    std::snprintf(
        text, sizeof text,
        "this run needs about %s of memory (trials x channels x candidates), above the limit of %s: "
        "use fewer trials, channels or candidates, or raise --max-memory-gib",
        memory_words(estimate.bytes).c_str(), memory_words(limits.max_bytes).c_str());
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
