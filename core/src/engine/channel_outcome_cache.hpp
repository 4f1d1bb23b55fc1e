// What one channel's plan gives, trial by trial, kept for the next split with the same plan. A grid's
// splits share most channel plans (four channels at quarter steps and eleven organic shares make 9,408
// splits from at most 275 plans a channel), and under common random numbers a channel's per-trial figures
// depend on its own plan alone: reusing them is the same bits as simulating again, without the plugin call
// or its checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace splitsim {

// One channel's per-trial figures under one plan: what KpiAccumulator::add_channel derives from the
// plugin's outputs, and what it adds to the plan's totals.
struct ChannelOutcome {
  std::uint64_t id = 0;                   // unique within its cache: what a reused outcome is known by
  std::vector<std::vector<double>> kpis;  // [kpi][trial], the channel's KPIs as TrialKpis holds them
  std::vector<double> community_hours;    // [trial * periods + t] community hours needed (with a team)
  std::vector<double> audience;           // [trial] the plugin's audience
};

// What makes two channels' outcomes the same: the channel, and every figure of its plan the plugin or the
// accumulator reads (per-period spend and posts, and the budget's money and hours), compared bit for bit.
struct ChannelOutcomeKey {
  std::uint32_t channel = 0;
  std::vector<double> figures;
  bool operator==(const ChannelOutcomeKey& other) const;
};

// The most recently used outcomes, up to a count: thread-safe, for splits simulated in parallel.
class ChannelOutcomeCache {
 public:
  explicit ChannelOutcomeCache(std::size_t max_entries) : max_entries_(max_entries) {}

  // The outcome kept under `key`, or null.
  std::shared_ptr<const ChannelOutcome> find(const ChannelOutcomeKey& key);
  // Keeps `outcome` under `key` (unless another thread kept one first: that one is returned, and it holds
  // the same figures) and gives it its id; the least recently used outcome goes when the cache is full.
  std::shared_ptr<const ChannelOutcome> keep(const ChannelOutcomeKey& key,
                                             std::shared_ptr<ChannelOutcome> outcome);

 private:
  struct Hash {
    std::size_t operator()(const ChannelOutcomeKey& key) const;
  };
  using Recency = std::list<ChannelOutcomeKey>;  // most recent first
  struct Entry {
    std::shared_ptr<const ChannelOutcome> outcome;
    Recency::iterator place;
  };

  std::size_t max_entries_;
  std::mutex mutex_;
  Recency recency_;
  std::unordered_map<ChannelOutcomeKey, Entry, Hash> entries_;
  std::uint64_t next_id_ = 1;
};

}  // namespace splitsim
