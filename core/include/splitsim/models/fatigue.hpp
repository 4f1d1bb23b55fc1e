// Ad fatigue: response per impression falls as the same people see the ad again.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "splitsim/math.hpp"

namespace splitsim::models {

// Multiplier on CTR (or any per-impression response) at an average frequency: 1 up to the first exposure,
// then decaying exponentially towards `floor` (in [0, 1]). The field sees CTR fall after the first exposures
// and plateau around a frequency of 4 (DoubleClick), hence a floor rather than a fall to zero.
// Frequencies at or below one (and NaN) have no fatigue: a select, as std::fmax is a call into libm here.
inline double beyond_first_exposure(double average_frequency) {
  const double beyond = average_frequency - 1.0;
  return beyond > 0.0 ? beyond : 0.0;
}

inline double fatigue_multiplier(double average_frequency, double decay, double floor) {
  const double beyond_first = beyond_first_exposure(average_frequency);
  return floor + (1.0 - floor) * math::exp(-decay * beyond_first);
}

// The same for n trials: multiplier[i] is, bit for bit, fatigue_multiplier(average_frequency[i], decay[i],
// floor[i]). `multiplier` may alias `average_frequency`.
inline void fatigue_multiplier(const double* average_frequency, const double* decay, const double* floor,
                               double* multiplier, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) multiplier[i] = -decay[i] * beyond_first_exposure(average_frequency[i]);
  math::exp(multiplier, multiplier, n);
  for (std::size_t i = 0; i < n; ++i) multiplier[i] = floor[i] + (1.0 - floor[i]) * multiplier[i];
}

}  // namespace splitsim::models
