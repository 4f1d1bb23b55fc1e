#include "search/candidate_statistics.hpp"

namespace splitsim {

CandidateOutcome summarize_trials(const TrialKpis& kpis, const Objective& objective) {
  CandidateOutcome outcome;
  auto summary = [&](const std::vector<double>& values, int k) {
    const v1::Kpi kpi = kpi_at(k);
    return summarize(values, kpi == objective.kpi ? objective.target : std::nullopt, lower_is_better(kpi));
  };
  for (int k = 0; k < kKpiCount; ++k) outcome.totals.push_back(summary(kpis.totals[k], k));
  outcome.channels.resize(kpis.channels.size());
  for (std::size_t c = 0; c < kpis.channels.size(); ++c) {
    for (int k = 0; k < kKpiCount; ++k) outcome.channels[c].push_back(summary(kpis.channels[c][k], k));
  }
  return outcome;
}

}  // namespace splitsim
