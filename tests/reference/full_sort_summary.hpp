// The statistics' definitions by a full sort of every value, as summarize computed them before it selected:
// the reference the selection must equal bit for bit (tests) and the cost it is measured against
// (benchmarks).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

#include "stats/summary.hpp"

namespace splitsim::reference {

inline double compensated_sum(std::span<const double> values) {
  double sum = 0.0, compensation = 0.0;
  for (double v : values) {
    const double t = sum + v;
    compensation += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + compensation;
}

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
    double ss = 0.0, c = 0.0;
    for (double v : values) {
      const double d = (v - s.mean) * (v - s.mean);
      const double t = ss + d;
      c += ss >= d ? (ss - t) + d : (d - t) + ss;
      ss = t;
    }
    s.sd = std::sqrt((ss + c) / static_cast<double>(n - 1));
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
