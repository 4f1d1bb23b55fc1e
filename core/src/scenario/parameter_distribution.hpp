// A scenario parameter's value, in the SDK's form.
#pragma once

#include "scenario.pb.h"
#include "splitsim/distribution.hpp"

namespace splitsim {

// The distribution a scenario parameter describes (a fixed value is a point distribution). The forms users
// think in become the SDK's families here: `beta_mean` a beta by the method of moments, `log_normal { mean
// sd }` a log-normal's median and sigma. Expects a validated parameter.
Distribution to_distribution(const v1::Parameter& parameter);

// The beta whose mean and standard deviation are those given; needs 0 < mean < 1 and 0 < sd <
// largest_beta_sd(mean).
Distribution beta_from_mean_sd(double mean, double sd);

// A beta's standard deviation is below sqrt(mean (1 - mean)): at that limit the beta becomes a coin that is
// 0 or 1.
double largest_beta_sd(double mean);

// The distribution of `factor` times a value of `d` (an amount of money in another currency). A beta, a
// rate's family, is not scaled.
Distribution scaled(const Distribution& d, double factor);

// The log-normal whose mean and standard deviation are those given (both > 0).
Distribution log_normal_from_mean_sd(double mean, double sd);

}  // namespace splitsim
