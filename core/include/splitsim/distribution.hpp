// A probability distribution for an uncertain model parameter, as plugins declare defaults.
#pragma once

#include <cstdio>
#include <string>

namespace splitsim {

// The family of a parameter distribution; arguments `a` and `b` are read per kind.
enum class DistributionKind {
  kFixed,      // a = value
  kUniform,    // a = min, b = max
  kNormal,     // a = mean, b = standard deviation
  kLogNormal,  // a = median, b = sigma of the underlying normal (log-space sd)
  kBeta,       // a = alpha, b = beta (shape parameters, support [0, 1])
};

// One distribution: a kind and its two arguments. Draws are truncated to the parameter's valid range.
struct Distribution {
  DistributionKind kind = DistributionKind::kFixed;
  double a = 0.0;
  double b = 0.0;

  // A point value (no uncertainty).
  static constexpr Distribution fixed(double value) { return {DistributionKind::kFixed, value, 0.0}; }
  // Uniform on [min, max].
  static constexpr Distribution uniform(double min, double max) {
    return {DistributionKind::kUniform, min, max};
  }
  // Normal with the given mean and standard deviation.
  static constexpr Distribution normal(double mean, double sd) {
    return {DistributionKind::kNormal, mean, sd};
  }
  // Log-normal given by its median and the sd of log(x); a natural form for costs such as CPM.
  static constexpr Distribution log_normal(double median, double sigma) {
    return {DistributionKind::kLogNormal, median, sigma};
  }
  // Beta(alpha, beta); a natural form for rates such as CTR.
  static constexpr Distribution beta(double alpha, double beta) {
    return {DistributionKind::kBeta, alpha, beta};
  }
  // Beta given by its mean and concentration (alpha + beta): easier to read from a benchmark figure.
  static constexpr Distribution beta_mean(double mean, double concentration) {
    return {DistributionKind::kBeta, mean * concentration, (1.0 - mean) * concentration};
  }
};

// A short human-readable form, e.g. "log_normal(median 12, sigma 0.35)".
inline std::string describe(const Distribution& d) {
  char text[96];
  switch (d.kind) {
    case DistributionKind::kFixed:
      std::snprintf(text, sizeof text, "%g", d.a);
      break;
    case DistributionKind::kUniform:
      std::snprintf(text, sizeof text, "uniform(%g, %g)", d.a, d.b);
      break;
    case DistributionKind::kNormal:
      std::snprintf(text, sizeof text, "normal(mean %g, sd %g)", d.a, d.b);
      break;
    case DistributionKind::kLogNormal:
      std::snprintf(text, sizeof text, "log_normal(median %g, sigma %g)", d.a, d.b);
      break;
    case DistributionKind::kBeta:
      std::snprintf(text, sizeof text, "beta(alpha %g, beta %g; mean %g)", d.a, d.b, d.a / (d.a + d.b));
      break;
  }
  return text;
}

}  // namespace splitsim
