// The runner never trusts a plugin's numbers: every output of every call is checked before use.
#pragma once

#include <string>

#include "splitsim/output_buffers.hpp"
#include "splitsim/simulation_block.hpp"

namespace splitsim {

// Throws PluginError naming the plugin, channel, trial and period when an output is non-finite or negative,
// the spend differs from the plan, or cumulative reach exceeds the audience or the impressions so far.
void check_outputs(const std::string& plugin, const std::string& channel, const SimulationBlock& block,
                   const OutputBuffers& out);

}  // namespace splitsim
