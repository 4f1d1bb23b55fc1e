// What a report draws beyond the figures a run already records: the objective KPI's distribution under the
// recommendation and its reference (today's plan, else the runner-up), and each channel's response curve.
#pragma once

#include <optional>
#include <vector>

#include "base/process_group.hpp"
#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"
#include "search/candidate_source.hpp"

namespace splitsim {

// Bins of a report's histograms: enough to show a distribution's shape, few enough to stay readable.
inline constexpr int kReportBins = 30;
// Points of a response curve: the channel's paid money at 0, 0.25, ..., 2 times the recommended amount.
inline constexpr int kResponsePoints = 9;

// The objective KPI's per-trial values as quantiles P1..P99 and a histogram on [low, high] in kReportBins
// bins; non-finite values are counted apart. With a target, also the share of trials reaching it (at most
// it for a KPI where lower is better), as the candidates' prob_target.
v1::KpiDistribution describe_distribution(v1::Kpi kpi, std::vector<double> values, double low, double high,
                                          std::optional<double> target);

// The report's data for `results` (which hold a recommendation), on the comparison trials: `splits` are the
// splits of `candidates`, in candidate order. Deterministic: every figure depends on trial addresses only,
// so each split's trials may be spread over `group`'s processes.
v1::ReportData report_data(const ResolvedScenario& scenario, const v1::Results& results,
                           const CandidateSource& candidates, const std::vector<CandidateSplit>& splits,
                           const ProcessGroup* group = nullptr);

}  // namespace splitsim
