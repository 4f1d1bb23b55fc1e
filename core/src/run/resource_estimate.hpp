// What a run will need, estimated before it starts, so an unreasonable one is refused up front; `run` and
// `validate` report the same figures.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "scenario/resolved_scenario.hpp"

namespace splitsim {

struct ResourceEstimate {
  double bytes = 0.0;            // peak memory of the run
  double channel_periods = 0.0;  // plugin work: candidates x trials x channels x periods
};

struct ResourceLimits {
  double max_bytes = 8.0 * (1u << 30);  // --max-memory-gib
  double max_channel_periods = 2e11;    // --max-work: about hours of plugin calls on a small machine
};

// The peak memory of a run simulating `candidates` splits with `threads` workers, from what it holds at its
// peak: the parameter tables of every trial set in use, the per-trial KPI arrays of the candidates in
// flight (one per worker), and the process itself; besides, per candidate, what a grid keeps of it once it
// is written away (a few hundred bytes: memory nearly flat in the grid's size) and the channel outcomes its
// engine keeps for reuse (bounded: Engine::reuse_channel_outcomes), or for the optimizer, which
// keeps its evaluations whole, every KPI summary. tests/core/resource_estimate_test.cpp holds it against the
// peak RSS of real runs.
// `channel_plans`: for a grid, the different channel plans among its splits (distinct_channel_plans).
ResourceEstimate estimate_resources(const ResolvedScenario& scenario, std::size_t candidates,
                                    std::size_t threads,
                                    std::size_t channel_plans = std::numeric_limits<std::size_t>::max());

// Throws InputError naming the file, the estimate, what drives it, and the flag that overrides the limit.
void check_resources(const ResourceEstimate& estimate, const ResourceLimits& limits, const std::string& file);

// "1.2 GiB", "350 MiB": an estimate as the messages print it.
std::string memory_words(double bytes);

}  // namespace splitsim
