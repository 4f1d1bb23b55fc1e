#include "scenario/parameter_distribution.hpp"

#include <boost/math/distributions/beta.hpp>
#include <cmath>

#include "base/math_policy.hpp"

namespace splitsim {

double largest_beta_sd(double mean) { return std::sqrt(mean * (1.0 - mean)); }

Distribution beta_from_mean_sd(double mean, double sd) {
  using Beta = boost::math::beta_distribution<double, MathPolicy>;
  const double variance = sd * sd;
  return Distribution::beta(Beta::find_alpha(mean, variance), Beta::find_beta(mean, variance));
}

Distribution log_normal_from_mean_sd(double mean, double sd) {
  // mean = median exp(sigma^2 / 2) and (sd / mean)^2 = exp(sigma^2) - 1.
  const double spread = std::log1p((sd / mean) * (sd / mean));
  return Distribution::log_normal(mean / std::sqrt(std::exp(spread)), std::sqrt(spread));
}

Distribution scaled(const Distribution& d, double factor) {
  switch (d.kind) {
    case DistributionKind::kFixed:
      return Distribution::fixed(d.a * factor);
    case DistributionKind::kUniform:
      return Distribution::uniform(d.a * factor, d.b * factor);
    case DistributionKind::kNormal:
      return Distribution::normal(d.a * factor, d.b * factor);
    case DistributionKind::kLogNormal:
      return Distribution::log_normal(d.a * factor, d.b);  // sigma is on the log scale: unchanged
    case DistributionKind::kBeta:
      return d;
  }
  return d;
}

Distribution to_distribution(const v1::Parameter& parameter) {
  switch (parameter.value_case()) {
    case v1::Parameter::kUniform:
      return Distribution::uniform(parameter.uniform().min(), parameter.uniform().max());
    case v1::Parameter::kNormal:
      return Distribution::normal(parameter.normal().mean(), parameter.normal().sd());
    case v1::Parameter::kLogNormal: {
      const auto& l = parameter.log_normal();
      if (l.has_mean()) return log_normal_from_mean_sd(l.mean(), l.sd());
      return Distribution::log_normal(l.median(), l.sigma());
    }
    case v1::Parameter::kBeta:
      return Distribution::beta(parameter.beta().alpha(), parameter.beta().beta());
    case v1::Parameter::kBetaMean: {
      const auto& b = parameter.beta_mean();
      if (b.has_sd()) return beta_from_mean_sd(b.mean(), b.sd());
      return Distribution::beta_mean(b.mean(), b.concentration());
    }
    default:
      return Distribution::fixed(parameter.fixed());
  }
}

}  // namespace splitsim
