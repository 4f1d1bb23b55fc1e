#include "run/results_builder.hpp"

#include <cmath>
#include <cstdio>

#include "base/errors.hpp"
#include "search/comparison.hpp"
#include "search/objective.hpp"
#include "search/ranking.hpp"

namespace splitsim {
namespace {

std::string explain(const v1::Results& results, const CandidateSource& candidates,
                    const Objective& objective) {
  const auto best_index = results.recommendation().candidate_index();
  const auto best = candidates.at(best_index);
  const auto& kpi = find_kpi(best, objective.kpi);
  const std::string kpi_name = v1::Kpi_Name(objective.kpi);
  char line[512];
  std::string text;
  std::snprintf(line, sizeof line, "Candidate #%u has the best %s of %s: %.6g (P5 %.6g, P50 %.6g, P95 %.6g).",
                best_index, statistic_words(objective.statistic).c_str(), kpi_name.c_str(),
                best.objective_value(), kpi.p5(), kpi.p50(), kpi.p95());
  text += line;
  if (kpi.has_prob_target()) {
    std::snprintf(line, sizeof line, " It reaches the target of %.6g in %.1f%% of trials.",
                  objective.target.value_or(0.0), 100.0 * kpi.prob_target());
    text += line;
  }
  // The runner-up shows how much the choice matters.
  const int position = best_feasible(candidates, objective, static_cast<int>(best_index));
  if (position >= 0) {
    const auto runner_up = candidates.at(static_cast<std::size_t>(position));
    const double gap = std::abs(best.objective_value() - runner_up.objective_value());
    const double base = std::abs(runner_up.objective_value());
    const auto other = runner_up.index();
    if (gap == 0.0) {
      const double mean_best = kpi.mean(), mean_other = find_kpi(runner_up, objective.kpi).mean();
      std::snprintf(line, sizeof line,
                    " The runner-up, #%u, scores the same; the tie goes to the better mean (%.6g vs %.6g).",
                    other, mean_best, mean_other);
    } else if (base > 0.0 && std::isfinite(gap)) {
      std::snprintf(line, sizeof line, " The runner-up, #%u, scores %.6g (%.1f%% %s).", other,
                    runner_up.objective_value(), 100.0 * gap / base,
                    objective.lower_is_better() ? "higher" : "lower");
    } else {
      std::snprintf(line, sizeof line, " The runner-up, #%u, scores %.6g.", other,
                    runner_up.objective_value());
    }
    text += line;
  }
  int infeasible = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) infeasible += candidates.key(i).feasible ? 0 : 1;
  if (infeasible > 0) {
    std::snprintf(line, sizeof line, " %d candidate%s broke a constraint and could not be recommended.",
                  infeasible, infeasible == 1 ? "" : "s");
    text += line;
  }
  return text;
}

}  // namespace

v1::Results build_results(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                          const CandidateSource& candidates) {
  v1::Results results;
  const auto& objective = scenario.objective;
  bool any_infeasible = false;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    any_infeasible = any_infeasible || !candidates.key(i).feasible;
  const int best = best_feasible(candidates, objective);
  if (best < 0 && any_infeasible) {
    // Nothing meets the constraints: say which one binds, with the closest candidate's figures.
    throw InputError({{scenario.file, 0, "constraints", infeasibility_message(candidates, scenario)}});
  }
  if (best >= 0) {
    const auto position = static_cast<std::size_t>(best);
    auto* recommendation = results.mutable_recommendation();
    recommendation->set_candidate_index(static_cast<std::uint32_t>(position));
    *recommendation->mutable_objective() = objective_as_written;
    recommendation->set_objective_value(candidates.key(position).objective_value);
    recommendation->set_explanation(explain(results, candidates, objective));
  }
  return results;
}

v1::Results build_results(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                          std::vector<v1::Candidate> candidates) {
  google::protobuf::RepeatedPtrField<v1::Candidate> held;
  for (auto& candidate : candidates) {
    candidate.set_index(static_cast<std::uint32_t>(held.size()));
    *held.Add() = std::move(candidate);
  }
  auto results = build_results(scenario, objective_as_written, CandidateMessages(held, scenario.objective));
  results.mutable_candidates()->Swap(&held);
  return results;
}

std::string explain_comparison(const v1::Recommendation& recommendation) {
  if (recommendation.runner_ups_size() == 0) return "";
  // On the objective's own statistic, trial by trial on new trials, with the mean and the share won beside.
  return "\n" + describe_comparison(recommendation.runner_ups(0), recommendation.objective());
}

}  // namespace splitsim
