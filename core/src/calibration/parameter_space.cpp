#include "calibration/parameter_space.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "engine/parameter_sampler.hpp"

namespace splitsim {
namespace {

// z beyond this carries a prior mass below 1e-13; clamping keeps u strictly inside (0, 1) for the quantile.
constexpr double kMaxZ = 30.0;
// The tabulated range of z (u from 6e-6 to 1 - 6e-6) and its step.
constexpr double kTableZ = 12.0;
constexpr double kTableStep = 1.0 / 16.0;

constexpr std::array<std::string_view, 3> kStateParameters{"followers", "reached_before",
                                                           "conversions_pending"};

}  // namespace

bool is_state_parameter(const std::string& name) {
  return std::find(kStateParameters.begin(), kStateParameters.end(), name) != kStateParameters.end();
}

ParameterSpace::ParameterSpace(const std::vector<ResolvedParameter>& parameters,
                               std::optional<double> starting_followers)
    : parameters_(parameters), reasons_(parameters.size()), history_values_(parameters.size()) {
  for (std::size_t p = 0; p < parameters.size(); ++p) {
    const auto& [spec, distribution] = parameters[p];
    const double median = truncated_quantile(distribution, spec.min, spec.max, 0.5);
    if (is_state_parameter(spec.name)) {
      reasons_[p] = "state at the start of the plan";
      // The history starts the account afresh, except for the followers its export counts.
      double start = spec.name == "followers" ? starting_followers.value_or(median) : 0.0;
      history_values_[p] = std::clamp(start, spec.min, spec.max);
    } else if (distribution.kind == DistributionKind::kFixed) {
      reasons_[p] = "fixed";
      history_values_[p] = median;
    } else {
      calibrated_.push_back(p);
      history_values_[p] = median;
    }
  }
  tables_.resize(calibrated_.size());
  for (std::size_t j = 0; j < calibrated_.size(); ++j) {
    if (parameters_[calibrated_[j]].distribution.kind == DistributionKind::kUniform) continue;  // cheap
    auto& table = tables_[j];
    table.step = kTableStep;
    table.z0 = -kTableZ - kTableStep;  // nodes beyond each end, for the interpolation's neighbours
    const auto nodes = static_cast<std::size_t>(2.0 * kTableZ / kTableStep) + 4;
    for (std::size_t k = 0; k < nodes; ++k)
      table.x.push_back(exact_value(j, table.z0 + static_cast<double>(k) * kTableStep));
  }
}

double ParameterSpace::exact_value(std::size_t j, double z) const {
  const auto& [spec, distribution] = parameters_[calibrated_[j]];
  return truncated_quantile(distribution, spec.min, spec.max, u_of(z));
}

double ParameterSpace::u_of(double z) {
  z = std::clamp(z, -kMaxZ, kMaxZ);
  return 1.0 / (1.0 + std::exp(-z));
}

double ParameterSpace::z_of(double u) { return std::clamp(std::log(u) - std::log1p(-u), -kMaxZ, kMaxZ); }

double ParameterSpace::value(std::size_t j, double z) const {
  const auto& table = tables_[j];
  if (table.x.empty() || !(std::fabs(z) < kTableZ)) return exact_value(j, z);
  const double position = (z - table.z0) / table.step;
  const auto k = static_cast<std::size_t>(position);  // 1 <= k, k + 2 < size: z is inside the table
  const double t = position - static_cast<double>(k);
  const double p0 = table.x[k - 1], p1 = table.x[k], p2 = table.x[k + 1], p3 = table.x[k + 2];
  const double x =
      p1 + 0.5 * t * (p2 - p0 + t * (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3 + t * (3.0 * (p1 - p2) + p3 - p0)));
  return std::clamp(x, std::min(p1, p2), std::max(p1, p2));  // never beyond its nodes: monotone, in range
}

void ParameterSpace::values(std::span<const double> z, std::span<double> out) const {
  std::copy(history_values_.begin(), history_values_.end(), out.begin());
  for (std::size_t j = 0; j < calibrated_.size(); ++j) out[calibrated_[j]] = value(j, z[j]);
}

double ParameterSpace::log_prior(std::span<const double> z) {
  double sum = 0.0;
  for (double x : z) {
    const double a = std::fabs(x);
    sum += -a - 2.0 * std::log1p(std::exp(-a));
  }
  return sum;
}

}  // namespace splitsim
