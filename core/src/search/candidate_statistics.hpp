// The statistics step: a split's per-trial KPIs summarised into distributions (outside the engine, which
// knows nothing of the objective: the probability of the target is reported for the objective's KPI, and
// the figures the scenario's constraints limit are computed here, where the trials still are).
#pragma once

#include <array>
#include <span>
#include <vector>

#include "base/kpi.hpp"
#include "base/process_group.hpp"
#include "engine/trial_kpis.hpp"
#include "scenario/resolved_scenario.hpp"
#include "stats/summary.hpp"

namespace splitsim {

// One KPI constraint's figure for a candidate (results.proto ConstraintFigure).
struct LimitFigure {
  int constraint = 0;  // position in the scenario's constraints
  v1::Kpi kpi = v1::KPI_UNSPECIFIED;
  double value = 0.0;     // the statistic limited, or a chance constraint's share of trials within its limit
  double steering = 0.0;  // chance constraints: the value kept in `probability` of the trials; else value
};

// The KPI distributions of one candidate.
struct CandidateOutcome {
  std::vector<Summary> totals;                 // [kpi]
  std::vector<std::vector<Summary>> channels;  // [channel][kpi]
  std::vector<LimitFigure> limits;             // [constraint]
};

// Summaries of every KPI, in total and per channel, with the ratio of means of the ratio KPIs; the
// objective KPI's include the probability of reaching the objective's target, when it has one; and each
// constraint's figure.
// `known_channels` ([channel], or empty) holds summaries already made of a channel's very figures (null where
// none): those are taken as they are. With `group` (every process holding these very figures, as an engine
// spread over processes leaves them), each process makes a share of the summaries and constraint figures
// and they exchange them: every process gets the same bits, and the statistics divide as the trials did.
CandidateOutcome summarize_trials(const TrialKpis& kpis, const ResolvedScenario& scenario,
                                  std::span<const std::vector<Summary>* const> known_channels = {},
                                  const ProcessGroup* group = nullptr);

// The totals' KPIs a search steers by: the objective's, the costs (MIN_COST_FOR_TARGET's figure), each
// constraint's, and the parts of any of them that is a ratio (its headline is the ratio of their means).
std::array<bool, kKpiCount> steering_kpis(const ResolvedScenario& scenario);

// summarize_trials for a step of a search: the same summaries and constraint figures for the steering KPIs'
// totals, every other summary left empty (zero). A search ranks its steps by these alone, and judges its
// finalists again with every summary; computing the others (ninety arrays for four channels) would
// double the cost of a step.
CandidateOutcome summarize_steering_trials(const TrialKpis& kpis, const ResolvedScenario& scenario,
                                           const ProcessGroup* group = nullptr);

// The ratio of a ratio KPI's parts' means, as kpi_accumulator computes a trial's ratio from its totals (a
// cost with money spent and nothing bought is infinite); nullopt for a KPI that is not a ratio.
std::optional<double> ratio_of_means(v1::Kpi kpi, const std::vector<Summary>& summaries,
                                     double value_per_conversion);

// A constraint's figure from the sorted per-trial values of its KPI and their summary.
LimitFigure limit_figure(const KpiLimit& limit, std::span<const double> sorted, const Summary& summary);

}  // namespace splitsim
