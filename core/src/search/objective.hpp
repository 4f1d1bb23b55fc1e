// The scenario's objective as one figure per candidate, and the KPI constraints a recommended plan keeps.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "search/candidate_source.hpp"

namespace splitsim {

// The summary of `kpi` among a candidate's totals (an empty summary when it is missing).
const v1::KpiSummary& find_kpi(const v1::Candidate& candidate, v1::Kpi kpi);

// A KPI's expected value as practitioners read it: for a ratio KPI the ratio of expected totals (e.g. mean
// cost / mean conversions), else the mean.
double headline_mean(const v1::KpiSummary& summary);

// The objective's figure for a candidate whose total KPIs are filled: the statistic of the objective KPI
// (mean — the ratio of means for a ratio KPI —, P5, P10, P50, P90, P95, probability of the target, mean -
// lambda sd), or for MIN_COST_FOR_TARGET the expected total cost.
double objective_value(const v1::Candidate& candidate, const Objective& objective);

// The objective's statistic of per-trial values of its KPI (reordered), as objective_value reads it from a
// summary; MEAN is the mean of the values (a ratio of means needs the parts, which the values do not have).
double sample_statistic(std::vector<double>& values, const Objective& objective);

// A constraint in words, e.g. "P90 CPA <= 120" or "P(CONVERSIONS >= 2000) >= 0.8".
std::string constraint_words(const KpiLimit& limit);

// Why a candidate breaks the scenario's constraints (KPI limits on a statistic, chance constraints,
// MIN_COST_FOR_TARGET's probability), naming the constraint and the figures; empty when it meets them all.
std::string constraint_violation(const v1::Candidate& candidate, const ResolvedScenario& scenario);

// Why no candidate can be recommended when none meets the constraints: the binding constraint (one no
// candidate keeps, else those the closest candidate breaks) with the best value any candidate achieves.
std::string infeasibility_message(const CandidateSource& candidates, const ResolvedScenario& scenario);

// How far a candidate is from meeting the constraints, relative to each limit (0 when it meets them all):
// lets a search move towards feasibility.
double constraint_excess(const v1::Candidate& candidate, const ResolvedScenario& scenario);

// Each constraint's breach, signed and relative to its limit's size: > 0 when broken, <= 0 when kept (one
// entry per KPI limit's at_most and at_least, then MIN_COST_FOR_TARGET's probability, in scenario order).
// A chance constraint is judged by its steering figure, the value the KPI keeps in `probability` of the
// trials, for the same reason as `reached` below.
// The probability is judged by `reached`, the value the objective KPI reaches in min_probability of the
// trials (value_reached_with_probability): P(KPI >= target) >= min_probability exactly when reached >=
// target, and unlike the probability, `reached` moves continuously with the plan, so a search can follow it
// to the cheapest plan that keeps it instead of stopping short of a step.
std::vector<double> constraint_margins(const v1::Candidate& candidate, const ResolvedScenario& scenario,
                                       double reached);

// The largest v with a share of at least p of `sorted` (ascending) at or above it: the k-th largest value,
// k the fewest trials that make a share of p, counted as prob_target counts them.
double value_reached_with_probability(std::span<const double> sorted, double p);

// The smallest v with a share of at least p of `sorted` (ascending) at or below it: the k-th smallest value.
double value_kept_below_with_probability(std::span<const double> sorted, double p);

// The share of `sorted` (ascending) reaching `target` (at least it; at most it with `lower_is_better`),
// made continuous in the values: the trial next to the target counts in part, by where the target lies
// between it and its neighbour. Equal to the share when a value sits on the target; a search steers by it
// where the share itself is flat between trials.
double interpolated_probability(std::span<const double> sorted, double target, bool lower_is_better);

// Words for the statistic, e.g. "P5 (the value reached in 95% of trials)".
std::string statistic_words(v1::Statistic statistic);

}  // namespace splitsim
