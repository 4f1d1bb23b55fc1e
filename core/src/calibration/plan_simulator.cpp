#include "calibration/plan_simulator.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "base/errors.hpp"
#include "engine/output_checker.hpp"

namespace splitsim {

PlanSimulator::PlanSimulator(std::size_t max_trials, std::size_t max_periods, std::size_t parameters)
    : max_trials_(max_trials),
      max_periods_(max_periods),
      parameter_count_(parameters),
      outputs_(static_cast<std::size_t>(kOutputCount) * max_trials * max_periods),
      audience_(max_trials),
      columns_(parameters * max_trials),
      column_pointers_(parameters) {
  for (std::size_t p = 0; p < parameters; ++p) column_pointers_[p] = columns_.data() + p * max_trials;
}

const OutputBuffers& PlanSimulator::run(const ResolvedChannel& channel, std::uint32_t channel_index,
                                        const Plan& plan, std::span<const double> parameters,
                                        std::uint64_t first, std::size_t n, std::uint64_t key,
                                        double period_days) {
  const std::size_t periods = plan.periods();
  if (n > max_trials_ || periods > max_periods_ || parameters.size() % parameter_count_ != 0) {
    throw std::logic_error("PlanSimulator: block larger than its buffers");
  }
  const bool shared = parameters.size() == parameter_count_;
  for (std::size_t p = 0; p < parameter_count_; ++p) {
    for (std::size_t i = 0; i < n; ++i)
      columns_[p * max_trials_ + i] = parameters[(shared ? 0 : i * parameter_count_) + p];
  }
  out_ = OutputBuffers::over(outputs_.data(), audience_.data(), n, periods);

  SimulationBlock block;
  block.first_trial = first;
  block.trials = n;
  block.periods = periods;
  block.period_days = period_days;
  block.params = column_pointers_.data();
  block.plan = {plan.spend.data(), plan.posts.data(), channel.post_format()};
  block.noise = RandomStream(key, channel_index, StreamId::kPeriodNoise);

  // NaN first: an element the plugin forgets to write is caught as non-finite.
  std::fill(outputs_.begin(), outputs_.begin() + static_cast<std::ptrdiff_t>(kOutputCount * n * periods),
            std::numeric_limits<double>::quiet_NaN());
  const std::string& plugin = channel.plugin->info.name;
  try {
    channel.plugin->platform->simulate(block, out_);
  } catch (const std::exception& e) {
    throw PluginError(plugin,
                      "simulate failed for channel '" + channel.name + "' (calibration): " + e.what());
  } catch (...) {
    throw PluginError(plugin, "simulate threw a non-standard exception for channel '" + channel.name + "'");
  }
  check_outputs(plugin, channel.name, block, out_);
  return out_;
}

}  // namespace splitsim
