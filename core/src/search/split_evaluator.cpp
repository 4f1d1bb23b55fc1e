#include "search/split_evaluator.hpp"

#include "app/results_builder.hpp"

namespace splitsim {

SplitEvaluator::SplitEvaluator(const v1::Scenario& scenario, const SimulationSetup& setup)
    : scenario_(scenario), setup_(setup), money_(paid_money_bounds(scenario)) {}

v1::Candidate SplitEvaluator::evaluate(const CandidateSplit& split) const {
  const auto outcomes = Engine(setup_).evaluate({split});
  auto candidate = make_candidate(scenario_, setup_, split, outcomes.front(), 0);
  if (const auto money = money_violation(scenario_, money_, split, setup_.budget); !money.empty()) {
    candidate.set_infeasible(candidate.infeasible().empty() ? money : money + "; " + candidate.infeasible());
  }
  return candidate;
}

std::vector<double> SplitEvaluator::objective_kpi_per_trial(const CandidateSplit& split) const {
  const auto kpis = Engine(setup_).simulate(split);
  if (scenario_.objective().statistic() != v1::MIN_COST_FOR_TARGET) {
    return kpis.totals[kpi_index(scenario_.objective().kpi())];
  }
  auto cost = kpis.totals[kpi_index(v1::PAID_SPEND)];
  const auto& organic = kpis.totals[kpi_index(v1::ORGANIC_COST)];
  for (std::size_t i = 0; i < cost.size(); ++i) cost[i] += organic[i];
  return cost;
}

double SplitEvaluator::objective_kpi_mean(const CandidateSplit& split) const {
  const auto kpis = Engine(setup_).simulate(split);
  return summarize(kpis.totals[kpi_index(scenario_.objective().kpi())]).mean;
}

}  // namespace splitsim
