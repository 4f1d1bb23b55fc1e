#include "app/results_builder.hpp"

#include <cmath>
#include <cstdio>

#include "errors.hpp"

namespace splitsim {
namespace {

void fill_summary(const Summary& s, v1::Kpi kpi, v1::KpiSummary* out) {
  out->set_kpi(kpi);
  out->set_mean(s.mean);
  out->set_sd(s.sd);
  out->set_p5(s.p5);
  out->set_p10(s.p10);
  out->set_p50(s.p50);
  out->set_p95(s.p95);
  out->set_cvar5(s.cvar5);
  if (s.prob_target) out->set_prob_target(*s.prob_target);
}

std::string explain(const v1::Results& results, const v1::Objective& objective) {
  const auto& candidates = results.candidates();
  const auto best_index = results.recommendation().candidate_index();
  const auto& best = candidates[static_cast<int>(best_index)];
  const auto& kpi = find_kpi(best, objective.kpi());
  const std::string kpi_name = v1::Kpi_Name(objective.kpi());
  char line[512];
  std::string text;
  std::snprintf(line, sizeof line, "Candidate #%u has the best %s of %s: %.6g (P5 %.6g, P50 %.6g, P95 %.6g).",
                best_index, statistic_words(objective.statistic()).c_str(), kpi_name.c_str(),
                best.objective_value(), kpi.p5(), kpi.p50(), kpi.p95());
  text += line;
  if (kpi.has_prob_target()) {
    std::snprintf(line, sizeof line, " It reaches the target of %.6g in %.1f%% of trials.",
                  objective.target(), 100.0 * kpi.prob_target());
    text += line;
  }
  // The runner-up shows how much the choice matters.
  int runner_up = -1;
  for (int i = 0; i < candidates.size(); ++i) {
    if (i == static_cast<int>(best_index) || !candidates[i].infeasible().empty()) continue;
    if (runner_up < 0 || better(candidates[i], candidates[runner_up], objective)) runner_up = i;
  }
  if (runner_up >= 0) {
    const double gap = std::abs(best.objective_value() - candidates[runner_up].objective_value());
    const double base = std::abs(candidates[runner_up].objective_value());
    const auto other = candidates[runner_up].index();
    if (gap == 0.0) {
      const double mean_best = kpi.mean(),
                   mean_other = find_kpi(candidates[runner_up], objective.kpi()).mean();
      std::snprintf(line, sizeof line,
                    " The runner-up, #%u, scores the same; the tie goes to the better mean (%.6g vs %.6g).",
                    other, mean_best, mean_other);
    } else if (base > 0.0 && std::isfinite(gap)) {
      std::snprintf(line, sizeof line, " The runner-up, #%u, scores %.6g (%.1f%% %s).", other,
                    candidates[runner_up].objective_value(), 100.0 * gap / base,
                    objective_lower_is_better(objective) ? "higher" : "lower");
    } else {
      std::snprintf(line, sizeof line, " The runner-up, #%u, scores %.6g.", other,
                    candidates[runner_up].objective_value());
    }
    text += line;
  }
  int infeasible = 0;
  for (const auto& c : candidates) infeasible += c.infeasible().empty() ? 0 : 1;
  if (infeasible > 0) {
    std::snprintf(line, sizeof line, " %d candidate%s broke a constraint and could not be recommended.",
                  infeasible, infeasible == 1 ? "" : "s");
    text += line;
  }
  return text;
}

}  // namespace

v1::Allocation make_allocation(const SimulationSetup& setup, const CandidateSplit& split) {
  v1::Allocation allocation;
  const double spent = setup.budget * split.budget_scale;
  allocation.set_organic_share(split.organic_share);
  allocation.set_paid_budget(spent * (1.0 - split.organic_share));
  allocation.set_organic_budget(spent * split.organic_share);
  allocation.set_budget_spent_share(split.budget_scale);
  const auto plans = plan_channels(setup, split);
  allocation.set_team_capacity_hours(setup.team.capacity_per_period * static_cast<double>(setup.periods));
  double planned_hours = 0.0;
  for (const auto& plan : plans) planned_hours += plan.planned_hours;
  allocation.set_planned_team_hours(planned_hours);
  for (std::size_t c = 0; c < setup.channels.size(); ++c) {
    auto* channel = allocation.add_channels();
    channel->set_channel(setup.channels[c].name);
    channel->set_paid_share(split.paid_shares[c]);
    channel->set_organic_share(split.organic_shares[c]);
    channel->set_paid_budget(plans[c].paid_budget);
    channel->set_organic_budget(plans[c].organic_budget);
    channel->set_posts_per_period(plans[c].posts_per_period);
  }
  const auto& pacing = split.paid_pacing.empty() ? setup.paid_pacing : split.paid_pacing;
  for (std::size_t t = 0; t < setup.periods; ++t) {
    allocation.add_paid_pacing(pacing.empty() ? 1.0 / static_cast<double>(setup.periods) : pacing[t]);
  }
  return allocation;
}

v1::Candidate make_candidate(const v1::Scenario& scenario, const SimulationSetup& setup,
                             const CandidateSplit& split, const CandidateOutcome& outcome,
                             std::uint32_t index) {
  v1::Candidate candidate;
  candidate.set_index(index);
  *candidate.mutable_allocation() = make_allocation(setup, split);
  for (int k = 0; k < kKpiCount; ++k) fill_summary(outcome.totals[k], kpi_at(k), candidate.add_kpis());
  for (std::size_t c = 0; c < setup.channels.size(); ++c) {
    auto* channel = candidate.add_channels();
    channel->set_channel(setup.channels[c].name);
    for (int k = 0; k < kKpiCount; ++k) fill_summary(outcome.channels[c][k], kpi_at(k), channel->add_kpis());
  }
  candidate.set_objective_value(objective_value(candidate, scenario.objective()));
  candidate.set_infeasible(constraint_violation(candidate, scenario));
  return candidate;
}

v1::Results build_results(const v1::Scenario& scenario, std::vector<v1::Candidate> candidates,
                          const std::string& file) {
  v1::Results results;
  const auto& objective = scenario.objective();
  int best = -1, closest = -1;
  double closest_excess = 0.0;
  for (auto& candidate : candidates) {
    // A candidate's index is its position in the results (recommendation.candidate_index refers to it).
    const int position = results.candidates_size();
    candidate.set_index(static_cast<std::uint32_t>(position));
    *results.add_candidates() = std::move(candidate);
    const auto& added = results.candidates(position);
    if (!added.infeasible().empty()) {
      const double excess = constraint_excess(added, scenario);
      if (closest < 0 || excess < closest_excess) closest = position, closest_excess = excess;
      continue;
    }
    if (best < 0 || better(added, results.candidates(best), objective)) best = position;
  }
  if (best < 0 && closest >= 0) {
    // Nothing meets the constraints: say which one binds, with the closest candidate's figures.
    throw InputError({{file, 0, "constraints",
                       "no candidate split meets the constraints; the closest breaks " +
                           results.candidates(closest).infeasible()}});
  }
  if (best >= 0) {
    auto* recommendation = results.mutable_recommendation();
    recommendation->set_candidate_index(results.candidates(best).index());
    *recommendation->mutable_objective() = objective;
    recommendation->set_objective_value(results.candidates(best).objective_value());
    recommendation->set_explanation(explain(results, objective));
  }
  return results;
}

std::string explain_comparison(const v1::Recommendation& recommendation) {
  if (recommendation.runner_ups_size() == 0) return "";
  const auto& c = recommendation.runner_ups(0);
  const auto& objective = recommendation.objective();
  const std::string what =
      objective.statistic() == v1::MIN_COST_FOR_TARGET ? "total cost" : v1::Kpi_Name(objective.kpi());
  char line[512];
  std::snprintf(line, sizeof line,
                "\nAgainst #%u, trial by trial on new trials: %+.4g %s on average (95%% interval %+.4g to "
                "%+.4g); the recommendation does better in %.0f%% of trials.",
                c.candidate_index(), c.mean_difference(), what.c_str(), c.ci_low(), c.ci_high(),
                100.0 * c.prob_better());
  std::string text = line;
  if (c.ci_low() <= 0.0 && c.ci_high() >= 0.0) {
    text += " The interval includes zero: on these trials the two plans are not told apart.";
  }
  return text;
}

v1::Results build_results(const v1::Scenario& scenario, const SimulationSetup& setup,
                          const std::vector<CandidateSplit>& candidates,
                          const std::vector<CandidateOutcome>& outcomes, const std::string& file) {
  std::vector<v1::Candidate> built;
  built.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    built.push_back(
        make_candidate(scenario, setup, candidates[i], outcomes[i], static_cast<std::uint32_t>(i)));
  }
  return build_results(scenario, std::move(built), file);
}

}  // namespace splitsim
