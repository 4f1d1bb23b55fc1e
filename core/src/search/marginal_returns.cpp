#include "search/marginal_returns.hpp"

#include "scenario/allocation.hpp"

namespace splitsim {

CandidateSplit with_extra_money(const ResolvedScenario& scenario, const CandidateSplit& split,
                                std::size_t channel, bool organic, double extra) {
  const Allocation allocation = allocate(scenario, split);
  std::vector<double> paid, organic_money;
  for (const auto& budget : allocation.channels) {
    paid.push_back(budget.paid_budget);
    organic_money.push_back(budget.organic_budget);
  }
  (organic ? organic_money : paid)[channel] += extra;
  return split_for_money(scenario, split, paid, organic_money, allocation.spent + extra);
}

std::vector<v1::MarginalReturn> marginal_returns(const SplitEvaluator& evaluator, const CandidateSplit& split,
                                                 double* step_used) {
  const auto& scenario = evaluator.scenario();
  const double step = 0.01 * scenario.budget * split.budget_scale;
  if (step_used) *step_used = step;
  const double base = evaluator.objective_kpi_mean(split);
  // A fixed team's cost does not grow with money: no organic return to measure.
  const bool organic_side = !scenario.fixed_team() && scenario.organic_share.max > 0.0;
  std::vector<v1::MarginalReturn> returns;
  for (std::size_t c = 0; c < split.paid_shares.size(); ++c) {
    const auto& channel = scenario.channels[c];
    v1::MarginalReturn r;
    r.set_channel(channel.name);
    const double per_1000 = 1000.0 / step;
    r.set_paid((evaluator.objective_kpi_mean(with_extra_money(scenario, split, c, false, step)) - base) *
               per_1000);
    const bool organic = organic_side && channel.organic_share.max > 0.0;
    r.set_organic_possible(organic);
    if (organic) {
      r.set_organic((evaluator.objective_kpi_mean(with_extra_money(scenario, split, c, true, step)) - base) *
                    per_1000);
    }
    returns.push_back(std::move(r));
  }
  return returns;
}

}  // namespace splitsim
