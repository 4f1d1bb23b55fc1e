// Assembles the Results message of a run and chooses the recommendation.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "results.pb.h"

namespace splitsim {

// The objective's figure for one KPI summary (mean, a percentile, or the probability of the target).
double objective_value(const v1::KpiSummary& summary, v1::Statistic statistic);

// Whether candidate a's objective value beats b's (higher, or lower for cost KPIs other than PROB_TARGET).
bool better(const v1::Candidate& a, const v1::Candidate& b, const v1::Objective& objective);

// Per-candidate allocations and KPI summaries, and the recommendation: the candidate with the best objective
// value (the lowest index among equals, so the choice is deterministic).
v1::Results build_results(const v1::Scenario& scenario, const SimulationSetup& setup,
                          const std::vector<CandidateSplit>& candidates,
                          const std::vector<CandidateOutcome>& outcomes);

}  // namespace splitsim
