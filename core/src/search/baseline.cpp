#include "search/baseline.hpp"

#include <cstdio>

#include "scenario/allocation.hpp"
#include "search/comparison.hpp"
#include "search/min_paid.hpp"
#include "search/money_limits.hpp"

namespace splitsim {
namespace {

std::string share_text(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100.0 * share);
  return text;
}

// The scenario's bounds that today's plan breaks.
std::vector<std::string> bounds_broken(const ResolvedScenario& scenario, const CandidateSplit& split,
                                       double spent) {
  std::vector<std::string> broken;
  char text[320];
  if (spent > scenario.budget * (1.0 + 1e-9)) {
    std::snprintf(text, sizeof text, "budget.total: today's plan spends %.2f, more than the budget's %.2f",
                  spent, scenario.budget);
    broken.emplace_back(text);
  }
  if (!scenario.fixed_team() && (split.organic_share < scenario.organic_share.min - 1e-9 ||
                                 split.organic_share > scenario.organic_share.max + 1e-9)) {
    broken.push_back("search.organic_share: today's organic share, " + share_text(split.organic_share) +
                     ", is outside " + share_text(scenario.organic_share.min) + " to " +
                     share_text(scenario.organic_share.max));
  }
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    const auto& channel = scenario.channels[c];
    const double share = split.paid_shares[c];
    if (split.organic_share < 1.0 &&
        (share < channel.paid_share.min - 1e-9 || share > channel.paid_share.max + 1e-9)) {
      broken.push_back("channels[" + std::to_string(c) + "].paid_share: " + channel.name +
                       "'s share today, " + share_text(share) + ", is outside " +
                       share_text(channel.paid_share.min) + " to " + share_text(channel.paid_share.max));
    }
  }
  const Allocation allocation = allocate(scenario, split);
  if (auto money = money_violation(scenario, allocation); !money.empty()) broken.push_back(std::move(money));
  if (auto minimum = min_paid_violation(scenario, allocation); !minimum.empty()) {
    broken.push_back(std::move(minimum));
  }
  return broken;
}

}  // namespace

std::optional<CurrentPlan> current_plan(const ResolvedScenario& scenario) {
  bool given = false;
  for (const auto& channel : scenario.channels) {
    given = given || channel.current_paid.has_value() || channel.current_posts_per_week.has_value();
  }
  if (!given) return std::nullopt;
  const std::size_t n = scenario.channels.size();
  const double periods = static_cast<double>(scenario.periods);
  const TeamPlan& team = scenario.team;
  std::vector<double> paid(n, 0.0), organic(n, 0.0);
  std::vector<std::string> unpriced;
  double post_hours = 0.0;  // a fixed team's hours on today's posts, all channels
  for (std::size_t c = 0; c < n; ++c) {
    const auto& channel = scenario.channels[c];
    paid[c] = channel.current_paid.value_or(0.0);
    const double posts = channel.current_posts_per_week.value_or(0.0) * scenario.period_days / 7.0 * periods;
    if (posts <= 0.0) continue;
    if (team.present) {
      // Today's posts take the team's hours; a fixed team is paid anyway, so they only share its hours.
      const double hours = posts * team.post_hours(channel.format);
      organic[c] = team.fixed ? hours : hours * team.hourly_rate;
      post_hours += hours;
    } else if (channel.cost_per_post > 0.0) {
      organic[c] = posts * channel.cost_per_post;
    } else {
      unpriced.push_back("channels[" + std::to_string(c) + "].current_posts_per_week: " + channel.name +
                         "'s posts have no cost_per_post and are simulated as none");
    }
  }
  if (scenario.fixed_team() && post_hours > 0.0 && scenario.fixed_team_cost() <= 0.0) {
    unpriced.emplace_back(
        "current_posts_per_week: the team is paid outside the budget and posts as its hours allow, as in "
        "every plan: today's posts are simulated as those");
  }
  if (scenario.fixed_team()) {
    // The team's cost is the organic money whatever the plan; today's posts say how its hours are shared
    // (equally when no channel gives them).
    const double cost = scenario.fixed_team_cost();
    for (std::size_t c = 0; c < n; ++c) {
      organic[c] = post_hours > 0.0 ? cost * organic[c] / post_hours : cost / static_cast<double>(n);
    }
  }
  double spent = 0.0;
  for (std::size_t c = 0; c < n; ++c) spent += paid[c] + organic[c];
  if (!(spent > 0.0)) return std::nullopt;
  CandidateSplit base;
  base.paid_shares.assign(n, 0.0);
  base.organic_shares.assign(n, 0.0);
  CurrentPlan plan{split_for_money(scenario, base, paid, organic, spent), {}};
  plan.outside_bounds = bounds_broken(scenario, plan.split, spent);
  for (auto& line : unpriced) plan.outside_bounds.push_back(std::move(line));
  return plan;
}

v1::BaselineComparison compare_with_current(const SplitEvaluator& evaluator, const CurrentPlan& current,
                                            const CandidateSplit& recommended,
                                            const std::vector<double>& recommended_per_trial,
                                            std::uint32_t recommended_index) {
  const auto& scenario = evaluator.scenario();
  v1::BaselineComparison baseline;
  auto today = evaluator.evaluate(current.split);
  const auto chosen = evaluator.evaluate(recommended);
  baseline.set_objective_value(today.objective_value());
  baseline.set_recommended_objective_value(chosen.objective_value());
  // The paired comparison of the runner-ups (search/comparison.hpp), with today's plan as the other side:
  // whatever statistic and interval it reports for them, it reports here.
  *baseline.mutable_gain() =
      compare_splits(evaluator, recommended_per_trial, current.split, recommended_index);
  const double per_week = 7.0 / scenario.period_days;
  for (int c = 0; c < today.allocation().channels_size(); ++c) {
    const auto& now = today.allocation().channels(c);
    const auto& then = chosen.allocation().channels(c);
    auto* row = baseline.add_channels();
    row->set_channel(now.channel());
    row->set_current_paid(now.paid_budget());
    row->set_recommended_paid(then.paid_budget());
    row->set_current_posts_per_week(now.posts_per_period() * per_week);
    row->set_recommended_posts_per_week(then.posts_per_period() * per_week);
  }
  *baseline.mutable_allocation() = std::move(*today.mutable_allocation());
  *baseline.mutable_kpis() = std::move(*today.mutable_kpis());
  for (const auto& line : current.outside_bounds) baseline.add_outside_bounds(line);
  return baseline;
}

}  // namespace splitsim
