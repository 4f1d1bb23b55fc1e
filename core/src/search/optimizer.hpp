// The continuous search for the best split: NLopt's local optimizers over a SplitSpace, from many starts.
#pragma once

#include <cstddef>
#include <vector>

#include "search/search_space.hpp"
#include "search/split_evaluator.hpp"

namespace splitsim {

// A split the search simulated, with its candidate on the search's trials.
struct Evaluated {
  std::vector<double> x;  // the point of the search space it decodes from
  CandidateSplit split;
  v1::Candidate candidate;      // SplitEvaluator::steer's: only the steering KPIs' totals are summarised
  double value = 0.0;           // the figure steered by (SearchFigures), signed so that higher is better
  std::vector<double> margins;  // each limit's breach, > 0 when broken: the constraints', then the money's
  double penalty = 0.0;         // > 0 when it breaks a limit
  double score = 0.0;           // value / scale - penalty: what the search maximised
};

struct SearchOutcome {
  std::vector<Evaluated> evaluations;  // in the order simulated: never more than the bound
  // The local search that found the best point stopped by its own tolerance (a step of a millionth of a
  // coordinate changing nothing), not at the bound on evaluations.
  bool converged = false;
};

// Evaluates `extra_starts` and the space's starting points (among them a coarse grid when the space is
// small), within half of `max_evaluations`; runs a local optimizer from the best one and restarts it from the
// best point found until a restart finds nothing better; then, with what is left, tries the next best
// distinct starting points, restarting from any better point the same way. Never simulates more than
// `max_evaluations` candidates. Every candidate is simulated on the evaluator's trials (common random
// numbers: the search sees a deterministic function). The best feasible evaluation is the search's answer.
//
// The local optimizers are NLopt's. BOBYQA (quadratic models: fast and precise where the objective is
// smooth, as a mean is, and a percentile at the scale of its steps) takes turns with Subplex (a simplex
// method, robust to kinks, which leads for PROB_TARGET: a probability is linear between trials). KPI
// constraints are kept by COBYLA, which follows each limit's continuous margin (objective.hpp) to the
// boundary instead of meeting a penalty's step there. MIN_COST_FOR_TARGET alone is searched over the split
// only: at each split the least spend reaching the target is solved for (the margin's crossing of zero), so
// the search sees a smooth cost instead of a constraint, and its answer sits on the boundary from the side
// that keeps it.
SearchOutcome optimize_split(const SplitSpace& space, const SplitEvaluator& evaluator,
                             std::size_t max_evaluations,
                             const std::vector<CandidateSplit>& extra_starts = {});

// The best feasible evaluation (the best overall when none is feasible).
const Evaluated& best_evaluated(const std::vector<Evaluated>& evaluations, const Objective& objective);

// Up to `count` of the best feasible evaluations whose allocations differ (by more than half a percentage
// point in some share), best first.
std::vector<const Evaluated*> distinct_best(const std::vector<Evaluated>& evaluations,
                                            const ResolvedScenario& scenario, std::size_t count);

}  // namespace splitsim
