// What a split gives each channel: the one place where shares become money, posts, team hours and paid
// spend per period. The engine, the search, the money limits, marginal returns and the results all read a
// split through allocate().
#pragma once

#include <cstddef>
#include <vector>

#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"

namespace splitsim {

// One channel's part of a split.
struct ChannelBudget {
  double paid_budget = 0.0;      // over the horizon
  double organic_budget = 0.0;   // over the horizon
  double paid_per_period = 0.0;  // on average
  double posts_per_period = 0.0;
  double post_hours = 0.0;      // team hours per post (0 without a team)
  double planned_hours = 0.0;   // team hours for posts, campaigns and strategy over the horizon
  double content_hours = 0.0;   // of which making posts
  double campaign_hours = 0.0;  // managing paid campaigns
  double strategy_hours = 0.0;  // strategy and reporting
  double team_cost =
      0.0;  // media-only: the share of the team's cost (paid elsewhere) this channel's posts take
};

struct Allocation {
  double spent = 0.0;  // budget x budget_scale
  double paid_budget = 0.0;
  double organic_budget = 0.0;
  std::vector<ChannelBudget> channels;  // in scenario order
  std::vector<double> paid_pacing;      // share of paid spend per period (the split's, else the scenario's)
  double planned_hours = 0.0;           // all channels' planned team hours
  // Team hours per period the plan needs for each activity but community work (which follows the trial's
  // engagements); posting and campaigns are even over the horizon.
  ActivityHoursArray hours_per_period{};
  // Media-only: the team's cost over the horizon that no channel's posts took (all of it when none posts).
  double team_cost_unassigned = 0.0;

  // Paid spend of channel c in period t: the pacing's share of its paid budget (even: budget / periods).
  double paid_spend(std::size_t c, std::size_t t) const {
    return paid_pacing.empty() ? channels[c].paid_per_period : channels[c].paid_budget * paid_pacing[t];
  }
  // Share of the paid budget spent in period t.
  double pacing_share(std::size_t t, std::size_t periods) const {
    return paid_pacing.empty() ? 1.0 / static_cast<double>(periods) : paid_pacing[t];
  }
};

// Money spent on paid media under a split: budget x budget_scale x (1 - organic share).
double paid_money(const ResolvedScenario& scenario, const CandidateSplit& split);

// The split's money per channel; posts are the organic money over a post's cost (cost_per_post, or the
// team's hours at its blended rate), even over the horizon. A team paid whatever the split (fixed, or outside
// a media-only budget) posts in the hours that campaigns, strategy and its community reserve leave
// (TeamPlan::content_hours_available), shared by the organic shares; a media-only budget has no organic share
// to search, so its team's posts are shared evenly between the channels that may take organic effort.
Allocation allocate(const ResolvedScenario& scenario, const CandidateSplit& split);

// The split giving each channel `paid[c]` and `organic[c]` money out of `spent` in all, with `base`'s
// pacing: the inverse of allocate()'s money. Shares are recomputed; bounds are not checked.
CandidateSplit split_for_money(const ResolvedScenario& scenario, const CandidateSplit& base,
                               const std::vector<double>& paid, const std::vector<double>& organic,
                               double spent);

}  // namespace splitsim
