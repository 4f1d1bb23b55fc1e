// Compensated sums in a fixed order: accurate for a million trials, and the same bits at every run.
#pragma once

#include <cmath>
#include <cstddef>
#include <span>

namespace splitsim {
namespace detail {

// One Neumaier step: adds v to `sum` and what the rounding lost to `lost`.
inline void neumaier_add(double& sum, double& lost, double v) {
  const double t = sum + v;
  lost += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
  sum = t;
}

}  // namespace detail

// The sum of term(v) over `values`, as four Neumaier sums of the values at i mod 4, joined in that order.
// Four chains because one chain waits on each addition before the next (four cycles a value); the order is
// fixed by the index alone, so the bits are the same at every run and for any thread count.
template <typename Term>
double compensated_sum(std::span<const double> values, Term term) {
  constexpr std::size_t kChains = 4;
  double sum[kChains] = {}, lost[kChains] = {};
  const std::size_t n = values.size(), whole = n - n % kChains;
  for (std::size_t i = 0; i < whole; i += kChains)
    for (std::size_t c = 0; c < kChains; ++c) detail::neumaier_add(sum[c], lost[c], term(values[i + c]));
  for (std::size_t i = whole; i < n; ++i)
    detail::neumaier_add(sum[i - whole], lost[i - whole], term(values[i]));
  double total = 0.0, total_lost = 0.0;
  for (std::size_t c = 0; c < kChains; ++c) {
    detail::neumaier_add(total, total_lost, sum[c]);
    total_lost += lost[c];
  }
  return total + total_lost;
}

inline double compensated_sum(std::span<const double> values) {
  return compensated_sum(values, [](double v) { return v; });
}

}  // namespace splitsim
