// Reach curves: unique people reached by impressions spread over an addressable audience.
#pragma once

#include <cmath>

namespace splitsim::models {

// Poisson reach: with impressions landing independently on an audience of A people, the expected number of
// people seen at least once is A * (1 - exp(-I / A)). Never above A nor above I; increasing and concave in I.
inline double poisson_reach(double impressions, double audience) {
  if (audience <= 0.0 || impressions <= 0.0) return 0.0;
  return -audience * std::expm1(-impressions / audience);
}

}  // namespace splitsim::models
