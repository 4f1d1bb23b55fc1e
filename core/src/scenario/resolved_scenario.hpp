// A scenario resolved once, after validation, into the typed, immutable model every later stage reads: the
// channels with their plugin and parameter distributions, the team with its rates and capacity, money
// bounds, pacing, the objective, the constraints and the search settings. Nothing below the loader reads
// the raw v1::Scenario again; the proto stays only what the user wrote and what the results record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plugins/plugin_registry.hpp"
#include "scenario.pb.h"
#include "scenario/overlap_matrix.hpp"
#include "scenario/resolved_parameter.hpp"
#include "scenario/team_plan.hpp"
#include "splitsim/simulation_block.hpp"

namespace splitsim {

// A closed interval of shares, both ends in [0, 1].
struct ShareRange {
  double min = 0.0;
  double max = 1.0;
};

// A channel's posterior from a calibration file (core/src/calibration/): equally weighted joint draws of some
// of its parameters. A trial takes one whole draw, so the parameters' correlations are kept; the channel's
// other parameters keep their distributions.
struct PosteriorDraws {
  std::vector<std::size_t> parameters;  // plugin parameter indices, in the order of each draw's values
  std::vector<double> values;           // draw-major: value j of draw k at [k * parameters.size() + j]
  std::string first_date, last_date;    // the data's date range (ISO 8601)
  std::string file;                     // the calibration file's name
  std::size_t draws() const { return parameters.empty() ? 0 : values.size() / parameters.size(); }
};

// A plugin that declares no `reply_share`: one engagement in 20 needs a reply, which with the default 40
// hours per 1,000 replies keeps the earlier 2 hours per 1,000 engagements.
inline constexpr double kDefaultReplyShare = 0.05;

struct ResolvedChannel {
  std::string name;
  const LoadedPlugin* plugin = nullptr;       // lives in the registry, which outlives every run
  std::vector<ResolvedParameter> parameters;  // the plugin's parameters, in its order
  ShareRange paid_share, organic_share;       // of the paid and of the organic budget
  // Paid money over the horizon: paid_amount and current_paid x (1 +- max_change) together.
  double paid_money_min = 0.0;
  double paid_money_max = std::numeric_limits<double>::infinity();
  bool money_limit_from_current = false;  // the limit is current_paid +- max_change (named so in messages)
  // Today's plan, when the scenario gives it: paid money over the horizon and posts per week.
  std::optional<double> current_paid, current_posts_per_week;
  // Minimum viable paid spend over the horizon: paid money is 0 or at least this (0: no minimum).
  double min_paid = 0.0;
  // The parameters the scenario sets (by name); the others are the plugin's benchmark defaults.
  std::vector<std::string> scenario_parameters;
  double cost_per_post = 0.0;  // without a team
  // What kind of post: its hours with a team, and, through the plugin, what one post earns on this network.
  v1::PostFormat format = v1::POST_FORMAT_UNSPECIFIED;
  // The format in the SDK's terms, as the plugin receives it (UNSPECIFIED means CRAFTED).
  PostFormat post_format() const {
    return format == v1::SIMPLE  ? PostFormat::kSimple
           : format == v1::VIDEO ? PostFormat::kVideo
                                 : PostFormat::kCrafted;
  }
  // Share of the channel's engagements that need a reply (the plugin's `reply_share` default, or the
  // scenario's value; its mean when uncertain): what drives community work.
  double reply_share = kDefaultReplyShare;
  std::shared_ptr<const PosteriorDraws> posterior;  // set by a calibration; null: the distributions
};

// Which figure of the objective KPI's distribution is best, and which way.
struct Objective {
  v1::Kpi kpi = v1::KPI_UNSPECIFIED;
  v1::Statistic statistic = v1::MEAN;
  std::optional<double> target;  // the probability of reaching it is reported when set
  double risk_aversion = 1.0;    // MEAN_MINUS_SD's lambda
  double min_probability = 0.9;  // MIN_COST_FOR_TARGET's p

  // Whether a lower figure is better: cost KPIs (except for PROB_TARGET) and MIN_COST_FOR_TARGET.
  bool lower_is_better() const;
};

// A limit on a KPI's statistic that a recommended plan keeps; `index` is its place in the scenario, for
// messages.
struct KpiLimit {
  int index = 0;
  v1::Kpi kpi = v1::KPI_UNSPECIFIED;
  std::optional<double> at_most, at_least;
  v1::Statistic statistic = v1::MEAN;  // MEAN is the ratio of means for a ratio KPI
  double quantile = 0.5;               // QUANTILE's q
  // A chance constraint: the share of trials within each limit is at least this.
  std::optional<double> probability;
};

struct GridSettings {
  double organic_step = 0.1;
  double channel_step = 0.25;
};

struct OptimizeSettings {
  std::size_t max_evaluations = 300;
  std::size_t finalists = 5;
  std::vector<double> frontier;  // budget multiples of the efficient frontier
};

struct ResolvedScenario {
  std::string file;  // as given by the user, for messages

  double budget = 0.0;  // budget.total
  std::string currency;
  bool up_to = false;  // the plan may spend less than the budget
  // budget.covers MEDIA_ONLY: the budget is paid media only; the team (if any) is paid elsewhere.
  bool media_only = false;
  double min_spend_share = 0.0;

  std::size_t periods = 0;
  double period_days = 7.0;
  std::vector<double> paid_pacing;  // the scenario's share of paid spend per period; empty when even
  std::size_t pacing_segments = 0;  // paced segments the optimizer chooses (0: none)

  std::vector<ResolvedChannel> channels;
  TeamPlan team;
  ShareRange organic_share;  // of the budget spent

  bool keep_trials = false;  // the results keep every trial's objective value (report data)
  bool optimize = false;     // the optimizer searches; otherwise the grid is enumerated
  GridSettings grid;
  OptimizeSettings optimizer;

  Objective objective;
  std::vector<KpiLimit> constraints;

  double value_per_conversion = 0.0;
  std::optional<double> population;  // for total reach; default: each trial's largest channel audience
  OverlapMatrix overlap;

  std::uint64_t trials = 0;
  std::uint64_t seed = 0;

  // Whether the organic share of the budget is not searched: a fixed team's cost is the organic budget, and a
  // media-only budget has no organic part (its team, if any, is paid elsewhere and posts in its hours).
  bool fixed_team() const { return media_only || (team.present && team.fixed); }
  // The money a fixed team takes out of the budget whatever the split (0 for a media-only budget).
  double fixed_team_cost() const { return media_only ? 0.0 : team.horizon_cost(static_cast<int>(periods)); }
  // The team's cost over the horizon paid outside the budget (media-only), counted in all-in KPIs.
  double team_cost_outside_budget() const {
    return media_only && team.present ? team.horizon_cost(static_cast<int>(periods)) : 0.0;
  }
  // Whether any channel has a paid money limit.
  bool any_money_limit() const;
};

}  // namespace splitsim
