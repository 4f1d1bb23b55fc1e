// Summary statistics of a KPI's per-trial values.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace splitsim {

// The distribution of one KPI over the trials.
struct Summary {
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation (n - 1); 0 for a single trial
  double p5 = 0.0, p10 = 0.0, p50 = 0.0, p90 = 0.0, p95 = 0.0;
  double cvar5 = 0.0;  // mean of the lowest 5% of values (at least one value): the expected shortfall
  std::optional<double> prob_target;  // share of trials reaching the target (>=, or <= when lower is better)
  // For a ratio KPI, the ratio of its parts' means (set by the caller, who knows the parts): the headline.
  std::optional<double> ratio_of_means;
};

// Percentile q in [0, 1] of sorted values, interpolating linearly between order statistics
// (the "type 7" definition used by R and NumPy by default).
double percentile_sorted(std::span<const double> sorted, double q);

// Summarises `values` (not modified). Deterministic: sums run in index order. With `lower_is_better`
// (costs), reaching the target means being at or below it.
Summary summarize(std::span<const double> values, std::optional<double> target = std::nullopt,
                  bool lower_is_better = false);

}  // namespace splitsim
