#include "run/run_plan.hpp"

#include <algorithm>

#include "base/errors.hpp"
#include "engine/engine.hpp"
#include "scenario/allocation.hpp"
#include "search/grid.hpp"
#include "search/money_limits.hpp"

namespace splitsim {

std::size_t frontier_evaluations(const ResolvedScenario& scenario) {
  return std::max<std::size_t>(20, scenario.optimizer.max_evaluations / 4);
}

RunPlan plan_run(const ResolvedScenario& scenario, std::size_t threads) {
  RunPlan plan;
  if (scenario.optimize) {
    const auto& options = scenario.optimizer;
    plan.candidates = options.max_evaluations + options.finalists +
                      options.frontier.size() * (frontier_evaluations(scenario) + 2) +
                      2 * scenario.channels.size();
  } else {
    plan.grid = generate_candidates(scenario);
    // Money limits (a channel held at an amount, within a change of its current spend) filter the grid.
    if (scenario.any_money_limit()) {
      std::string first_reason;
      std::erase_if(plan.grid, [&](const CandidateSplit& split) {
        const auto reason = money_violation(scenario, allocate(scenario, split));
        if (!reason.empty() && first_reason.empty()) first_reason = reason;
        return !reason.empty();
      });
      if (plan.grid.empty()) {
        throw InputError({{scenario.file, 0, "search.grid",
                           "no grid point keeps the channels' money limits (" + first_reason +
                               "): use a finer grid or search { optimize {} }"}});
      }
    }
    plan.candidates = plan.grid.size();
  }
  const std::size_t channel_plans =
      scenario.optimize ? 0 : distinct_channel_plans(plan.grid, reused_outcome_capacity(scenario));
  plan.estimate = estimate_resources(scenario, plan.candidates, threads, channel_plans);
  return plan;
}

}  // namespace splitsim
