// Extra overlap between pairs of channels' audiences, as the scenario states it.
#pragma once

#include <cstddef>
#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// Pairwise extra overlap between channels, in [0, 1]; 0 (independence within the population) by default.
class OverlapMatrix {
 public:
  explicit OverlapMatrix(std::size_t channels = 0) : channels_(channels), values_(channels * channels, 0.0) {}
  // From the scenario's `overlaps`, with channels indexed in scenario order. Names were validated.
  static OverlapMatrix from_scenario(const v1::Scenario& scenario);
  void set(std::size_t a, std::size_t b, double overlap) {
    values_[a * channels_ + b] = overlap;
    values_[b * channels_ + a] = overlap;
  }
  double at(std::size_t a, std::size_t b) const { return values_[a * channels_ + b]; }

 private:
  std::size_t channels_;
  std::vector<double> values_;
};

}  // namespace splitsim
