#include "search/split_evaluator.hpp"

#include <algorithm>

#include "base/kpi.hpp"
#include "search/candidate_builder.hpp"
#include "search/candidate_statistics.hpp"
#include "search/money_limits.hpp"
#include "search/objective.hpp"

namespace splitsim {

v1::Candidate SplitEvaluator::evaluate(const CandidateSplit& split, SearchFigures* figures) const {
  return candidate_of(split, figures, false);
}

v1::Candidate SplitEvaluator::steer(const CandidateSplit& split, SearchFigures& figures) const {
  return candidate_of(split, &figures, true);
}

v1::Candidate SplitEvaluator::candidate_of(const CandidateSplit& split, SearchFigures* figures,
                                           bool steering_only) const {
  const auto& scenario = engine_.scenario();
  const auto& objective = scenario.objective;
  const auto lease = pool_.lease();
  const TrialKpis& kpis = *lease;
  engine_.simulate_into(split, *lease, false, steering_only ? &steering_ : nullptr);
  // On an engine spread over processes, every process holds these figures: the statistics are shared too.
  const CandidateOutcome outcome = steering_only
                                       ? summarize_steering_trials(kpis, scenario, engine_.trial_group())
                                       : summarize_with_known_channels(kpis);
  auto candidate = make_candidate(scenario, split, outcome, 0);
  if (figures) {
    figures->steering_value = candidate.objective_value();
    if (objective.statistic == v1::PROB_TARGET || objective.statistic == v1::MIN_COST_FOR_TARGET) {
      std::vector<double> sorted = kpis.totals[kpi_index(objective.kpi)];
      std::sort(sorted.begin(), sorted.end());
      if (objective.statistic == v1::PROB_TARGET) {
        figures->steering_value =
            interpolated_probability(sorted, objective.target.value_or(0.0), lower_is_better(objective.kpi));
      } else {
        figures->reached = value_reached_with_probability(sorted, objective.min_probability);
      }
    }
  }
  if (const auto money = money_violation(scenario, allocate(scenario, split)); !money.empty()) {
    candidate.set_infeasible(candidate.infeasible().empty() ? money : money + "; " + candidate.infeasible());
  }
  return candidate;
}

CandidateOutcome SplitEvaluator::summarize_with_known_channels(const TrialKpis& kpis) const {
  const auto& ids = kpis.channel_outcomes;
  const std::size_t channels = kpis.channels.size();
  std::vector<std::shared_ptr<const ChannelSummaryCache::Summaries>> held(channels);
  std::vector<const std::vector<Summary>*> known(channels, nullptr);
  for (std::size_t c = 0; c < channels && c < ids.size(); ++c) {
    if (ids[c] == 0) continue;
    held[c] = channel_summaries_.find(ids[c]);
    known[c] = held[c].get();
  }
  CandidateOutcome outcome = summarize_trials(kpis, engine_.scenario(), known, engine_.trial_group());
  for (std::size_t c = 0; c < channels && c < ids.size(); ++c)
    if (ids[c] != 0 && !known[c]) channel_summaries_.keep(ids[c], outcome.channels[c]);
  return outcome;
}

std::vector<v1::Candidate> SplitEvaluator::evaluate_all(const std::vector<CandidateSplit>& splits) const {
  std::vector<v1::Candidate> candidates(splits.size());
  for_each_split(splits.size(), [&](std::size_t i) { candidates[i] = evaluate(splits[i]); });
  return candidates;
}

std::vector<double> SplitEvaluator::objective_kpi_per_trial(const CandidateSplit& split) const {
  const auto& objective = engine_.scenario().objective;
  KpiMask read{};  // the totals read below: all a spread engine need exchange
  read[kpi_index(objective.kpi)] = read[kpi_index(v1::PAID_SPEND)] = read[kpi_index(v1::ORGANIC_COST)] = true;
  TrialKpis kpis;
  engine_.simulate_into(split, kpis, false, &read);
  if (objective.statistic != v1::MIN_COST_FOR_TARGET) return std::move(kpis.totals[kpi_index(objective.kpi)]);
  auto cost = std::move(kpis.totals[kpi_index(v1::PAID_SPEND)]);
  const auto& organic = kpis.totals[kpi_index(v1::ORGANIC_COST)];
  for (std::size_t i = 0; i < cost.size(); ++i) cost[i] += organic[i];
  return cost;
}

double SplitEvaluator::objective_kpi_mean(const CandidateSplit& split) const {
  const auto lease = pool_.lease();
  const auto kpi = kpi_index(engine_.scenario().objective.kpi);
  KpiMask read{};
  read[kpi] = true;
  engine_.simulate_into(split, *lease, false, &read);
  return summarize(lease->totals[kpi]).mean;
}

}  // namespace splitsim
