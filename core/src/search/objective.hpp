// The scenario's objective as one figure per candidate, and the KPI constraints a recommended plan keeps.
#pragma once

#include <string>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// The summary of `kpi` among a candidate's totals (an empty summary when it is missing).
const v1::KpiSummary& find_kpi(const v1::Candidate& candidate, v1::Kpi kpi);

// The objective's figure for a candidate whose total KPIs are filled: the statistic of the objective KPI
// (mean, P5, P10, P50, P95, probability of the target, mean - lambda sd), or for MIN_COST_FOR_TARGET the
// expected total cost.
double objective_value(const v1::Candidate& candidate, const Objective& objective);

// Why a candidate breaks the scenario's constraints (KPI limits on the mean, MIN_COST_FOR_TARGET's
// probability), naming the constraint and the figures; empty when it meets them all.
std::string constraint_violation(const v1::Candidate& candidate, const ResolvedScenario& scenario);

// How far a candidate is from meeting the constraints, relative to each limit (0 when it meets them all):
// lets a search move towards feasibility.
double constraint_excess(const v1::Candidate& candidate, const ResolvedScenario& scenario);

// Words for the statistic, e.g. "P5 (the value reached in 95% of trials)".
std::string statistic_words(v1::Statistic statistic);

}  // namespace splitsim
