// A channel's KPI summaries, kept by the id of the channel outcome they summarise (Engine's
// reuse_channel_outcomes): a grid's splits that share a channel's plan share its summaries too, four fifths
// of a four-channel candidate's statistics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "stats/summary.hpp"

namespace splitsim {

// How many channels' summaries a grid's evaluator keeps: twice the channel outcomes its engine keeps.
inline constexpr std::size_t kKeptChannelSummaries = 1024;

class ChannelSummaryCache {
 public:
  using Summaries = std::vector<Summary>;  // [kpi]

  // Up to `max_entries` at once: past that, the cache starts again empty (ids only grow, so what is
  // dropped is what the engine has mostly dropped too).
  explicit ChannelSummaryCache(std::size_t max_entries) : max_entries_(max_entries) {}

  std::shared_ptr<const Summaries> find(std::uint64_t outcome) {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(outcome);
    return it == entries_.end() ? nullptr : it->second;
  }

  void keep(std::uint64_t outcome, Summaries summaries) {
    auto kept = std::make_shared<const Summaries>(std::move(summaries));
    const std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_.emplace(outcome, std::move(kept));
  }

 private:
  std::size_t max_entries_;
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::shared_ptr<const Summaries>> entries_;
};

}  // namespace splitsim
