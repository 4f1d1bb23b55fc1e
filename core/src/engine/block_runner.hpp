// One plugin call: a block of trials of one channel over the whole horizon, its outputs checked before use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/parameter_sampler.hpp"
#include "scenario/resolved_scenario.hpp"
#include "splitsim/output_buffers.hpp"
#include "splitsim/simulation_block.hpp"

namespace splitsim {

// Owns one worker's output buffers, allocated once and reused for every block: nothing is allocated per
// trial or period.
class BlockRunner {
 public:
  BlockRunner(std::size_t block_trials, std::size_t periods, std::size_t max_parameters);

  // Simulates trials [first, first + n) of `channel` (index `c` in the scenario) under `plan`, with the
  // trials' drawn `parameters` and noise from (seed, c). The buffers are valid until the next call.
  // Throws PluginError naming the plugin and channel when the plugin throws or its outputs are impossible.
  const OutputBuffers& run(const ResolvedChannel& channel, std::uint32_t c, const ParameterTable& parameters,
                           const ChannelPlan& plan, std::uint64_t seed, std::uint64_t first, std::size_t n,
                           double period_days);

 private:
  std::size_t block_trials_, periods_;
  std::vector<double> outputs_;   // kOutputCount arrays of block_trials * periods
  std::vector<double> audience_;  // block_trials
  std::vector<const double*> parameters_;
  OutputBuffers out_;
};

}  // namespace splitsim
