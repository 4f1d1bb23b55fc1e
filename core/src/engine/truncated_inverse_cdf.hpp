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

// What truncating a distribution to [lo, hi] needs, found once per distribution and range: F at both ends,
// and the value that stands in where the range holds no probability or p rounds to 0 or 1.
struct Truncation {
  double f_lo = 0.0, f_hi = 1.0, median = 0.0;

  double probability(double u) const { return f_lo + u * (f_hi - f_lo); }
  bool usable(double p) const { return p > 0.0 && p < 1.0 && f_hi - f_lo > 0.0; }
};

template <typename Dist>
double median_in(const Dist& dist, double lo, double hi) {
  return std::clamp(boost::math::quantile(dist, 0.5), lo, hi);
}

// F at the ends of [lo, hi]; the median left unset (found only where it is needed: it costs a quantile).
template <typename Dist>
Truncation ends_of(const Dist& dist, double lo, double hi) {
  const auto support = boost::math::support(dist);
  return {lo <= support.first ? 0.0 : boost::math::cdf(dist, lo),
          hi >= support.second ? 1.0 : boost::math::cdf(dist, hi), 0.0};
}

template <typename Dist>
Truncation truncation_of(const Dist& dist, double lo, double hi) {
  Truncation range = ends_of(dist, lo, hi);
  range.median = median_in(dist, lo, hi);
  return range;
}

// Maps u into [F(lo), F(hi)] and inverts F: Boost.Math gives the same numbers on every platform.
template <typename Dist>
double inverse_in_range(const Dist& dist, const Truncation& range, double lo, double hi, double u) {
  const double p = range.probability(u);
  return range.usable(p) ? std::clamp(boost::math::quantile(dist, p), lo, hi) : range.median;
}

// The same for one value.
template <typename Dist>
double inverse_in_range(const Dist& dist, double lo, double hi, double u) {
  const Truncation range = ends_of(dist, lo, hi);
  const double p = range.probability(u);
  return range.usable(p) ? std::clamp(boost::math::quantile(dist, p), lo, hi) : median_in(dist, lo, hi);
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
