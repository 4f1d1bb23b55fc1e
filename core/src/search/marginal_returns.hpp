// What the next money in each channel buys: the figure a specialist uses to argue a budget shift.
#pragma once

#include <vector>

#include "results.pb.h"
#include "search/split_evaluator.hpp"

namespace splitsim {

// The split with `extra` more money on channel `channel`'s paid side (or organic side), everything else
// kept in money: the total spent grows by `extra`. Shares are recomputed; bounds may be exceeded, on purpose.
CandidateSplit with_extra_money(const ResolvedScenario& scenario, const CandidateSplit& split,
                                std::size_t channel, bool organic, double extra);

// Per channel, the objective KPI's mean gained per 1,000 of extra paid (and organic) money at `split`,
// measured over a step of 1% of the money spent, on the evaluator's trials (the same trials on both sides,
// so the difference is not noise). Organic returns are left at 0 where the channel takes no organic
// budget or the team is fixed (its cost does not grow with money). `step` receives the step used.
std::vector<v1::MarginalReturn> marginal_returns(const SplitEvaluator& evaluator, const CandidateSplit& split,
                                                 double* step = nullptr);

}  // namespace splitsim
