#include "engine/reach_overlap.hpp"

#include <algorithm>

namespace splitsim {

double total_reach(const double* reach, std::size_t channels, double population,
                   const OverlapMatrix& overlap) {
  if (channels == 0 || population <= 0.0) return 0.0;
  double united = std::min(reach[0], population);
  for (std::size_t c = 1; c < channels; ++c) {
    const double r = std::min(reach[c], population);
    double o = 0.0;
    for (std::size_t j = 0; j < c; ++j) o = std::max(o, overlap.at(j, c));
    const double both = (1.0 - o) * united * r / population + o * std::min(united, r);
    united = std::min(population, united + r - both);
  }
  return united;
}

}  // namespace splitsim
