#include "engine/engine.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "base/errors.hpp"
#include "engine/block_runner.hpp"
#include "engine/kpi_accumulator.hpp"
#include "scenario/allocation.hpp"

namespace splitsim {
namespace {

// A cancelled oneTBB context ends parallel loops early and silently: their output is incomplete.
void throw_if_cancelled() {
  if (auto* context = tbb::task::current_context(); context && context->is_group_execution_cancelled()) {
    throw Cancelled();
  }
}

// What each channel is given in every period: paid spend by the pacing, posts even over the horizon, and the
// kind of post.
struct Schedule {
  Schedule(const ResolvedScenario& scenario, const Allocation& allocation)
      : spend(scenario.channels.size(), std::vector<double>(scenario.periods)),
        posts(scenario.channels.size()) {
    for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
      for (std::size_t t = 0; t < scenario.periods; ++t) spend[c][t] = allocation.paid_spend(c, t);
      posts[c].assign(scenario.periods, allocation.channels[c].posts_per_period);
      formats.push_back(scenario.channels[c].post_format());
    }
  }
  ChannelPlan plan(std::size_t c) const { return {spend[c].data(), posts[c].data(), formats[c]}; }

  std::vector<std::vector<double>> spend, posts;  // [channel][period]
  std::vector<PostFormat> formats;                // [channel]
};

// Channel c's plan as the cache compares it: every figure the plugin or the accumulator reads.
ChannelOutcomeKey key_of(const Schedule& schedule, const ChannelBudget& budget, std::size_t c) {
  ChannelOutcomeKey key;
  key.channel = static_cast<std::uint32_t>(c);
  key.figures = schedule.spend[c];
  key.figures.insert(key.figures.end(), schedule.posts[c].begin(), schedule.posts[c].end());
  for (const double figure : {budget.organic_budget, budget.team_cost, budget.planned_hours,
                              budget.content_hours, budget.campaign_hours, budget.strategy_hours})
    key.figures.push_back(figure);
  return key;
}

// Held while a spread split runs: its exchange is a collective that every process makes in the same order,
// so two splits simulated at once would pair one process's figures with another split's.
class OneSplitAtATime {
 public:
  explicit OneSplitAtATime(std::atomic<bool>* simulating) : simulating_(simulating) {
    if (simulating_ && simulating_->exchange(true))
      throw std::logic_error("an engine spread over processes simulates one split at a time");
  }
  ~OneSplitAtATime() {
    if (simulating_) simulating_->store(false);
  }
  OneSplitAtATime(const OneSplitAtATime&) = delete;
  OneSplitAtATime& operator=(const OneSplitAtATime&) = delete;

 private:
  std::atomic<bool>* simulating_;
};

}  // namespace

double channel_outcome_bytes(const ResolvedScenario& scenario) {
  const double per_trial =
      kKpiCount + 1.0 + (scenario.team.present ? static_cast<double>(scenario.periods) : 0.0);
  return per_trial * static_cast<double>(scenario.trials) * sizeof(double) + 512.0;
}

// Outcomes kept for a grid: as many as fit in 64 MiB, at most 512 (a grid of four channels at quarter steps
// visits 100 plans an organic share, and two threads work on two shares at once). None when fewer than four
// per channel would fit: splits would seldom find their plans still kept.
std::size_t reused_outcome_capacity(const ResolvedScenario& scenario) {
  constexpr double kBudgetBytes = 64.0 * (1 << 20);
  const double bytes = channel_outcome_bytes(scenario);
  const auto fit = static_cast<std::size_t>(std::min(512.0, kBudgetBytes / bytes));
  return fit >= 4 * scenario.channels.size() ? fit : 0;
}

void Engine::reuse_channel_outcomes() {
  if (group_) return;
  if (const std::size_t keep = reused_outcome_capacity(scenario_); keep > 0)
    outcomes_ = std::make_unique<ChannelOutcomeCache>(keep);
}

void Engine::spread_trials_over(const ProcessGroup& group) {
  if (group.size() < 2) return;
  group_ = &group;
  outcomes_.reset();
}

// One worker thread's reusable parts.
struct EngineWorker {
  BlockRunner runner;
  KpiAccumulator accumulator;
};

std::size_t block_trials_for(std::size_t periods) {
  constexpr std::size_t kBlockBytes = 256 * 1024;
  const std::size_t per_trial =
      static_cast<std::size_t>(kOutputCount) * std::max<std::size_t>(1, periods) * sizeof(double);
  std::size_t trials = 64;
  while (trials > 16 && trials * per_trial > kBlockBytes) trials /= 2;
  return trials;
}

Engine::Engine(const ResolvedScenario& scenario, TrialSet trials, std::size_t block_trials)
    : scenario_(scenario),
      seed_(trial_set_seed(scenario.seed, trials)),
      block_trials_(block_trials > 0 ? block_trials : block_trials_for(scenario.periods)) {
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    const auto& parameters = scenario.channels[c].parameters;
    parameters_.push_back(draw_parameters(parameters, seed_, static_cast<std::uint32_t>(c), scenario.trials,
                                          scenario.channels[c].posterior.get()));
    max_parameters_ = std::max(max_parameters_, parameters.size());
  }
}

Engine::~Engine() = default;

TrialKpis Engine::simulate(const CandidateSplit& split, bool per_period) const {
  TrialKpis kpis;
  simulate_into(split, kpis, per_period);
  return kpis;
}

void Engine::simulate_into(const CandidateSplit& split, TrialKpis& kpis, bool per_period,
                           const KpiMask* totals_only) const {
  const std::size_t channels = scenario_.channels.size();
  const Allocation allocation = allocate(scenario_, split);
  const Schedule schedule(scenario_, allocation);
  // The accumulator writes every value of the KPI arrays (the totals from zero, block by block).
  if (!kpis.shaped_for(channels, scenario_.trials)) kpis = TrialKpis(channels, scenario_.trials);
  if (per_period) {
    kpis.periods.assign(kPeriodFlowCount, std::vector<std::vector<double>>(
                                              scenario_.periods, std::vector<double>(scenario_.trials, 0.0)));
  } else {
    kpis.periods.clear();
  }

  const std::size_t trials = static_cast<std::size_t>(scenario_.trials);
  // Each channel's outcome from a split with the same plan when one is kept; else simulated and recorded.
  // Never with period flows: an outcome keeps only what the totals need.
  const bool reuse = outcomes_ && !per_period;
  std::vector<ChannelOutcomeKey> keys(reuse ? channels : 0);
  std::vector<std::shared_ptr<const ChannelOutcome>> known(channels);
  std::vector<std::shared_ptr<ChannelOutcome>> recorded(channels);
  for (std::size_t c = 0; reuse && c < channels; ++c) {
    keys[c] = key_of(schedule, allocation.channels[c], c);
    known[c] = outcomes_->find(keys[c]);
    if (known[c]) continue;
    recorded[c] = std::make_shared<ChannelOutcome>();
    recorded[c]->audience.resize(trials);
    if (scenario_.team.present) recorded[c]->community_hours.resize(trials * scenario_.periods);
  }
  // This process's blocks: all of them, or its run of them when the trials are spread over processes.
  const RankRun range =
      group_ ? trials_of(group_->rank(), group_->size(), trials, block_trials_) : RankRun{0, trials};
  const std::size_t first_block = range.first / block_trials_;
  const std::size_t end_block = (range.last + block_trials_ - 1) / block_trials_;
  const OneSplitAtATime turn(group_ ? &simulating_ : nullptr);
  std::exception_ptr failure;
  try {
    // Fixed blocks of block_trials_ trials (the last may be shorter): one plugin call per block and channel.
    // Isolated, so that a worker waiting here for this split's blocks does not start another split (and
    // allocate its per-trial KPIs) when splits are simulated in parallel: memory stays one split per worker.
    tbb::this_task_arena::isolate([&] {
      tbb::parallel_for(first_block, end_block, [&](std::size_t block) {
        auto& slot = workers_.local();
        if (!slot) {
          slot.reset(new EngineWorker{BlockRunner(block_trials_, scenario_.periods, max_parameters_),
                                      KpiAccumulator(scenario_, block_trials_)});
        }
        EngineWorker& worker = *slot;
        const std::uint64_t first = block * block_trials_;
        const std::size_t n = std::min(block_trials_, trials - first);
        worker.accumulator.begin(allocation, kpis, first, n);
        for (std::size_t c = 0; c < channels; ++c) {
          if (known[c]) {
            worker.accumulator.add_known_channel(c, *known[c]);
            continue;
          }
          worker.accumulator.add_channel(
              c,
              worker.runner.run(scenario_.channels[c], static_cast<std::uint32_t>(c), parameters_[c],
                                schedule.plan(c), seed_, first, n, scenario_.period_days),
              recorded[c].get());
        }
        worker.accumulator.finish();
      });
    });
    throw_if_cancelled();
  } catch (...) {
    if (!group_) throw;
    failure = std::current_exception();  // told to every process, so that none waits for this one
  }
  kpis.partial = false;
  if (group_)
    exchange_trials(*group_, kpis, block_trials_, failure, per_period ? nullptr : totals_only, exchange_);
  kpis.channel_outcomes.assign(channels, 0);
  for (std::size_t c = 0; reuse && c < channels; ++c) {
    if (recorded[c]) {
      recorded[c]->kpis = kpis.channels[c];
      known[c] = outcomes_->keep(keys[c], std::move(recorded[c]));
    }
    kpis.channel_outcomes[c] = known[c]->id;
  }
}

}  // namespace splitsim
