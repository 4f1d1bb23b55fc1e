#include "engine/block_runner.hpp"

#include <algorithm>
#include <limits>

#include "base/errors.hpp"
#include "engine/output_checker.hpp"

namespace splitsim {

BlockRunner::BlockRunner(std::size_t block_trials, std::size_t periods, std::size_t max_parameters)
    : block_trials_(block_trials),
      periods_(periods),
      outputs_(static_cast<std::size_t>(kOutputCount) * block_trials * periods),
      audience_(block_trials),
      parameters_(max_parameters) {}

const OutputBuffers& BlockRunner::run(const ResolvedChannel& channel, std::uint32_t c,
                                      const ParameterTable& parameters, const ChannelPlan& plan,
                                      std::uint64_t seed, std::uint64_t first, std::size_t n,
                                      double period_days) {
  out_ = OutputBuffers::over(outputs_.data(), audience_.data(), n, periods_);
  for (std::size_t p = 0; p < parameters.size(); ++p) parameters_[p] = parameters[p].data() + first;

  SimulationBlock block;
  block.first_trial = first;
  block.trials = n;
  block.periods = periods_;
  block.period_days = period_days;
  block.params = parameters_.data();
  block.plan = plan;
  block.noise = RandomStream(seed, c, StreamId::kPeriodNoise);

  // NaN everywhere first: an element the plugin forgets to write is caught as non-finite.
  std::fill(outputs_.begin(), outputs_.begin() + kOutputCount * n * periods_,
            std::numeric_limits<double>::quiet_NaN());
  std::fill(audience_.begin(), audience_.begin() + n, std::numeric_limits<double>::quiet_NaN());
  const std::string& plugin_name = channel.plugin->info.name;
  try {
    channel.plugin->platform->simulate(block, out_);
  } catch (const std::exception& e) {
    throw PluginError(plugin_name, "simulate failed for channel '" + channel.name + "': " + e.what());
  } catch (...) {
    throw PluginError(plugin_name,
                      "simulate threw a non-standard exception for channel '" + channel.name + "'");
  }
  check_outputs(plugin_name, channel.name, block, out_);
  return out_;
}

}  // namespace splitsim
