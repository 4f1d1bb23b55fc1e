// The candidate splits of a scenario's search space: organic share x paid channel shares x organic shares.
#pragma once

#include <string>
#include <vector>

#include "scenario/limits.hpp"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"

namespace splitsim {

// Enumerates the grid of a validated scenario. Channel shares are multiples of channel_step within each
// channel's bounds, summing to 1; the organic share runs from its min to its max by organic_step (both ends
// included), or is the fixed team's cost share. When one side gets no budget its split is irrelevant, so it
// is enumerated only once.
// Throws InputError when no grid point fits the bounds or the grid is larger than kMaxCandidates.
std::vector<CandidateSplit> generate_candidates(const ResolvedScenario& scenario);

// How many different channel plans a grid's splits make, as (channel, organic share, the channel's paid
// share, its organic share), counted up to `up_to`: what a grid's engine may keep of them.
std::size_t distinct_channel_plans(const std::vector<CandidateSplit>& grid, std::size_t up_to);

}  // namespace splitsim
