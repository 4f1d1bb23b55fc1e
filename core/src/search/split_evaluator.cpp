#include "search/split_evaluator.hpp"

#include <tbb/parallel_for.h>

#include "search/candidate_builder.hpp"
#include "search/candidate_statistics.hpp"
#include "search/money_limits.hpp"

namespace splitsim {

v1::Candidate SplitEvaluator::evaluate(const CandidateSplit& split) const {
  const auto& scenario = engine_.scenario();
  auto candidate =
      make_candidate(scenario, split, summarize_trials(engine_.simulate(split), scenario.objective), 0);
  if (const auto money = money_violation(scenario, allocate(scenario, split)); !money.empty()) {
    candidate.set_infeasible(candidate.infeasible().empty() ? money : money + "; " + candidate.infeasible());
  }
  return candidate;
}

std::vector<v1::Candidate> SplitEvaluator::evaluate_all(const std::vector<CandidateSplit>& splits) const {
  std::vector<v1::Candidate> candidates(splits.size());
  tbb::parallel_for(std::size_t{0}, splits.size(),
                    [&](std::size_t i) { candidates[i] = evaluate(splits[i]); });
  return candidates;
}

std::vector<double> SplitEvaluator::objective_kpi_per_trial(const CandidateSplit& split) const {
  const auto& objective = engine_.scenario().objective;
  auto kpis = engine_.simulate(split);
  if (objective.statistic != v1::MIN_COST_FOR_TARGET) return std::move(kpis.totals[kpi_index(objective.kpi)]);
  auto cost = std::move(kpis.totals[kpi_index(v1::PAID_SPEND)]);
  const auto& organic = kpis.totals[kpi_index(v1::ORGANIC_COST)];
  for (std::size_t i = 0; i < cost.size(); ++i) cost[i] += organic[i];
  return cost;
}

double SplitEvaluator::objective_kpi_mean(const CandidateSplit& split) const {
  const auto kpis = engine_.simulate(split);
  return summarize(kpis.totals[kpi_index(engine_.scenario().objective.kpi)]).mean;
}

}  // namespace splitsim
