#include "search/comparison.hpp"

#include <cmath>
#include <cstdio>

#include "base/kpi.hpp"
#include "search/objective.hpp"
#include "stats/paired_bootstrap.hpp"
#include "stats/summary.hpp"

namespace splitsim {
namespace {

// The bootstrap's resamples get a key of their own, apart from every trial set's: drawing them never shifts
// a trial's numbers, and no trial's numbers choose a resample.
constexpr std::uint64_t kBootstrapKey = 0xD6E8FEB86659FD93ull;

std::string figure(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%+.4g", value);
  return text;
}

}  // namespace

v1::Comparison compare_splits(const SplitEvaluator& evaluator,
                              const std::vector<double>& recommended_per_trial, const CandidateSplit& other,
                              std::uint32_t other_index) {
  const auto other_per_trial = evaluator.objective_kpi_per_trial(other);
  // What is compared per trial is the objective KPI (or the total cost), in its own direction.
  const auto& scenario = evaluator.scenario();
  const auto& objective = scenario.objective;
  const bool lower = objective.statistic == v1::MIN_COST_FOR_TARGET || lower_is_better(objective.kpi);
  std::vector<double> differences, kept_recommended, kept_other;
  double wins = 0.0;
  for (std::size_t i = 0; i < other_per_trial.size(); ++i) {
    const double a = recommended_per_trial[i], b = other_per_trial[i];
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    // Differences at rounding level (the same plan reached two ways) are ties, not wins.
    const double d = std::abs(a - b) <= 1e-9 * (std::abs(a) + std::abs(b)) ? 0.0 : a - b;
    differences.push_back(d);
    kept_recommended.push_back(a);
    kept_other.push_back(b);
    wins += d == 0.0 ? 0.5 : ((lower ? d < 0.0 : d > 0.0) ? 1.0 : 0.0);
  }
  v1::Comparison comparison;
  comparison.set_candidate_index(other_index);
  const v1::Statistic statistic =
      objective.statistic == v1::STATISTIC_UNSPECIFIED ? v1::MEAN : objective.statistic;
  comparison.set_statistic(statistic);
  if (differences.empty()) return comparison;
  // The shared statistics (compensated two-pass sums), not a second variance formula.
  const Summary paired = summarize(differences);
  const double n = static_cast<double>(differences.size());
  const double half_width = 1.96 * paired.sd / std::sqrt(n);
  comparison.set_mean_difference(paired.mean);
  comparison.set_ci_low(paired.mean - half_width);
  comparison.set_ci_high(paired.mean + half_width);
  comparison.set_prob_better(wins / n);
  if (statistic == v1::MEAN || statistic == v1::MIN_COST_FOR_TARGET) {
    // The objective is a mean (expected cost): its difference is the mean difference.
    comparison.set_statistic_difference(paired.mean);
    comparison.set_statistic_ci_low(paired.mean - half_width);
    comparison.set_statistic_ci_high(paired.mean + half_width);
    return comparison;
  }
  // A risk statistic (P10...) is not the mean of per-trial differences: compare the statistics themselves,
  // with an interval from resampling the trials in pairs.
  const SampleStatistic of = [&objective](std::vector<double>& values) {
    return sample_statistic(values, objective);
  };
  std::vector<double> a = kept_recommended, b = kept_other;
  comparison.set_statistic_difference(of(a) - of(b));
  const auto interval =
      paired_bootstrap(kept_recommended, kept_other, of,
                       trial_set_seed(scenario.seed, TrialSet::kComparison) ^ kBootstrapKey, other_index);
  comparison.set_statistic_ci_low(interval.low);
  comparison.set_statistic_ci_high(interval.high);
  return comparison;
}

std::string describe_comparison(const v1::Comparison& c, const v1::Objective& objective) {
  const bool cost = objective.statistic() == v1::MIN_COST_FOR_TARGET;
  const std::string kpi = cost ? "total cost" : v1::Kpi_Name(objective.kpi());
  const bool lower = cost || (lower_is_better(objective.kpi()) && objective.statistic() != v1::PROB_TARGET);
  const bool mean_lower = cost || lower_is_better(objective.kpi());
  const v1::Statistic statistic = c.statistic() == v1::STATISTIC_UNSPECIFIED ? v1::MEAN : c.statistic();
  std::string text = "Against #" + std::to_string(c.candidate_index()) + ", trial by trial on new trials: ";
  const bool on_mean = statistic == v1::MEAN || statistic == v1::MIN_COST_FOR_TARGET;
  if (!on_mean) {
    text += v1::Statistic_Name(statistic) + " " + kpi + " " + figure(c.statistic_difference()) +
            " (95% bootstrap interval " + figure(c.statistic_ci_low()) + " to " +
            figure(c.statistic_ci_high()) + "); ";
  }
  text += "mean " + kpi + " " + figure(c.mean_difference()) + " (95% interval " + figure(c.ci_low()) +
          " to " + figure(c.ci_high()) + "); better in " +
          std::to_string(static_cast<int>(std::lround(100.0 * c.prob_better()))) + "% of trials.";
  const double objective_gap = on_mean ? c.mean_difference() : c.statistic_difference();
  const bool wins_objective = lower ? objective_gap < 0.0 : objective_gap > 0.0;
  const bool loses_mean = mean_lower ? c.mean_difference() > 0.0 : c.mean_difference() < 0.0;
  if (!on_mean && wins_objective && loses_mean) {
    text += " It wins on " + v1::Statistic_Name(statistic) + " but does worse on average: a safer, not a " +
            "bigger, result.";
  }
  if (wins_objective && c.prob_better() < 0.5) {
    text += " It wins on the objective yet does worse in most trials.";
  }
  const double low = on_mean ? c.ci_low() : c.statistic_ci_low();
  const double high = on_mean ? c.ci_high() : c.statistic_ci_high();
  if (low <= 0.0 && high >= 0.0) {
    text += " The interval includes zero: on these trials the two plans are not told apart.";
  }
  return text;
}

}  // namespace splitsim
