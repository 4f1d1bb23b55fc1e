// The interface every platform plugin implements.
#pragma once

#include "splitsim/output_buffers.hpp"
#include "splitsim/plugin_info.hpp"
#include "splitsim/simulation_block.hpp"

namespace splitsim {

// A network's cost, reach and engagement model. Implementations must be pure functions of
// (parameters, plan, random stream): const, thread-safe, without globals; the runner calls simulate from
// several threads at once and checks every output.
class Platform {
 public:
  virtual ~Platform() = default;

  // Identity and parameter schema; called once after loading.
  virtual const PluginInfo& info() const = 0;

  // Simulates every trial of `block` over the horizon, writing every element of every array in `out`.
  // Throw std::exception (with a clear what()) on failure; the runner reports it with the plugin's name.
  virtual void simulate(const SimulationBlock& block, const OutputBuffers& out) const = 0;
};

}  // namespace splitsim
