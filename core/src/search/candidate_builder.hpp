// A simulated split as the results report it: its allocation and KPI summaries, judged by the objective.
#pragma once

#include <cstdint>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"
#include "search/candidate_statistics.hpp"

namespace splitsim {

// The split's allocation as the results report it: money, shares, posts, pacing, team hours.
v1::Allocation make_allocation(const ResolvedScenario& scenario, const CandidateSplit& split);

// One candidate: its allocation, KPI summaries in total and per channel, objective figure, and the
// constraint it breaks (if any).
v1::Candidate make_candidate(const ResolvedScenario& scenario, const CandidateSplit& split,
                             const CandidateOutcome& outcome, std::uint32_t index);

}  // namespace splitsim
