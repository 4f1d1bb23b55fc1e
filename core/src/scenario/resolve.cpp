#include "scenario/resolve.hpp"

#include <algorithm>
#include <cmath>

#include "base/errors.hpp"
#include "base/money_unit.hpp"
#include "scenario/money_bounds.hpp"
#include "scenario/pacing.hpp"
#include "scenario/parameter_distribution.hpp"
#include "scenario/share_bounds.hpp"

namespace splitsim {
namespace {

ShareRange range_of(const v1::ShareBounds& bounds) { return {bound_min(bounds), bound_max(bounds)}; }

// A parameter's amounts in the budget's currency where possible: a default in money of another currency
// (named by its unit) is converted, value and valid range, when the scenario gives the rate; what the
// scenario sets is in its own currency already. The unit then names the budget's currency; a unit still
// naming another is a default used unconverted (run/currency_notice warns of it).
void use_budget_currency(ResolvedParameter& parameter, bool overridden, const v1::Budget& budget) {
  const auto currency = currency_of_unit(parameter.spec.unit);
  if (currency.empty() || currency == budget.currency()) return;
  const auto in_budget_currency = budget.currency() + parameter.spec.unit.substr(currency.size());
  if (overridden) {
    parameter.spec.unit = in_budget_currency;
    return;
  }
  for (const auto& rate : budget.exchange_rates()) {
    if (rate.currency() != currency) continue;
    const double factor = 1.0 / rate.per_budget_unit();
    parameter.distribution = scaled(parameter.distribution, factor);
    parameter.spec.min *= factor;
    parameter.spec.max *= factor;
    parameter.spec.unit = in_budget_currency;
  }
}

std::vector<ResolvedParameter> resolve_parameters(const v1::Channel& channel, const LoadedPlugin& plugin,
                                                  const v1::Budget& budget) {
  std::vector<ResolvedParameter> resolved;
  for (const auto& spec : plugin.info.params) {
    ResolvedParameter parameter{spec, spec.default_value};
    bool overridden = false;
    for (const auto& override_value : channel.params()) {
      if (override_value.name() != spec.name) continue;
      parameter.distribution = to_distribution(override_value);
      overridden = true;
    }
    use_budget_currency(parameter, overridden, budget);
    resolved.push_back(std::move(parameter));
  }
  return resolved;
}

// A distribution's mean (before truncation to the parameter's range, which the caller applies).
double distribution_mean(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::kFixed:
      return d.a;
    case DistributionKind::kUniform:
    case DistributionKind::kNormal:
      return d.kind == DistributionKind::kUniform ? (d.a + d.b) / 2.0 : d.a;
    case DistributionKind::kLogNormal:
      return d.a * std::exp(d.b * d.b / 2.0);
    case DistributionKind::kBeta:
      return d.a / (d.a + d.b);
  }
  return d.a;
}

// The share of engagements needing a reply, read by name so that any plugin may declare it (its mean:
// community work is planned on the expected load, not redrawn per trial).
double reply_share(const std::vector<ResolvedParameter>& parameters) {
  for (const auto& parameter : parameters) {
    if (parameter.spec.name == "reply_share")
      return std::clamp(distribution_mean(parameter.distribution), parameter.spec.min, parameter.spec.max);
  }
  return kDefaultReplyShare;
}

}  // namespace

Objective resolve_objective(const v1::Objective& o) {
  Objective objective;
  objective.kpi = o.kpi();
  objective.statistic = o.statistic();
  if (o.has_target()) objective.target = o.target();
  if (o.has_risk_aversion()) objective.risk_aversion = o.risk_aversion();
  if (o.has_min_probability()) objective.min_probability = o.min_probability();
  return objective;
}

KpiLimit resolve_constraint(const v1::KpiConstraint& c, int index) {
  KpiLimit limit;
  limit.index = index;
  limit.kpi = c.kpi();
  if (c.has_at_most()) limit.at_most = c.at_most();
  if (c.has_at_least()) limit.at_least = c.at_least();
  if (c.statistic() != v1::STATISTIC_UNSPECIFIED) limit.statistic = c.statistic();
  if (c.has_quantile()) limit.quantile = c.quantile();
  if (c.has_probability()) limit.probability = c.probability();
  return limit;
}

ResolvedScenario resolve_scenario(const LoadedScenario& loaded, const PluginRegistry& registry) {
  const auto& s = loaded.scenario;
  ResolvedScenario r;
  r.file = loaded.file;
  r.budget = s.budget().total();
  r.currency = s.budget().currency();
  r.up_to = s.budget().up_to();
  r.media_only = s.budget().covers() == v1::Budget::MEDIA_ONLY;
  r.min_spend_share = s.budget().min_spend_share();

  r.periods = static_cast<std::size_t>(s.horizon().periods());
  r.period_days = s.horizon().period_days();
  // Even pacing stays empty: spend per period is then the paid budget / periods exactly.
  if (s.horizon().pacing().shape() != v1::Pacing::EVEN)
    r.paid_pacing = pacing_shares(s.horizon().pacing(), r.periods);
  r.pacing_segments = s.horizon().pacing().optimize_segments();

  const auto money = paid_money_bounds(s);
  for (int c = 0; c < s.channels_size(); ++c) {
    const auto& channel = s.channels(c);
    const auto* plugin = registry.find(channel.plugin());
    if (!plugin) {
      throw InputError({{loaded.file, 0, "channels[" + std::to_string(c) + "].plugin",
                         "unknown plugin '" + channel.plugin() + "'"}});
    }
    ResolvedChannel resolved;
    resolved.name = channel.name();
    resolved.plugin = plugin;
    resolved.parameters = resolve_parameters(channel, *plugin, s.budget());
    resolved.paid_share = range_of(channel.paid_share());
    resolved.organic_share = range_of(channel.organic_share());
    resolved.paid_money_min = money.min[static_cast<std::size_t>(c)];
    resolved.paid_money_max = money.max[static_cast<std::size_t>(c)];
    resolved.money_limit_from_current = channel.has_current_paid() && channel.has_max_change();
    if (channel.has_current_paid()) resolved.current_paid = channel.current_paid();
    if (channel.has_current_posts_per_week())
      resolved.current_posts_per_week = channel.current_posts_per_week();
    resolved.min_paid = channel.min_paid();
    for (const auto& p : channel.params()) resolved.scenario_parameters.push_back(p.name());
    resolved.cost_per_post = channel.organic().cost_per_post();
    resolved.format = channel.organic().format();
    resolved.reply_share = reply_share(resolved.parameters);
    r.channels.push_back(std::move(resolved));
  }
  r.team = resolve_team(s);
  r.organic_share = range_of(s.search().organic_share());

  r.optimize = s.search().has_optimize();
  r.keep_trials = s.keep_trials();
  if (r.optimize) {
    const auto& o = s.search().optimize();
    r.optimizer.max_evaluations = o.max_evaluations();
    r.optimizer.finalists = o.finalists();
    r.optimizer.frontier.assign(o.frontier().begin(), o.frontier().end());
  } else {
    r.grid.organic_step = s.search().grid().organic_step();
    r.grid.channel_step = s.search().grid().channel_step();
  }

  r.objective = resolve_objective(s.objective());
  for (int i = 0; i < s.constraints_size(); ++i)
    r.constraints.push_back(resolve_constraint(s.constraints(i), i));

  r.value_per_conversion = s.value_per_conversion();
  if (s.has_population()) r.population = s.population();
  r.overlap = OverlapMatrix::from_scenario(s);
  r.trials = s.trials();
  r.seed = s.seed();
  return r;
}

}  // namespace splitsim
