#include "search/comparison.hpp"

#include <cmath>

#include "base/kpi.hpp"
#include "stats/summary.hpp"

namespace splitsim {

v1::Comparison compare_splits(const SplitEvaluator& evaluator,
                              const std::vector<double>& recommended_per_trial, const CandidateSplit& other,
                              std::uint32_t other_index) {
  const auto other_per_trial = evaluator.objective_kpi_per_trial(other);
  // What is compared per trial is the objective KPI (or the total cost), in its own direction.
  const auto& objective = evaluator.scenario().objective;
  const bool lower = objective.statistic == v1::MIN_COST_FOR_TARGET || lower_is_better(objective.kpi);
  std::vector<double> differences;
  double wins = 0.0;
  for (std::size_t i = 0; i < other_per_trial.size(); ++i) {
    const double a = recommended_per_trial[i], b = other_per_trial[i];
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    // Differences at rounding level (the same plan reached two ways) are ties, not wins.
    const double d = std::abs(a - b) <= 1e-9 * (std::abs(a) + std::abs(b)) ? 0.0 : a - b;
    differences.push_back(d);
    wins += d == 0.0 ? 0.5 : ((lower ? d < 0.0 : d > 0.0) ? 1.0 : 0.0);
  }
  v1::Comparison comparison;
  comparison.set_candidate_index(other_index);
  if (differences.empty()) return comparison;
  // The shared statistics (compensated two-pass sums), not a second variance formula.
  const Summary paired = summarize(differences);
  const double n = static_cast<double>(differences.size());
  const double half_width = 1.96 * paired.sd / std::sqrt(n);
  comparison.set_mean_difference(paired.mean);
  comparison.set_ci_low(paired.mean - half_width);
  comparison.set_ci_high(paired.mean + half_width);
  comparison.set_prob_better(wins / n);
  return comparison;
}

}  // namespace splitsim
