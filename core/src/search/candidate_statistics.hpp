// The statistics step: a split's per-trial KPIs summarised into distributions (outside the engine, which
// knows nothing of the objective: the probability of the target is reported for the objective's KPI).
#pragma once

#include <vector>

#include "engine/trial_kpis.hpp"
#include "scenario/resolved_scenario.hpp"
#include "stats/summary.hpp"

namespace splitsim {

// The KPI distributions of one candidate.
struct CandidateOutcome {
  std::vector<Summary> totals;                 // [kpi]
  std::vector<std::vector<Summary>> channels;  // [channel][kpi]
};

// Summaries of every KPI, in total and per channel; the objective KPI's include the probability of
// reaching the objective's target, when it has one.
CandidateOutcome summarize_trials(const TrialKpis& kpis, const Objective& objective);

}  // namespace splitsim
