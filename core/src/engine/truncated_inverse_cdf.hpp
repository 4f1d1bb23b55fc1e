// Inverse-CDF sampling of a distribution truncated to a range, under a chosen Boost.Math policy.
#pragma once

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "splitsim/distribution.hpp"

namespace splitsim {
namespace detail {

// Maps u into [F(lo), F(hi)] and inverts F: Boost.Math gives the same numbers on every platform.
template <typename Dist>
double inverse_in_range(const Dist& dist, double lo, double hi, double u) {
  using boost::math::cdf;
  using boost::math::quantile;
  const auto support = boost::math::support(dist);
  const double f_lo = lo <= support.first ? 0.0 : cdf(dist, lo);
  const double f_hi = hi >= support.second ? 1.0 : cdf(dist, hi);
  const double p = f_lo + u * (f_hi - f_lo);
  if (!(p > 0.0 && p < 1.0) || f_hi - f_lo <= 0.0) return std::clamp(quantile(dist, 0.5), lo, hi);
  return std::clamp(quantile(dist, p), lo, hi);
}

}  // namespace detail

// The value of `d` truncated to [lo, hi] at probability u in (0, 1), its functions evaluated under `Policy`.
// Production uses MathPolicy (truncated_quantile); the default policy stays reachable as the reference the
// tests and the benchmark compare it with.
template <typename Policy>
double truncated_quantile_with(const Distribution& d, double lo, double hi, double u) {
  switch (d.kind) {
    case DistributionKind::kFixed:
      return std::clamp(d.a, lo, hi);
    case DistributionKind::kUniform: {
      const double a = std::max(d.a, lo), b = std::min(d.b, hi);
      return std::clamp(a + u * (b - a), lo, hi);
    }
    case DistributionKind::kNormal:
      return detail::inverse_in_range(boost::math::normal_distribution<double, Policy>(d.a, d.b), lo, hi, u);
    case DistributionKind::kLogNormal:
      return detail::inverse_in_range(boost::math::lognormal_distribution<double, Policy>(std::log(d.a), d.b),
                                      lo, hi, u);
    case DistributionKind::kBeta:
      return detail::inverse_in_range(boost::math::beta_distribution<double, Policy>(d.a, d.b), lo, hi, u);
  }
  return d.a;
}

}  // namespace splitsim
