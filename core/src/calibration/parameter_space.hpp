// Which of a channel's parameters are calibrated, and the unconstrained space the sampler moves them in.
//
// A calibrated parameter is represented by the probability u of its value under its own prior (inverse CDF
// truncated to the valid range, as the engine draws it) and moved in z = logit(u). The prior of z is then the
// standard logistic density whatever the distribution's family, moves never leave the valid range, and a new
// distribution form needs nothing here but its quantile function.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "scenario/resolved_parameter.hpp"

namespace splitsim {

// The carried-in state at the start of a plan (followers, people reached, conversions pending): not
// calibrated, since it describes the start of the plan and not of the history.
bool is_state_parameter(const std::string& name);

class ParameterSpace {
 public:
  // `starting_followers`: the follower count at the start of the history, when the export has one.
  ParameterSpace(const std::vector<ResolvedParameter>& parameters, std::optional<double> starting_followers);

  std::size_t dimension() const { return calibrated_.size(); }
  // Plugin parameter indices of the calibrated parameters, in the order of z.
  const std::vector<std::size_t>& calibrated() const { return calibrated_; }
  // Empty when parameter p is calibrated; otherwise why not.
  const std::string& not_calibrated_because(std::size_t p) const { return reasons_[p]; }
  const std::vector<ResolvedParameter>& parameters() const { return parameters_; }

  // Every plugin parameter for the history: calibrated ones from z, the others at their history value.
  void values(std::span<const double> z, std::span<double> out) const;
  // Calibrated parameter j at z.
  double value(std::size_t j, double z) const;

  // log density of z under the prior (independent standard logistic coordinates), up to a constant.
  static double log_prior(std::span<const double> z);
  static double u_of(double z);
  static double z_of(double u);

 private:
  // A calibrated parameter's value as a function of z: the truncated quantile (Boost.Math's inverse of the
  // incomplete beta takes some 17 microseconds, more than the simulation it feeds) tabulated at a fine step
  // of z and interpolated by cubic Catmull-Rom (relative error below 1e-7); exact beyond the table.
  struct QuantileTable {
    double z0 = 0.0, step = 0.0;
    std::vector<double> x;  // at z0 + k * step
  };
  double exact_value(std::size_t j, double z) const;

  std::vector<ResolvedParameter> parameters_;
  std::vector<QuantileTable> tables_;  // by calibrated position; empty where the quantile is cheap
  std::vector<std::size_t> calibrated_;
  std::vector<std::string> reasons_;
  std::vector<double> history_values_;
};

}  // namespace splitsim
