// The efficient frontier: the optimum found again at several total budgets.
#pragma once

#include <cstddef>
#include <vector>

#include "results.pb.h"
#include "search/split_evaluator.hpp"

namespace splitsim {

// For each multiple of budget.total (ascending), optimises the split at that budget on `search`'s trials,
// starting from `optimum` and from the previous point's split, then reports it on `fresh`'s trials; of the
// optimum found and the previous point's split at the new budget, the better on fresh trials is kept, so
// that a model whose KPI rises with spend gives a frontier that never falls. `evaluations` is added to with
// the candidates simulated.
std::vector<v1::FrontierPoint> efficient_frontier(const SplitEvaluator& search, const SplitEvaluator& fresh,
                                                  const CandidateSplit& optimum,
                                                  std::vector<double> multiples,
                                                  std::size_t evaluations_per_point,
                                                  std::size_t& evaluations);

}  // namespace splitsim
