// The Monte Carlo engine, in three roles (as QuantLib's MonteCarloModel: generator -> pricer -> accumulator):
// parameters drawn per trial (parameter_sampler), the platform model called once per block of trials
// (BlockRunner), and per-trial KPIs built from its outputs (KpiAccumulator). The engine knows nothing of
// the objective: the statistics step and the search are above it.
#pragma once

#include <tbb/enumerable_thread_specific.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "base/process_group.hpp"
#include "engine/channel_outcome_cache.hpp"
#include "engine/parameter_sampler.hpp"
#include "engine/trial_exchange.hpp"
#include "engine/trial_kpis.hpp"
#include "scenario/resolved_scenario.hpp"
#include "scenario/split.hpp"
#include "splitsim/random_stream.hpp"

namespace splitsim {

struct EngineWorker;

// Trials per plugin call for a horizon of `periods`: the most, as a power of two from 16 to 64, whose
// outputs (kOutputCount values per trial-period) fit in 256 KiB. The plugin writes a block, the runner checks
// it and the accumulator reads it while it is still in the core's cache: a year of weeks at 128 trials
// (426 KiB) spills to the shared cache, and fewer than 16 trials makes a call too short for a plugin's lanes.
// No more than 64: a search's split of 500 trials is then eight blocks, which two threads share evenly
// (with 128, the optimize example ran 1.65 times faster on two threads than on one; with 64, 1.8 to 2).
std::size_t block_trials_for(std::size_t periods);

// The memory one kept channel outcome takes, and how many reuse_channel_outcomes() keeps at most (0: it
// keeps none): what a grid's memory estimate adds.
double channel_outcome_bytes(const ResolvedScenario& scenario);
std::size_t reused_outcome_capacity(const ResolvedScenario& scenario);

class Engine {
 public:
  // Draws every channel's parameters for every trial of the trial set, once: every split simulated by this
  // engine sees the same trials (common random numbers), so differences between splits are not noise.
  // `block_trials` trials go to each plugin call; by default, as many as keep a block's outputs within a
  // core's share of cache (block_trials_for).
  Engine(const ResolvedScenario& scenario, TrialSet trials, std::size_t block_trials = 0);
  ~Engine();

  // Per-trial KPIs of one split over all trials, in total and per channel. Parallel over fixed blocks of
  // trials (whatever the caller's oneTBB arena allows); every number depends on its trial's address only,
  // so the result is the same for any thread count. Throws PluginError from a failing plugin and
  // Cancelled when the calling task group was cancelled. With `per_period`, also the period flows
  // (TrialKpis::periods), for a report's plan period by period.
  TrialKpis simulate(const CandidateSplit& split, bool per_period = false) const;
  // The same into `kpis`, whose arrays are reused when they have this engine's shape (every value is
  // overwritten): what a search or grid calls, thousands of times with one shape. With `totals_only`, a
  // caller that reads only the totals it marks (a search's step) lets an engine spread over processes
  // exchange those alone (kpis.partial then says the other columns hold this process's trials only).
  void simulate_into(const CandidateSplit& split, TrialKpis& kpis, bool per_period = false,
                     const KpiMask* totals_only = nullptr) const;

  // From now on, a channel whose plan (spend and posts each period, money and hours) is one a recent split
  // of this engine had takes that split's per-trial figures instead of calling its plugin again: the same
  // bits, since every figure depends on the channel's plan and the trial's address only. For a grid, whose
  // splits share most channel plans; TrialKpis::channel_outcomes then names each channel's outcome. Off
  // when an outcome would be too large to keep enough of them (reused_outcome_capacity is then 0).
  void reuse_channel_outcomes();

  // From now on, every split's trials are spread over the processes of `group` (trial_exchange.hpp): this
  // process simulates its run of blocks and gets the others' figures from them, so every process holds
  // every trial's figures after each call. Every process of the group must make the same calls in the same
  // order, one split at a time (a second call while one runs throws std::logic_error), so callers that
  // simulate splits in parallel do them in turn instead (trial_group()). Ends reuse_channel_outcomes():
  // an outcome would hold this process's trials only. A group of one process changes nothing.
  void spread_trials_over(const ProcessGroup& group);
  // The group each split's trials are spread over (every process then holds the same figures), or null.
  const ProcessGroup* trial_group() const { return group_; }

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
  std::unique_ptr<ChannelOutcomeCache> outcomes_;  // with reuse_channel_outcomes()
  const ProcessGroup* group_ = nullptr;            // with spread_trials_over(), of more than one process
  mutable std::atomic<bool> simulating_{false};    // while a spread split runs: its exchange is collective
  mutable TrialExchangeBuffers exchange_;          // a spread split's, kept for the next
};

}  // namespace splitsim
