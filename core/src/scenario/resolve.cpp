#include "scenario/resolve.hpp"

#include "base/errors.hpp"
#include "scenario/money_bounds.hpp"
#include "scenario/pacing.hpp"
#include "scenario/parameter_distribution.hpp"
#include "scenario/share_bounds.hpp"

namespace splitsim {
namespace {

ShareRange range_of(const v1::ShareBounds& bounds) { return {bound_min(bounds), bound_max(bounds)}; }

std::vector<ResolvedParameter> resolve_parameters(const v1::Channel& channel, const LoadedPlugin& plugin) {
  std::vector<ResolvedParameter> resolved;
  for (const auto& spec : plugin.info.params) {
    ResolvedParameter parameter{spec, spec.default_value};
    for (const auto& override_value : channel.params()) {
      if (override_value.name() == spec.name) parameter.distribution = to_distribution(override_value);
    }
    resolved.push_back(std::move(parameter));
  }
  return resolved;
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

ResolvedScenario resolve_scenario(const LoadedScenario& loaded, const PluginRegistry& registry) {
  const auto& s = loaded.scenario;
  ResolvedScenario r;
  r.file = loaded.file;
  r.budget = s.budget().total();
  r.currency = s.budget().currency();
  r.up_to = s.budget().up_to();
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
    resolved.parameters = resolve_parameters(channel, *plugin);
    resolved.paid_share = range_of(channel.paid_share());
    resolved.organic_share = range_of(channel.organic_share());
    resolved.paid_money_min = money.min[static_cast<std::size_t>(c)];
    resolved.paid_money_max = money.max[static_cast<std::size_t>(c)];
    resolved.money_limit_from_current = channel.has_current_paid() && channel.has_max_change();
    resolved.cost_per_post = channel.organic().cost_per_post();
    resolved.format = channel.organic().format();
    r.channels.push_back(std::move(resolved));
  }
  r.team = resolve_team(s);
  r.organic_share = range_of(s.search().organic_share());

  r.optimize = s.search().has_optimize();
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
  for (int i = 0; i < s.constraints_size(); ++i) {
    const auto& c = s.constraints(i);
    KpiLimit limit{i, c.kpi(), std::nullopt, std::nullopt};
    if (c.has_at_most()) limit.at_most = c.at_most();
    if (c.has_at_least()) limit.at_least = c.at_least();
    r.constraints.push_back(limit);
  }

  r.value_per_conversion = s.value_per_conversion();
  if (s.has_population()) r.population = s.population();
  r.overlap = OverlapMatrix::from_scenario(s);
  r.trials = s.trials();
  r.seed = s.seed();
  return r;
}

}  // namespace splitsim
