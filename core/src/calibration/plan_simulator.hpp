// Simulating a channel under a plan of the past (a history's periods, a lift test's cell) with given
// parameter vectors: the plugin as it is, called through the same checks as in a run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "scenario/resolved_scenario.hpp"
#include "splitsim/output_buffers.hpp"
#include "splitsim/simulation_block.hpp"

namespace splitsim {

// What a channel was given in each period.
struct Plan {
  std::vector<double> spend, posts;
  std::size_t periods() const { return spend.size(); }
};

// Owns one worker's buffers, allocated once for the largest block: nothing is allocated per call.
class PlanSimulator {
 public:
  PlanSimulator(std::size_t max_trials, std::size_t max_periods, std::size_t parameters);

  // Simulates trials first .. first + n - 1 of `plan`. `parameters` holds one vector (every trial the same)
  // or n vectors one after the other, each in the plugin's order. Noise comes from (key, channel_index)'s
  // period noise stream at the trials' own indices, so equal trial indices give equal noise: common random
  // numbers. The buffers are valid until the next call. Throws PluginError naming the plugin and channel when
  // the plugin throws or its outputs are impossible.
  const OutputBuffers& run(const ResolvedChannel& channel, std::uint32_t channel_index, const Plan& plan,
                           std::span<const double> parameters, std::uint64_t first, std::size_t n,
                           std::uint64_t key, double period_days);

 private:
  std::size_t max_trials_, max_periods_, parameter_count_;
  std::vector<double> outputs_, audience_, columns_;
  std::vector<const double*> column_pointers_;
  OutputBuffers out_;
};

}  // namespace splitsim
