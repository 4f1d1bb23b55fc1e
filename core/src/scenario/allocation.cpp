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
  const std::size_t n = scenario.channels.size();
  a.channels.resize(n);
  // The team's share per channel: the organic shares, or, for a media-only team (no organic share to search),
  // even between the channels that may take organic effort.
  std::vector<double> team_shares = split.organic_shares;
  team_shares.resize(n, 0.0);
  const bool posts_by_hours = team.present && team.fixed;
  if (posts_by_hours && scenario.media_only) {
    std::size_t open = 0;
    for (const auto& channel : scenario.channels) open += channel.organic_share.max > 0.0 ? 1 : 0;
    for (std::size_t c = 0; c < n; ++c)
      team_shares[c] = open > 0 && scenario.channels[c].organic_share.max > 0.0 ? 1.0 / open : 0.0;
  }
  for (std::size_t c = 0; c < n; ++c) {
    auto& channel = a.channels[c];
    channel.paid_budget = a.paid_budget * split.paid_shares[c];
    channel.paid_per_period = channel.paid_budget / periods;
    channel.organic_budget = a.organic_budget * split.organic_shares[c];
    if (!team.present) continue;
    const bool posts = posts_by_hours ? team_shares[c] > 0.0 : channel.organic_budget > 0.0;
    if (channel.paid_budget > 0.0) channel.campaign_hours = team.paid_campaign_per_period * periods;
    if (channel.paid_budget > 0.0 || posts) channel.strategy_hours = team.strategy_per_period * periods;
    a.hours_per_period[static_cast<int>(Activity::kCampaigns)] += channel.campaign_hours / periods;
    a.hours_per_period[static_cast<int>(Activity::kStrategy)] += channel.strategy_hours / periods;
  }
  const double content_hours =
      posts_by_hours ? team.content_hours_available(a.hours_per_period) * periods : 0.0;
  const double team_cost = scenario.team_cost_outside_budget();
  a.team_cost_unassigned = team_cost;
  for (std::size_t c = 0; c < n; ++c) {
    auto& channel = a.channels[c];
    if (team.present) {
      const double hours =
          posts_by_hours ? content_hours * team_shares[c]
                         : (channel.organic_budget > 0.0 ? channel.organic_budget / team.hourly_rate : 0.0);
      if (hours > 0.0) {
        channel.post_hours = team.post_hours(scenario.channels[c].format);
        channel.posts_per_period = hours / channel.post_hours / periods;
        channel.content_hours = hours;
      }
      channel.team_cost = team_cost * team_shares[c];
      a.team_cost_unassigned -= channel.team_cost;
    } else if (channel.organic_budget > 0.0 && scenario.channels[c].cost_per_post > 0.0) {
      channel.posts_per_period = channel.organic_budget / scenario.channels[c].cost_per_post / periods;
    }
    channel.planned_hours = channel.content_hours + channel.campaign_hours + channel.strategy_hours;
    a.hours_per_period[static_cast<int>(Activity::kContent)] += channel.content_hours / periods;
    a.planned_hours += channel.planned_hours;
  }
  a.team_cost_unassigned = std::max(0.0, a.team_cost_unassigned);
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
