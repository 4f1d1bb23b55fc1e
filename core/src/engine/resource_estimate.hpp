// What a run will need, estimated before it starts, so an unreasonable one is refused up front.
#pragma once

#include <cstddef>
#include <string>

#include "scenario.pb.h"

namespace splitsim {

struct ResourceEstimate {
  double bytes = 0.0;            // peak memory of the run
  double channel_periods = 0.0;  // plugin work: candidates x trials x channels x periods
};

struct ResourceLimits {
  double max_bytes = 8.0 * (1u << 30);  // --max-memory-gib
  double max_channel_periods = 2e11;    // --max-work: about hours of plugin calls on a small machine
};

// `parameters` is the total number of plugin parameters over the channels; `threads` the candidates
// simulated at once.
ResourceEstimate estimate_resources(const v1::Scenario& scenario, std::size_t candidates,
                                    std::size_t parameters, std::size_t threads);

// Throws InputError naming the file, the estimate, what drives it, and the flag that overrides the limit.
void check_resources(const ResourceEstimate& estimate, const ResourceLimits& limits, const std::string& file);

}  // namespace splitsim
