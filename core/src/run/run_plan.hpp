// What a run of a scenario will simulate, known before it starts, and what that needs: `run` refuses and
// `validate` reports from the same plan.
#pragma once

#include <cstddef>
#include <vector>

#include "run/resource_estimate.hpp"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"

namespace splitsim {

struct RunPlan {
  std::vector<CandidateSplit> grid;  // the grid's splits that keep the money limits (empty for the optimizer)
  std::size_t candidates = 0;        // splits simulated in all (for the optimizer, its bound)
  ResourceEstimate estimate;
};

// The candidate splits a search simulates: the grid's (throws InputError when none keeps the money limits),
// or the optimizer's bound on its evaluations, finalists, frontier and marginal returns.
RunPlan plan_run(const ResolvedScenario& scenario, std::size_t threads);

// Evaluations the frontier's optimisation gets at each budget level.
std::size_t frontier_evaluations(const ResolvedScenario& scenario);

}  // namespace splitsim
