// Assembles the Results message of a run and chooses the recommendation.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "results.pb.h"
#include "search/objective.hpp"

namespace splitsim {

// One candidate's allocation (money, shares, posts, pacing, team hours), KPI summaries in total and per
// channel, objective figure, and the constraint it breaks (if any).
v1::Candidate make_candidate(const v1::Scenario& scenario, const SimulationSetup& setup,
                             const CandidateSplit& split, const CandidateOutcome& outcome,
                             std::uint32_t index);

// The allocation part of make_candidate alone.
v1::Allocation make_allocation(const SimulationSetup& setup, const CandidateSplit& split);

// Results of the given candidates (re-indexed by position), with the recommendation: the feasible candidate
// with the best objective figure (the lowest index among equals, so the choice is deterministic) and its
// explanation. Throws InputError naming the constraint when no candidate meets the scenario's constraints.
v1::Results build_results(const v1::Scenario& scenario, std::vector<v1::Candidate> candidates,
                          const std::string& file);

// A sentence on the recommendation against its runner-up, trial by trial: the mean difference with its 95%
// interval and how often it does better, and a warning when the interval includes zero. Empty without one.
std::string explain_comparison(const v1::Recommendation& recommendation);

// Convenience for a grid: simulated splits and their outcomes, in order.
v1::Results build_results(const v1::Scenario& scenario, const SimulationSetup& setup,
                          const std::vector<CandidateSplit>& candidates,
                          const std::vector<CandidateOutcome>& outcomes, const std::string& file = "");

}  // namespace splitsim
