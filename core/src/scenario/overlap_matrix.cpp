#include "scenario/overlap_matrix.hpp"

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

}  // namespace splitsim
