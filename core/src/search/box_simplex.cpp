#include "search/box_simplex.hpp"

#include <algorithm>

namespace splitsim {

bool project_to_box_simplex(const double* x, const double* lo, const double* hi, std::size_t n, double* out) {
  double sum_lo = 0.0, sum_hi = 0.0;
  for (std::size_t i = 0; i < n; ++i) sum_lo += lo[i], sum_hi += hi[i];
  if (n == 0 || sum_lo > 1.0 + 1e-12 || sum_hi < 1.0 - 1e-12) return false;
  const auto total_at = [&](double t) {
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) total += std::clamp(x[i] - t, lo[i], hi[i]);
    return total;
  };
  // At t_low every share is at its upper bound (sum >= 1), at t_high at its lower bound (sum <= 1).
  double t_low = 0.0, t_high = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    t_low = std::min(t_low, x[i] - hi[i]);
    t_high = std::max(t_high, x[i] - lo[i]);
  }
  for (int iteration = 0; iteration < 100 && t_high - t_low > 1e-15; ++iteration) {
    const double t = 0.5 * (t_low + t_high);
    (total_at(t) > 1.0 ? t_low : t_high) = t;
  }
  const double t = 0.5 * (t_low + t_high);
  // Shares within a hair of a bound sit on it (a plan with 1e-12 on a channel is a plan without it), and
  // what is left of one goes to the largest share not on a bound, so the sum is one to rounding.
  double total = 0.0;
  std::size_t free_share = n;
  for (std::size_t i = 0; i < n; ++i) {
    double v = std::clamp(x[i] - t, lo[i], hi[i]);
    if (v - lo[i] < 1e-9) v = lo[i];
    if (hi[i] - v < 1e-9) v = hi[i];
    out[i] = v;
    total += v;
    if (v > lo[i] && v < hi[i] && (free_share == n || v > out[free_share])) free_share = i;
  }
  if (free_share < n)
    out[free_share] = std::clamp(out[free_share] + (1.0 - total), lo[free_share], hi[free_share]);
  return true;
}

}  // namespace splitsim

namespace splitsim {
namespace {

// The range share i may take when `left` is still to be shared among shares i..n-1.
struct Range {
  double low, high;
};
Range range_of(std::size_t i, double left, const double* lo, const double* hi, std::size_t n) {
  double later_lo = 0.0, later_hi = 0.0;
  for (std::size_t j = i + 1; j < n; ++j) later_lo += lo[j], later_hi += hi[j];
  const double low = std::max(lo[i], left - later_hi), high = std::min(hi[i], left - later_lo);
  return {low, std::max(low, high)};
}

}  // namespace

void shares_from_unit_box(const double* u, const double* lo, const double* hi, std::size_t n, double* out) {
  if (n == 0) return;
  double left = 1.0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Range r = range_of(i, left, lo, hi, n);
    out[i] = r.low + std::clamp(u[i], 0.0, 1.0) * (r.high - r.low);
    left -= out[i];
  }
  out[n - 1] = std::clamp(left, lo[n - 1], hi[n - 1]);
}

void unit_box_from_shares(const double* shares, const double* lo, const double* hi, std::size_t n,
                          double* u) {
  double left = 1.0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const Range r = range_of(i, left, lo, hi, n);
    u[i] = r.high - r.low > 1e-15 ? std::clamp((shares[i] - r.low) / (r.high - r.low), 0.0, 1.0) : 0.5;
    left -= r.low + u[i] * (r.high - r.low);
  }
}

}  // namespace splitsim
