// Turns plugin outputs into per-trial KPIs: a block of trials, channel by channel, then across channels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/channel_outcome_cache.hpp"
#include "engine/trial_kpis.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolved_scenario.hpp"
#include "splitsim/output_buffers.hpp"

namespace splitsim {

// For each trial of a block: add_channel() sums a channel's outputs over the horizon into its additive KPIs
// (reach, impressions, engagements, clicks, conversions, followers, paid spend), adds its organic cost and
// team hours by activity (community work from the engagements that need a reply), derives its ratios, and
// adds it to the totals; finish() computes what only the whole plan has: reach across channels with their
// overlap, the team's shortfall against what its roles can work per period, and the ratios of the totals.
// Channels are added in scenario order, so sums never depend on scheduling. One accumulator per worker
// thread: its scratch is allocated once, never per trial.
class KpiAccumulator {
 public:
  KpiAccumulator(const ResolvedScenario& scenario, std::size_t block_trials);

  // Starts trials [first, first + n) of the split whose allocation is given, writing into `kpis`.
  void begin(const Allocation& allocation, TrialKpis& kpis, std::uint64_t first, std::size_t n);
  // With `record`, also writes there what add_known_channel needs besides the channel's KPIs: its
  // community hours period by period and its audience, for these trials.
  void add_channel(std::size_t c, const OutputBuffers& out, ChannelOutcome* record = nullptr);
  // Channel c from an outcome kept for its plan: the same figures, added in the same order, as
  // add_channel gave them when the outcome was recorded.
  void add_known_channel(std::size_t c, const ChannelOutcome& known);
  void finish();

 private:
  const ResolvedScenario& scenario_;
  const Allocation* allocation_ = nullptr;
  TrialKpis* kpis_ = nullptr;
  std::uint64_t first_ = 0;
  std::size_t n_ = 0;
  SetCapacities team_capacities_;        // the team's hours by set of activities, for the shortfall
  std::vector<double> community_hours_;  // block_trials * periods: community hours needed in each period
  std::vector<double> max_audience_;     // block_trials: largest channel audience, the default population
  std::vector<double> channel_reach_;    // channels: one trial's reach per channel, for the total
};

}  // namespace splitsim
