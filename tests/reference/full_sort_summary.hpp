// The statistics' definitions by a full sort of every value, as summarize computed them before it selected:
// the reference the selection must equal bit for bit (tests) and the cost it is measured against
// (benchmarks). Sums are summarize's own (stats/compensated_sum.hpp): what is checked here is the order.
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

#include "stats/compensated_sum.hpp"
#include "stats/summary.hpp"

namespace splitsim::reference {

inline Summary full_sort_summary(std::span<const double> values, std::optional<double> target = std::nullopt,
                                 bool lower_is_better = false) {
  Summary s;
  const std::size_t n = values.size();
  if (n == 0) return s;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const bool constant = sorted.front() == sorted.back();
  s.mean = constant ? sorted.front() : compensated_sum(values) / static_cast<double>(n);
  if (n > 1 && !constant) {
    const double mean = s.mean;
    s.sd = std::sqrt(compensated_sum(values, [mean](double v) { return (v - mean) * (v - mean); }) /
                     static_cast<double>(n - 1));
  }
  const auto percentile = [&sorted](double q) {
    const double h = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
  };
  s.p5 = percentile(0.05);
  s.p10 = percentile(0.10);
  s.p50 = percentile(0.50);
  s.p90 = percentile(0.90);
  s.p95 = percentile(0.95);
  const auto tail =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(n))));
  s.cvar5 = constant
                ? sorted.front()
                : compensated_sum(std::span<const double>(sorted).first(tail)) / static_cast<double>(tail);
  if (target) {
    const auto reached = lower_is_better
                             ? std::upper_bound(sorted.begin(), sorted.end(), *target) - sorted.begin()
                             : sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), *target);
    s.prob_target = static_cast<double>(reached) / static_cast<double>(n);
  }
  return s;
}

}  // namespace splitsim::reference
