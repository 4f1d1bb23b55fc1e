// The efficient frontier: the optimum found again at several total budgets.
#pragma once

#include <cstddef>
#include <vector>

#include "results.pb.h"
#include "search/split_evaluator.hpp"

namespace splitsim {

// The recommendation the frontier passes through at budget.total.
struct FrontierAnchor {
  CandidateSplit split;
  v1::Candidate candidate;  // on `fresh`'s trials
  bool converged = false;   // its search converged
};

// For each multiple of budget.total, in ascending order, the optimum at that budget: at 1 the recommendation
// itself (the optimum of the same problem: no point of the frontier can beat it there); elsewhere a search of
// `evaluations_per_point` candidates on `search`'s trials, starting from the recommendation and from the
// previous (lower) point's plan, reported on `fresh`'s trials. Of the optimum found and the previous point's
// plan, the better on fresh trials is kept, so that a KPI that rises with spend gives a frontier that never
// falls. A level spends at least what the level below it chose (and, below 1, at most what the
// recommendation spends), so the points are in order of cost. `evaluations` is added to with the candidates
// simulated.
std::vector<v1::FrontierPoint> efficient_frontier(const SplitEvaluator& search, const SplitEvaluator& fresh,
                                                  const FrontierAnchor& recommendation,
                                                  std::vector<double> multiples,
                                                  std::size_t evaluations_per_point,
                                                  std::size_t& evaluations);

}  // namespace splitsim
