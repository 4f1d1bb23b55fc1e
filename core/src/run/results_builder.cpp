#include "run/results_builder.hpp"

#include <cmath>
#include <cstdio>

#include "base/errors.hpp"
#include "search/comparison.hpp"
#include "search/objective.hpp"
#include "search/ranking.hpp"

namespace splitsim {
namespace {

std::string explain(const v1::Results& results, const Objective& objective) {
  const auto& candidates = results.candidates();
  const auto best_index = results.recommendation().candidate_index();
  const auto& best = candidates[static_cast<int>(best_index)];
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
  const int runner_up = best_feasible(candidates, objective, static_cast<int>(best_index));
  if (runner_up >= 0) {
    const double gap = std::abs(best.objective_value() - candidates[runner_up].objective_value());
    const double base = std::abs(candidates[runner_up].objective_value());
    const auto other = candidates[runner_up].index();
    if (gap == 0.0) {
      const double mean_best = kpi.mean(), mean_other = find_kpi(candidates[runner_up], objective.kpi).mean();
      std::snprintf(line, sizeof line,
                    " The runner-up, #%u, scores the same; the tie goes to the better mean (%.6g vs %.6g).",
                    other, mean_best, mean_other);
    } else if (base > 0.0 && std::isfinite(gap)) {
      std::snprintf(line, sizeof line, " The runner-up, #%u, scores %.6g (%.1f%% %s).", other,
                    candidates[runner_up].objective_value(), 100.0 * gap / base,
                    objective.lower_is_better() ? "higher" : "lower");
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

v1::Results build_results(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                          std::vector<v1::Candidate> candidates) {
  v1::Results results;
  const auto& objective = scenario.objective;
  int closest = -1;
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
    }
  }
  const int best = best_feasible(results.candidates(), objective);
  if (best < 0 && closest >= 0) {
    // Nothing meets the constraints: say which one binds, with the closest candidate's figures.
    throw InputError(
        {{scenario.file, 0, "constraints", infeasibility_message(results.candidates(), scenario)}});
  }
  if (best >= 0) {
    auto* recommendation = results.mutable_recommendation();
    recommendation->set_candidate_index(results.candidates(best).index());
    *recommendation->mutable_objective() = objective_as_written;
    recommendation->set_objective_value(results.candidates(best).objective_value());
    recommendation->set_explanation(explain(results, objective));
  }
  return results;
}

std::string explain_comparison(const v1::Recommendation& recommendation) {
  if (recommendation.runner_ups_size() == 0) return "";
  // On the objective's own statistic, trial by trial on new trials, with the mean and the share won beside.
  return "\n" + describe_comparison(recommendation.runner_ups(0), recommendation.objective());
}

}  // namespace splitsim
