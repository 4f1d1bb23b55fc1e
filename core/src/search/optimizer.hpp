// The continuous search for the best split (NLopt's Subplex over a SplitSpace).
#pragma once

#include <cstddef>
#include <vector>

#include "search/search_space.hpp"
#include "search/split_evaluator.hpp"

namespace splitsim {

// A split the search simulated, with its candidate on the search's trials.
struct Evaluated {
  CandidateSplit split;
  v1::Candidate candidate;
  double value = 0.0;    // the objective figure, signed so that higher is better
  double penalty = 0.0;  // for breaking a limit or leaving the feasible set
  double score = 0.0;    // what the search maximised: value / scale - penalty
};

// Evaluates the space's starting points and `extra_starts`, then runs Subplex from the best few until
// `max_evaluations` candidates have been simulated in all. Every candidate is simulated on the evaluator's
// trials (common random numbers: the search sees a deterministic, smooth function). Returns every
// evaluation in order; the best feasible one is the search's answer.
//
// Subplex (Rowan's subspace-searching simplex) is derivative-free and robust to the kinks that percentile
// objectives and the projection onto the feasible set create, where BOBYQA's quadratic models suffer.
std::vector<Evaluated> optimize_split(const SplitSpace& space, const SplitEvaluator& evaluator,
                                      std::size_t max_evaluations,
                                      const std::vector<CandidateSplit>& extra_starts = {});

// The best feasible evaluation (the best overall when none is feasible).
const Evaluated& best_evaluated(const std::vector<Evaluated>& evaluations, const Objective& objective);

// Up to `count` of the best feasible evaluations whose allocations differ (by more than half a percentage
// point in some share), best first.
std::vector<const Evaluated*> distinct_best(const std::vector<Evaluated>& evaluations,
                                            const ResolvedScenario& scenario, std::size_t count);

}  // namespace splitsim
