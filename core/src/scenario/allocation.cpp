#include "scenario/allocation.hpp"

#include <algorithm>

namespace splitsim {

double paid_money(const ResolvedScenario& scenario, const CandidateSplit& split) {
  return scenario.budget * split.budget_scale * (1.0 - split.organic_share);
}

Allocation allocate(const ResolvedScenario& scenario, const CandidateSplit& split) {
  Allocation a;
  a.spent = scenario.budget * split.budget_scale;
  a.paid_budget = a.spent * (1.0 - split.organic_share);
  a.organic_budget = a.spent * split.organic_share;
  a.paid_pacing = split.paid_pacing.empty() ? scenario.paid_pacing : split.paid_pacing;
  const double periods = static_cast<double>(scenario.periods);
  const TeamPlan& team = scenario.team;
  a.channels.resize(scenario.channels.size());
  double paid_hours = 0.0;  // campaign management over the horizon, all channels
  for (std::size_t c = 0; c < a.channels.size(); ++c) {
    auto& channel = a.channels[c];
    channel.paid_budget = a.paid_budget * split.paid_shares[c];
    channel.paid_per_period = channel.paid_budget / periods;
    channel.organic_budget = a.organic_budget * split.organic_shares[c];
    if (team.present && channel.paid_budget > 0.0) {
      channel.planned_hours = team.paid_campaign_per_period * periods;
      paid_hours += channel.planned_hours;
    }
  }
  // A fixed team spends all hours not taken by campaigns on posts; otherwise the organic budget buys hours.
  const double post_hours_available =
      scenario.fixed_team() ? std::max(0.0, team.capacity_per_period * periods - paid_hours) : 0.0;
  for (std::size_t c = 0; c < a.channels.size(); ++c) {
    auto& channel = a.channels[c];
    if (channel.organic_budget <= 0.0) continue;
    if (team.present) {
      channel.post_hours = team.post_hours(scenario.channels[c].format);
      const double hours = team.fixed ? post_hours_available * split.organic_shares[c]
                                      : channel.organic_budget / team.hourly_rate;
      channel.posts_per_period = hours / channel.post_hours / periods;
      channel.planned_hours += hours;
    } else if (scenario.channels[c].cost_per_post > 0.0) {
      channel.posts_per_period = channel.organic_budget / scenario.channels[c].cost_per_post / periods;
    }
  }
  for (const auto& channel : a.channels) a.planned_hours += channel.planned_hours;
  return a;
}

CandidateSplit split_for_money(const ResolvedScenario& scenario, const CandidateSplit& base,
                               const std::vector<double>& paid, const std::vector<double>& organic,
                               double spent) {
  double paid_total = 0.0, organic_total = 0.0;
  for (std::size_t c = 0; c < paid.size(); ++c) paid_total += paid[c], organic_total += organic[c];
  CandidateSplit split = base;
  split.budget_scale = spent / scenario.budget;
  const double total = paid_total + organic_total;
  split.organic_share = total > 0.0 ? organic_total / total : base.organic_share;
  for (std::size_t c = 0; c < paid.size(); ++c) {
    split.paid_shares[c] = paid_total > 0.0 ? paid[c] / paid_total : 0.0;
    split.organic_shares[c] = organic_total > 0.0 ? organic[c] / organic_total : 0.0;
  }
  return split;
}

}  // namespace splitsim
