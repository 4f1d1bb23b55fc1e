// Per-trial KPI values of one simulated split: what the engine returns, before any statistic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "base/kpi.hpp"

namespace splitsim {

struct TrialKpis {
  TrialKpis() = default;
  TrialKpis(std::size_t channel_count, std::uint64_t trials)
      : totals(kKpiCount, std::vector<double>(trials, 0.0)),
        channels(channel_count,
                 std::vector<std::vector<double>>(kKpiCount, std::vector<double>(trials, 0.0))) {}

  std::vector<std::vector<double>> totals;                 // [kpi][trial], across channels
  std::vector<std::vector<std::vector<double>>> channels;  // [channel][kpi][trial]
  // Only when asked (Engine::simulate's per_period): the period flows across channels, [flow][period][trial],
  // flows in kPeriodFlows' order. Empty otherwise: a search never pays for it.
  std::vector<std::vector<std::vector<double>>> periods;
  // [channel] the id of the kept outcome each channel's figures are (Engine::reuse_channel_outcomes), or 0:
  // channels with one id have the same per-trial figures, whatever split they came from.
  std::vector<std::uint64_t> channel_outcomes;
  // Only the totals a search's step reads hold every trial (Engine::simulate_into's `totals_only`, on an
  // engine spread over processes); the other columns hold this process's trials only.
  bool partial = false;

  // Whether these arrays already hold `trials` trials of `channel_count` channels: reused as they are.
  bool shaped_for(std::size_t channel_count, std::uint64_t trials) const {
    return totals.size() == static_cast<std::size_t>(kKpiCount) && channels.size() == channel_count &&
           totals.front().size() == trials;
  }
};

// The KPIs kept period by period when asked: flows that add up over channels and periods.
inline constexpr v1::Kpi kPeriodFlows[] = {v1::IMPRESSIONS, v1::ENGAGEMENTS, v1::CLICKS, v1::CONVERSIONS};
inline constexpr std::size_t kPeriodFlowCount = std::size(kPeriodFlows);

}  // namespace splitsim
