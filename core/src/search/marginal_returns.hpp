// What the next money in each channel buys: the figure a specialist uses to argue a budget shift.
#pragma once

#include <vector>

#include "results.pb.h"
#include "search/split_evaluator.hpp"

namespace splitsim {

// The split with `extra` more money (less, when negative) on channel `channel`'s paid side (or organic
// side), everything else kept in money: the total spent changes by `extra`. Shares are recomputed; bounds
// are not checked.
CandidateSplit with_extra_money(const ResolvedScenario& scenario, const CandidateSplit& split,
                                std::size_t channel, bool organic, double extra);

// How much money a lever can gain (`up`) or lose (`down`) before the plan breaks one of its own limits: on
// the paid side the channel's paid share bounds and money limits, on the organic side its organic share
// bounds and the organic share's bounds; and never negative money.
struct LeverRoom {
  double up = 0.0, down = 0.0;
};
LeverRoom lever_room(const ResolvedScenario& scenario, const CandidateSplit& split, std::size_t channel,
                     bool organic);

// Per channel, the objective KPI's mean gained per 1,000 more paid (and organic) money at `split`, on the
// evaluator's trials (the same trials on both sides, so the difference is not noise). The step is 1% of the
// lever's money (at least 0.1% of the money spent). Where the lever has room both ways within its limits,
// the difference is central (a step up against a step down: the derivative to second order); at a limit it
// is one-sided, and says so: backward at a cap (so it never measures past it), forward at a floor or from
// nothing. Organic returns are left at 0 where the channel takes no organic budget or the team is fixed
// (its cost does not grow with money).
std::vector<v1::MarginalReturn> marginal_returns(const SplitEvaluator& evaluator,
                                                 const CandidateSplit& split);

}  // namespace splitsim
