// Total unique reach across channels whose audiences overlap.
#pragma once

#include <cstddef>
#include <string>
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

// Unique people reached by all channels together, merging them in order: with U the people reached so far
// and R the next channel's reach, U += R - ((1 - o) U R / P + o min(U, R)), where o is the channel's largest
// overlap with the channels already merged. With every o = 0 this is P (1 - prod(1 - R_c / P)). The result is
// at least the largest reach, at most min(P, sum of reaches), and never falls when a channel reaches more.
double total_reach(const double* reach, std::size_t channels, double population,
                   const OverlapMatrix& overlap);

}  // namespace splitsim
