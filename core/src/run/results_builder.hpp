// Assembles the Results message of a run and chooses the recommendation.
#pragma once

#include <string>
#include <vector>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "search/candidate_source.hpp"

namespace splitsim {

// The results of a run but its candidates (which stay in `candidates`, each with its position as its
// index): the recommendation, the feasible candidate with the best objective figure (the lowest index among
// equals, so the choice is deterministic), and its explanation; `objective_as_written` is the scenario's
// objective as the results record it. Throws InputError naming the constraint when no candidate meets the
// scenario's constraints.
v1::Results build_results(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                          const CandidateSource& candidates);
// The same with the candidates (re-indexed by position) held in the results.
v1::Results build_results(const ResolvedScenario& scenario, const v1::Objective& objective_as_written,
                          std::vector<v1::Candidate> candidates);

// A sentence on the recommendation against its runner-up, trial by trial: the mean difference with its 95%
// interval and how often it does better, and a warning when the interval includes zero. Empty without one.
std::string explain_comparison(const v1::Recommendation& recommendation);

}  // namespace splitsim
