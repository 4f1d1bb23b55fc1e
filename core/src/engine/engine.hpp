// The Monte Carlo engine, in three roles (as QuantLib's MonteCarloModel: generator -> pricer -> accumulator):
// parameters drawn per trial (parameter_sampler), the platform model called once per block of trials
// (BlockRunner), and per-trial KPIs built from its outputs (KpiAccumulator). The engine knows nothing of
// the objective: the statistics step and the search are above it.
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/parameter_sampler.hpp"
#include "engine/trial_kpis.hpp"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"
#include "splitsim/random_stream.hpp"

namespace splitsim {

struct EngineWorker;

class Engine {
 public:
  // Draws every channel's parameters for every trial of the trial set, once: every split simulated by this
  // engine sees the same trials (common random numbers), so differences between splits are not noise.
  Engine(const ResolvedScenario& scenario, TrialSet trials, std::size_t block_trials = 128);
  ~Engine();

  // Per-trial KPIs of one split over all trials, in total and per channel. Parallel over fixed blocks of
  // trials (whatever the caller's oneTBB arena allows); every number depends on its trial's address only,
  // so the result is the same for any thread count. Throws PluginError from a failing plugin and
  // Cancelled when the calling task group was cancelled. With `per_period`, also the period flows
  // (TrialKpis::periods), for a report's plan period by period.
  TrialKpis simulate(const CandidateSplit& split, bool per_period = false) const;
  // The same into `kpis`, whose arrays are reused when they have this engine's shape (every value is
  // overwritten): what a search or grid calls, thousands of times with one shape.
  void simulate_into(const CandidateSplit& split, TrialKpis& kpis, bool per_period = false) const;

  const ResolvedScenario& scenario() const { return scenario_; }
  // Channel c's drawn parameters, [parameter][trial], read-only: what explains a per-trial difference.
  const ParameterTable& parameters(std::size_t channel) const { return parameters_[channel]; }

 private:
  const ResolvedScenario& scenario_;
  std::uint64_t seed_;                      // the trial set's key
  std::vector<ParameterTable> parameters_;  // per channel: [parameter][trial]
  std::size_t block_trials_;
  std::size_t max_parameters_ = 0;
  // Each worker thread's output buffers and accumulator, made on its first block and kept for every later
  // split: a search simulates hundreds of splits, and fresh buffers cost page faults each time.
  mutable tbb::enumerable_thread_specific<std::unique_ptr<EngineWorker>> workers_;
};

}  // namespace splitsim
