#include "search/comparison.hpp"

#include <cmath>

#include "engine/engine.hpp"

namespace splitsim {

v1::Comparison compare_splits(const SplitEvaluator& evaluator,
                              const std::vector<double>& recommended_per_trial, const CandidateSplit& other,
                              std::uint32_t other_index) {
  const auto other_per_trial = evaluator.objective_kpi_per_trial(other);
  const auto& objective = evaluator.scenario().objective();
  const bool lower = objective.statistic() == v1::MIN_COST_FOR_TARGET || lower_is_better(objective.kpi());
  double sum = 0.0, sum_squares = 0.0, wins = 0.0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < other_per_trial.size(); ++i) {
    const double a = recommended_per_trial[i], b = other_per_trial[i];
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    // Differences at rounding level (the same plan reached two ways) are ties, not wins.
    const double d = std::abs(a - b) <= 1e-9 * (std::abs(a) + std::abs(b)) ? 0.0 : a - b;
    sum += d;
    sum_squares += d * d;
    wins += d == 0.0 ? 0.5 : ((lower ? d < 0.0 : d > 0.0) ? 1.0 : 0.0);
    ++n;
  }
  v1::Comparison comparison;
  comparison.set_candidate_index(other_index);
  if (n == 0) return comparison;
  const double mean = sum / static_cast<double>(n);
  const double variance =
      n > 1 ? std::max(0.0, (sum_squares - static_cast<double>(n) * mean * mean) / static_cast<double>(n - 1))
            : 0.0;
  const double half_width = 1.96 * std::sqrt(variance / static_cast<double>(n));
  comparison.set_mean_difference(mean);
  comparison.set_ci_low(mean - half_width);
  comparison.set_ci_high(mean + half_width);
  comparison.set_prob_better(wins / static_cast<double>(n));
  return comparison;
}

}  // namespace splitsim
