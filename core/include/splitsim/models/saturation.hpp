// Saturation: each extra unit of input buys less response. Both forms map [0, inf) onto [0, 1).
#pragma once

#include <cmath>

#include "splitsim/math.hpp"

namespace splitsim::models {

// Hill curve x^shape / (x^shape + half_saturation^shape): 0.5 at x = half_saturation; S-shaped when shape > 1
// (a threshold before response), concave when shape <= 1.
inline double hill(double x, double half_saturation, double shape) {
  if (x <= 0.0) return 0.0;
  if (half_saturation <= 0.0) return 1.0;
  return 1.0 / (1.0 + math::power_of_positive(half_saturation / x, shape));
}

// Exponential saturation 1 - exp(-x / scale): concave from the first unit, 63% of the maximum at x = scale.
inline double exponential_saturation(double x, double scale) {
  if (x <= 0.0) return 0.0;
  if (scale <= 0.0) return 1.0;
  return -math::expm1(-x / scale);
}

}  // namespace splitsim::models
