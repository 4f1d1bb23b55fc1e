// Running one scenario from a parsed file to its Results, shared by `run` and `batch`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "base/process_group.hpp"
#include "plugins/plugin_registry.hpp"
#include "results.pb.h"
#include "run/overrides.hpp"
#include "run/progress.hpp"
#include "run/resource_estimate.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/candidate_source.hpp"

namespace splitsim {

// Validates the scenario (InputError), searches its splits (the grid, or the optimizer), and returns the
// results with their metadata: the candidates, the recommendation with its runner-ups compared trial by
// trial, marginal returns per channel and (optimize) the efficient frontier. Parallelism is whatever the
// calling oneTBB arena allows; `threads` is recorded as such. Refuses (InputError) a run whose estimated
// memory or work exceeds `limits`. An `observer` hears the plan before the simulation starts and the
// candidates as they are simulated. With a `group` of several processes, each evaluates its share of a
// grid's candidates and every process returns the same results (the rest of the run is repeated in each).
v1::Results run_scenario(const LoadedScenario& loaded, const PluginRegistry& registry, std::size_t threads,
                         const ResourceLimits& limits = {}, RunObserver* observer = nullptr,
                         const ProcessGroup* group = nullptr);

// A run's results as it holds them: every field but the candidates, and the candidates, each written away
// as soon as it was simulated (output/candidate_spool.hpp), so that memory stays flat in the grid's size.
// Save and print them with the functions of output/ that take both.
struct RunResults {
  v1::Results results;  // no candidates
  std::unique_ptr<CandidateSource> candidates;

  // The whole message, every candidate read back (memory grows with the grid again).
  v1::Results whole() const;
};

// As run_scenario, without reading the candidates back.
RunResults run_scenario_spooled(const LoadedScenario& loaded, const PluginRegistry& registry,
                                std::size_t threads, const ResourceLimits& limits = {},
                                RunObserver* observer = nullptr, const ProcessGroup* group = nullptr);

}  // namespace splitsim
