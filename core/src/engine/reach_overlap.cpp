#include "engine/reach_overlap.hpp"

#include <algorithm>

namespace splitsim {

OverlapMatrix OverlapMatrix::from_scenario(const v1::Scenario& scenario) {
  OverlapMatrix matrix(static_cast<std::size_t>(scenario.channels_size()));
  const auto index_of = [&scenario](const std::string& name) {
    for (int c = 0; c < scenario.channels_size(); ++c) {
      if (scenario.channels(c).name() == name) return static_cast<std::size_t>(c);
    }
    return static_cast<std::size_t>(scenario.channels_size());
  };
  for (const auto& pair : scenario.overlaps()) {
    const auto a = index_of(pair.a()), b = index_of(pair.b());
    if (a < matrix.channels_ && b < matrix.channels_ && a != b) matrix.set(a, b, pair.overlap());
  }
  return matrix;
}

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
