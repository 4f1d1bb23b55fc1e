// Ad fatigue: response per impression falls as the same people see the ad again.
#pragma once

#include <cmath>

namespace splitsim::models {

// Multiplier on CTR (or any per-impression response) at an average frequency: 1 up to the first exposure,
// then decaying exponentially towards `floor` (in [0, 1]). The field sees CTR fall after the first exposures
// and plateau around a frequency of 4 (DoubleClick), hence a floor rather than a fall to zero.
inline double fatigue_multiplier(double average_frequency, double decay, double floor) {
  const double beyond_first = std::fmax(0.0, average_frequency - 1.0);
  return floor + (1.0 - floor) * std::exp(-decay * beyond_first);
}

}  // namespace splitsim::models
