#include "search/candidate_builder.hpp"

#include "scenario/allocation.hpp"
#include "search/objective.hpp"

namespace splitsim {
namespace {

void fill_summary(const Summary& s, v1::Kpi kpi, v1::KpiSummary* out) {
  out->set_kpi(kpi);
  out->set_mean(s.mean);
  out->set_sd(s.sd);
  out->set_p5(s.p5);
  out->set_p10(s.p10);
  out->set_p90(s.p90);
  if (s.ratio_of_means) out->set_ratio_of_means(*s.ratio_of_means);
  out->set_p50(s.p50);
  out->set_p95(s.p95);
  out->set_cvar5(s.cvar5);
  if (s.prob_target) out->set_prob_target(*s.prob_target);
}

}  // namespace

v1::Allocation make_allocation(const ResolvedScenario& scenario, const CandidateSplit& split) {
  const Allocation a = allocate(scenario, split);
  v1::Allocation allocation;
  allocation.set_organic_share(split.organic_share);
  allocation.set_paid_budget(a.paid_budget);
  allocation.set_organic_budget(a.organic_budget);
  allocation.set_budget_spent_share(split.budget_scale);
  allocation.set_team_capacity_hours(scenario.team.capacity_per_period *
                                     static_cast<double>(scenario.periods));
  allocation.set_planned_team_hours(a.planned_hours);
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    auto* channel = allocation.add_channels();
    channel->set_channel(scenario.channels[c].name);
    channel->set_paid_share(split.paid_shares[c]);
    channel->set_organic_share(split.organic_shares[c]);
    channel->set_paid_budget(a.channels[c].paid_budget);
    channel->set_organic_budget(a.channels[c].organic_budget);
    channel->set_posts_per_period(a.channels[c].posts_per_period);
  }
  for (std::size_t t = 0; t < scenario.periods; ++t)
    allocation.add_paid_pacing(a.pacing_share(t, scenario.periods));
  return allocation;
}

v1::Candidate make_candidate(const ResolvedScenario& scenario, const CandidateSplit& split,
                             const CandidateOutcome& outcome, std::uint32_t index) {
  v1::Candidate candidate;
  candidate.set_index(index);
  *candidate.mutable_allocation() = make_allocation(scenario, split);
  for (int k = 0; k < kKpiCount; ++k) fill_summary(outcome.totals[k], kpi_at(k), candidate.add_kpis());
  for (const auto& limit : outcome.limits) {
    auto* figure = candidate.mutable_kpis(kpi_index(limit.kpi))->add_constraint_figures();
    figure->set_constraint(static_cast<std::uint32_t>(limit.constraint));
    figure->set_value(limit.value);
    figure->set_steering(limit.steering);
  }
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    auto* channel = candidate.add_channels();
    channel->set_channel(scenario.channels[c].name);
    for (int k = 0; k < kKpiCount; ++k) fill_summary(outcome.channels[c][k], kpi_at(k), channel->add_kpis());
  }
  candidate.set_objective_value(objective_value(candidate, scenario.objective));
  candidate.set_infeasible(constraint_violation(candidate, scenario));
  return candidate;
}

}  // namespace splitsim
