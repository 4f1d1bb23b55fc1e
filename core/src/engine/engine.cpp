#include "engine/engine.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task.h>

#include <algorithm>
#include <limits>

#include "engine/output_checker.hpp"
#include "engine/parameter_sampler.hpp"
#include "errors.hpp"
#include "scenario/scenario_validator.hpp"

namespace splitsim {
namespace {

// A cancelled oneTBB context ends parallel loops early and silently: their output is incomplete.
void throw_if_cancelled() {
  if (auto* context = tbb::task::current_context(); context && context->is_group_execution_cancelled()) {
    throw Cancelled();
  }
}

// Reusable buffers of one worker: allocated once per thread, never per trial or period.
struct Scratch {
  std::vector<double> outputs;   // kOutputCount arrays of block_trials * periods
  std::vector<double> audience;  // block_trials
  std::vector<const double*> params;
  std::vector<double> team_hours;     // block_trials * periods: hours the plan needs in each period
  std::vector<double> max_audience;   // block_trials: largest channel audience, the default population
  std::vector<double> channel_reach;  // channels: one trial's reach per channel, for the total

  void reserve(std::size_t block_trials, std::size_t periods, std::size_t max_params, std::size_t channels) {
    outputs.resize(static_cast<std::size_t>(kOutputCount) * block_trials * periods);
    audience.resize(block_trials);
    params.resize(max_params);
    team_hours.resize(block_trials * periods);
    max_audience.resize(block_trials);
    channel_reach.resize(channels);
  }
};

// n / d where a zero denominator means "nothing bought": infinite cost when money was spent, else 0.
double cost_ratio(double n, double d) {
  if (d > 0.0) return n / d;
  return n > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

// Ratios derived from a row of additive KPIs (a channel's or the totals).
void derive_kpis(double* k, double value_per_conversion) {
  auto at = [&](v1::Kpi kpi) -> double& { return k[kpi_index(kpi)]; };
  const double cost = at(v1::PAID_SPEND) + at(v1::ORGANIC_COST);
  at(v1::CPM) = cost_ratio(1000.0 * at(v1::PAID_SPEND), at(v1::PAID_IMPRESSIONS));
  at(v1::CPC) = cost_ratio(cost, at(v1::CLICKS));
  at(v1::CPA) = cost_ratio(cost, at(v1::CONVERSIONS));
  at(v1::ENGAGEMENT_RATE) = at(v1::IMPRESSIONS) > 0.0 ? at(v1::ENGAGEMENTS) / at(v1::IMPRESSIONS) : 0.0;
  at(v1::ROAS) = cost > 0.0 ? at(v1::CONVERSIONS) * value_per_conversion / cost : 0.0;
  at(v1::FREQUENCY) = at(v1::REACH) > 0.0 ? at(v1::IMPRESSIONS) / at(v1::REACH) : 0.0;
}

// Output arrays summed into the additive KPIs (organic and paid impressions both count as impressions).
void add_kpis(const OutputBuffers& out, std::size_t i, double* kpi_sums) {
  double sums[kOutputCount] = {};
  for (int o = 0; o < kOutputCount; ++o) {
    const double* row = out.row(static_cast<Output>(o), i);
    for (std::size_t t = 0; t < out.periods; ++t) sums[o] += row[t];
  }
  auto sum = [&](Output o) { return sums[static_cast<int>(o)]; };
  kpi_sums[kpi_index(v1::REACH)] = sum(Output::kReach);
  kpi_sums[kpi_index(v1::IMPRESSIONS)] = sum(Output::kPaidImpressions) + sum(Output::kOrganicImpressions);
  kpi_sums[kpi_index(v1::ENGAGEMENTS)] = sum(Output::kEngagements);
  kpi_sums[kpi_index(v1::CLICKS)] = sum(Output::kClicks);
  kpi_sums[kpi_index(v1::CONVERSIONS)] = sum(Output::kConversions);
  kpi_sums[kpi_index(v1::FOLLOWERS_GAINED)] = sum(Output::kFollowersGained);
  kpi_sums[kpi_index(v1::PAID_IMPRESSIONS)] = sum(Output::kPaidImpressions);
  kpi_sums[kpi_index(v1::ORGANIC_IMPRESSIONS)] = sum(Output::kOrganicImpressions);
  kpi_sums[kpi_index(v1::PAID_SPEND)] = sum(Output::kSpend);
}

std::vector<std::vector<double>> kpi_arrays(std::uint64_t trials) {
  return std::vector<std::vector<double>>(kKpiCount, std::vector<double>(trials, 0.0));
}

}  // namespace

bool lower_is_better(v1::Kpi kpi) {
  switch (kpi) {
    case v1::PAID_SPEND:
    case v1::ORGANIC_COST:
    case v1::TEAM_HOURS:
    case v1::TEAM_SHORTFALL_HOURS:
    case v1::CPM:
    case v1::CPC:
    case v1::CPA:
      return true;
    default:
      return false;
  }
}

SimulationSetup prepare_simulation(const v1::Scenario& scenario, const PluginRegistry& registry) {
  SimulationSetup setup;
  setup.seed = scenario.seed();
  setup.trials = scenario.trials();
  setup.periods = static_cast<std::size_t>(scenario.horizon().periods());
  setup.period_days = scenario.horizon().period_days();
  setup.budget = scenario.budget().total();
  setup.objective_kpi = scenario.objective().kpi();
  if (scenario.objective().has_target()) setup.target = scenario.objective().target();
  setup.team = resolve_team(scenario);
  setup.value_per_conversion = scenario.value_per_conversion();
  if (scenario.has_population()) setup.population = scenario.population();
  setup.overlap = OverlapMatrix::from_scenario(scenario);
  // Even pacing stays empty: spend per period is then budget / periods exactly.
  if (scenario.horizon().pacing().shape() != v1::Pacing::EVEN) {
    setup.paid_pacing = pacing_shares(scenario.horizon().pacing(), setup.periods);
  }

  for (int c = 0; c < scenario.channels_size(); ++c) {
    const auto& channel = scenario.channels(c);
    const auto* plugin = registry.find(channel.plugin());
    if (!plugin)
      throw InputError({{"", 0, "channels[" + std::to_string(c) + "].plugin",
                         "unknown plugin '" + channel.plugin() + "'"}});
    std::vector<ResolvedParameter> resolved;
    for (const auto& spec : plugin->info.params) {
      ResolvedParameter parameter{spec, spec.default_value};
      for (const auto& override_value : channel.params()) {
        if (override_value.name() == spec.name) parameter.distribution = to_distribution(override_value);
      }
      resolved.push_back(std::move(parameter));
    }
    setup.channels.push_back(
        {channel.name(), plugin,
         draw_parameters(resolved, setup.seed, static_cast<std::uint32_t>(c), setup.trials),
         channel.organic().cost_per_post(), channel.organic().format()});
  }
  return setup;
}

std::vector<double> pacing_shares(const v1::Pacing& pacing, std::size_t periods) {
  std::vector<double> weights(periods, 1.0);
  const double n = static_cast<double>(periods);
  for (std::size_t t = 0; t < periods; ++t) {
    // Linear from 1.5 to 0.5 (or back): the first period gets three times the last.
    const double position = periods > 1 ? static_cast<double>(t) / (n - 1.0) : 0.5;
    if (pacing.shape() == v1::Pacing::FRONT_LOADED) weights[t] = 1.5 - position;
    if (pacing.shape() == v1::Pacing::BACK_LOADED) weights[t] = 0.5 + position;
    if (pacing.shape() == v1::Pacing::CUSTOM) weights[t] = pacing.weights(static_cast<int>(t));
  }
  double total = 0.0;
  for (double w : weights) total += w;
  for (double& w : weights) w /= total;
  return weights;
}

std::vector<ChannelPlanValues> plan_channels(const SimulationSetup& setup, const CandidateSplit& split) {
  const double spent = setup.budget * split.budget_scale;
  const double paid_budget = spent * (1.0 - split.organic_share);
  const double organic_budget = spent * split.organic_share;
  const double periods = static_cast<double>(setup.periods);
  const TeamPlan& team = setup.team;
  std::vector<ChannelPlanValues> plans(setup.channels.size());
  double paid_hours = 0.0;  // campaign management over the horizon, all channels
  for (std::size_t c = 0; c < plans.size(); ++c) {
    plans[c].paid_budget = paid_budget * split.paid_shares[c];
    plans[c].paid_per_period = plans[c].paid_budget / periods;
    plans[c].organic_budget = organic_budget * split.organic_shares[c];
    if (team.present && plans[c].paid_budget > 0.0) {
      plans[c].planned_hours = team.paid_campaign_per_period * periods;
      paid_hours += plans[c].planned_hours;
    }
  }
  // A fixed team spends all hours not taken by campaigns on posts; otherwise the organic budget buys hours.
  const double post_hours_available =
      team.present && team.fixed ? std::max(0.0, team.capacity_per_period * periods - paid_hours) : 0.0;
  for (std::size_t c = 0; c < plans.size(); ++c) {
    auto& plan = plans[c];
    if (plan.organic_budget <= 0.0) continue;
    if (team.present) {
      plan.post_hours = team.post_hours(setup.channels[c].format);
      const double hours = team.fixed ? post_hours_available * split.organic_shares[c]
                                      : plan.organic_budget / team.hourly_rate;
      plan.posts_per_period = hours / plan.post_hours / periods;
      plan.planned_hours += hours;
    } else if (setup.channels[c].cost_per_post > 0.0) {
      plan.posts_per_period = plan.organic_budget / setup.channels[c].cost_per_post / periods;
    }
  }
  return plans;
}

Engine::Engine(const SimulationSetup& setup, std::size_t block_trials)
    : setup_(setup), block_trials_(std::max<std::size_t>(1, block_trials)) {}

TrialKpis Engine::simulate(const CandidateSplit& split) const {
  const std::size_t channels = setup_.channels.size();
  const std::size_t periods = setup_.periods;
  std::size_t max_params = 0;
  for (const auto& channel : setup_.channels) max_params = std::max(max_params, channel.params.size());

  // Paid spend follows the pacing (the candidate's own, else the scenario's); posts are even.
  const auto plan_values = plan_channels(setup_, split);
  const auto& pacing = split.paid_pacing.empty() ? setup_.paid_pacing : split.paid_pacing;
  std::vector<std::vector<double>> spend(channels), posts(channels);
  for (std::size_t c = 0; c < channels; ++c) {
    spend[c].resize(periods);
    for (std::size_t t = 0; t < periods; ++t) {
      spend[c][t] = pacing.empty() ? plan_values[c].paid_per_period : plan_values[c].paid_budget * pacing[t];
    }
    posts[c].assign(periods, plan_values[c].posts_per_period);
  }

  TrialKpis kpis;
  kpis.totals = kpi_arrays(setup_.trials);
  kpis.channels.assign(channels, kpi_arrays(setup_.trials));

  tbb::enumerable_thread_specific<Scratch> scratch_per_thread;
  const std::size_t trial_count = static_cast<std::size_t>(setup_.trials);
  const std::size_t block_count = (trial_count + block_trials_ - 1) / block_trials_;
  // Fixed blocks of block_trials_ trials (the last may be shorter): one plugin call per block and channel.
  tbb::parallel_for(std::size_t{0}, block_count, [&](std::size_t block_index) {
    Scratch& scratch = scratch_per_thread.local();
    scratch.reserve(block_trials_, periods, max_params, channels);
    const std::size_t first = block_index * block_trials_;
    const std::size_t n = std::min(block_trials_, trial_count - first);

    OutputBuffers out;
    out.trials = n;
    out.periods = periods;
    for (int o = 0; o < kOutputCount; ++o)
      out.data[o] = scratch.outputs.data() + static_cast<std::size_t>(o) * n * periods;
    out.audience = scratch.audience.data();

    double kpi_sums[kKpiCount];
    for (std::size_t c = 0; c < channels; ++c) {
      const ChannelModel& channel = setup_.channels[c];
      for (std::size_t p = 0; p < channel.params.size(); ++p)
        scratch.params[p] = channel.params[p].data() + first;

      SimulationBlock block;
      block.first_trial = first;
      block.trials = n;
      block.periods = periods;
      block.period_days = setup_.period_days;
      block.params = scratch.params.data();
      block.plan = {spend[c].data(), posts[c].data()};
      block.noise = RandomStream(setup_.seed, static_cast<std::uint32_t>(c), StreamId::kPeriodNoise);

      // NaN everywhere first: an element the plugin forgets to write is caught as non-finite.
      std::fill(scratch.outputs.begin(), scratch.outputs.begin() + kOutputCount * n * periods,
                std::numeric_limits<double>::quiet_NaN());
      std::fill(scratch.audience.begin(), scratch.audience.begin() + n,
                std::numeric_limits<double>::quiet_NaN());
      const std::string& plugin_name = channel.plugin->info.name;
      try {
        channel.plugin->platform->simulate(block, out);
      } catch (const std::exception& e) {
        throw PluginError(plugin_name, "simulate failed for channel '" + channel.name + "': " + e.what());
      } catch (...) {
        throw PluginError(plugin_name,
                          "simulate threw a non-standard exception for channel '" + channel.name + "'");
      }
      check_outputs(plugin_name, channel.name, block, out);

      // Per trial: the channel's additive KPIs, its team hours, then its ratios; totals add channels in
      // scenario order, so the sums do not depend on scheduling.
      const auto& plan = plan_values[c];
      const TeamPlan& team = setup_.team;
      for (std::size_t i = 0; i < n; ++i) {
        add_kpis(out, i, kpi_sums);
        const std::size_t trial = first + i;
        kpi_sums[kpi_index(v1::ORGANIC_COST)] = plan.organic_budget;
        double hours = 0.0;
        if (team.present) {
          const double* engagements = out.row(Output::kEngagements, i);
          const double fixed_hours = plan.planned_hours / static_cast<double>(periods);
          double* needed = scratch.team_hours.data() + i * periods;
          for (std::size_t t = 0; t < periods; ++t) {
            const double period_hours =
                fixed_hours + engagements[t] / 1000.0 * team.community_per_1000_engagements;
            needed[t] = (c == 0 ? 0.0 : needed[t]) + period_hours;
            hours += period_hours;
          }
        }
        kpi_sums[kpi_index(v1::TEAM_HOURS)] = hours;
        scratch.max_audience[i] =
            c == 0 ? out.audience[i] : std::max(scratch.max_audience[i], out.audience[i]);
        for (int k = 0; k < kKpiCount; ++k) {
          if (k == kpi_index(v1::TEAM_SHORTFALL_HOURS)) kpi_sums[k] = 0.0;  // a team-wide figure, set below
          kpis.totals[k][trial] = (c == 0 ? 0.0 : kpis.totals[k][trial]) + kpi_sums[k];
        }
        derive_kpis(kpi_sums, setup_.value_per_conversion);
        for (int k = 0; k < kKpiCount; ++k) kpis.channels[c][k][trial] = kpi_sums[k];
      }
    }

    // Across channels: reach with overlap, the team's shortfall, and the ratios of the totals.
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t trial = first + i;
      double* totals[kKpiCount];
      double row[kKpiCount];
      for (int k = 0; k < kKpiCount; ++k) {
        totals[k] = &kpis.totals[k][trial];
        row[k] = *totals[k];
      }
      const double population = setup_.population.value_or(scratch.max_audience[i]);
      double* reach = scratch.channel_reach.data();
      for (std::size_t c = 0; c < channels; ++c) reach[c] = kpis.channels[c][kpi_index(v1::REACH)][trial];
      row[kpi_index(v1::REACH)] = total_reach(reach, channels, population, setup_.overlap);
      double shortfall = 0.0;
      if (setup_.team.present) {
        const double* needed = scratch.team_hours.data() + i * periods;
        for (std::size_t t = 0; t < periods; ++t) {
          shortfall += std::max(0.0, needed[t] - setup_.team.capacity_per_period);
        }
      }
      row[kpi_index(v1::TEAM_SHORTFALL_HOURS)] = shortfall;
      derive_kpis(row, setup_.value_per_conversion);
      for (int k = 0; k < kKpiCount; ++k) *totals[k] = row[k];
    }
  });
  throw_if_cancelled();
  return kpis;
}

std::vector<CandidateOutcome> Engine::evaluate(const std::vector<CandidateSplit>& candidates) const {
  std::vector<CandidateOutcome> outcomes(candidates.size());
  tbb::parallel_for(std::size_t{0}, candidates.size(), [&](std::size_t index) {
    const TrialKpis kpis = simulate(candidates[index]);
    CandidateOutcome& outcome = outcomes[index];
    auto target_for = [&](int k) { return kpi_at(k) == setup_.objective_kpi ? setup_.target : std::nullopt; };
    for (int k = 0; k < kKpiCount; ++k) {
      outcome.totals.push_back(summarize(kpis.totals[k], target_for(k), lower_is_better(kpi_at(k))));
    }
    outcome.channels.resize(kpis.channels.size());
    for (std::size_t c = 0; c < kpis.channels.size(); ++c) {
      for (int k = 0; k < kKpiCount; ++k)
        outcome.channels[c].push_back(
            summarize(kpis.channels[c][k], target_for(k), lower_is_better(kpi_at(k))));
    }
  });
  throw_if_cancelled();
  return outcomes;
}

}  // namespace splitsim
