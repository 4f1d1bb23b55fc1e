#include "app/results_builder.hpp"

#include <cmath>
#include <cstdio>

namespace splitsim {
namespace {

void fill_summary(const Summary& s, v1::Kpi kpi, v1::KpiSummary* out) {
  out->set_kpi(kpi);
  out->set_mean(s.mean);
  out->set_sd(s.sd);
  out->set_p5(s.p5);
  out->set_p50(s.p50);
  out->set_p95(s.p95);
  out->set_cvar5(s.cvar5);
  if (s.prob_target) out->set_prob_target(*s.prob_target);
}

const v1::KpiSummary& find_kpi(const v1::Candidate& candidate, v1::Kpi kpi) {
  for (const auto& summary : candidate.kpis()) {
    if (summary.kpi() == kpi) return summary;
  }
  return v1::KpiSummary::default_instance();
}

std::string statistic_words(v1::Statistic statistic) {
  switch (statistic) {
    case v1::P5:
      return "P5 (the value reached in 95% of trials)";
    case v1::P50:
      return "median";
    case v1::P95:
      return "P95";
    case v1::PROB_TARGET:
      return "probability of reaching the target";
    default:
      return "mean";
  }
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
    if (i == static_cast<int>(best_index)) continue;
    if (runner_up < 0 || better(candidates[i], candidates[runner_up], objective)) runner_up = i;
  }
  if (runner_up >= 0) {
    const double gap = std::abs(best.objective_value() - candidates[runner_up].objective_value());
    const double base = std::abs(candidates[runner_up].objective_value());
    if (gap == 0.0) {
      const double mean_best = kpi.mean(),
                   mean_other = find_kpi(candidates[runner_up], objective.kpi()).mean();
      std::snprintf(line, sizeof line,
                    " The runner-up, #%d, scores the same; the tie goes to the better mean (%.6g vs %.6g).",
                    runner_up, mean_best, mean_other);
    } else if (base > 0.0 && std::isfinite(gap)) {
      const bool lower = objective.statistic() != v1::PROB_TARGET && lower_is_better(objective.kpi());
      std::snprintf(line, sizeof line, " The runner-up, #%d, scores %.6g (%.1f%% %s).", runner_up,
                    candidates[runner_up].objective_value(), 100.0 * gap / base, lower ? "higher" : "lower");
    } else {
      std::snprintf(line, sizeof line, " The runner-up, #%d, scores %.6g.", runner_up,
                    candidates[runner_up].objective_value());
    }
    text += line;
  }
  return text;
}

}  // namespace

bool better(const v1::Candidate& a, const v1::Candidate& b, const v1::Objective& objective) {
  // Probabilities of reaching a target are better high whatever the KPI; other statistics follow the KPI.
  const bool lower = objective.statistic() != v1::PROB_TARGET && lower_is_better(objective.kpi());
  if (a.objective_value() != b.objective_value()) {
    return lower ? a.objective_value() < b.objective_value() : a.objective_value() > b.objective_value();
  }
  // A tie (common for probabilities over a finite number of trials) goes to the better mean of the KPI.
  const double mean_a = find_kpi(a, objective.kpi()).mean(), mean_b = find_kpi(b, objective.kpi()).mean();
  return lower_is_better(objective.kpi()) ? mean_a < mean_b : mean_a > mean_b;
}

double objective_value(const v1::KpiSummary& summary, v1::Statistic statistic) {
  switch (statistic) {
    case v1::P5:
      return summary.p5();
    case v1::P50:
      return summary.p50();
    case v1::P95:
      return summary.p95();
    case v1::PROB_TARGET:
      return summary.prob_target();
    default:
      return summary.mean();
  }
}

v1::Results build_results(const v1::Scenario& scenario, const SimulationSetup& setup,
                          const std::vector<CandidateSplit>& candidates,
                          const std::vector<CandidateOutcome>& outcomes) {
  v1::Results results;
  const auto& objective = scenario.objective();
  int best = -1;
  for (std::size_t index = 0; index < candidates.size(); ++index) {
    const auto& split = candidates[index];
    const auto& outcome = outcomes[index];
    auto* candidate = results.add_candidates();
    candidate->set_index(static_cast<std::uint32_t>(index));

    auto* allocation = candidate->mutable_allocation();
    allocation->set_organic_share(split.organic_share);
    allocation->set_paid_budget(setup.budget * (1.0 - split.organic_share));
    allocation->set_organic_budget(setup.budget * split.organic_share);
    const auto plans = plan_channels(setup, split);
    allocation->set_team_capacity_hours(setup.team.capacity_per_period * static_cast<double>(setup.periods));
    double planned_hours = 0.0;
    for (const auto& plan : plans) planned_hours += plan.planned_hours;
    allocation->set_planned_team_hours(planned_hours);
    for (std::size_t c = 0; c < setup.channels.size(); ++c) {
      auto* channel = allocation->add_channels();
      channel->set_channel(setup.channels[c].name);
      channel->set_paid_share(split.paid_shares[c]);
      channel->set_organic_share(split.organic_shares[c]);
      channel->set_paid_budget(allocation->paid_budget() * split.paid_shares[c]);
      channel->set_organic_budget(allocation->organic_budget() * split.organic_shares[c]);
      channel->set_posts_per_period(plans[c].posts_per_period);
    }
    for (int k = 0; k < kKpiCount; ++k) fill_summary(outcome.totals[k], kpi_at(k), candidate->add_kpis());
    for (std::size_t c = 0; c < setup.channels.size(); ++c) {
      auto* channel = candidate->add_channels();
      channel->set_channel(setup.channels[c].name);
      for (int k = 0; k < kKpiCount; ++k)
        fill_summary(outcome.channels[c][k], kpi_at(k), channel->add_kpis());
    }
    candidate->set_objective_value(
        objective_value(find_kpi(*candidate, objective.kpi()), objective.statistic()));
    if (best < 0 || better(*candidate, results.candidates(best), objective)) {
      best = static_cast<int>(index);
    }
  }
  if (best >= 0) {
    auto* recommendation = results.mutable_recommendation();
    recommendation->set_candidate_index(static_cast<std::uint32_t>(best));
    *recommendation->mutable_objective() = objective;
    recommendation->set_objective_value(results.candidates(best).objective_value());
    recommendation->set_explanation(explain(results, objective));
  }
  return results;
}

}  // namespace splitsim
