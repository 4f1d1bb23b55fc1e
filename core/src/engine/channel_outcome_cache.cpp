#include "engine/channel_outcome_cache.hpp"

#include <cstring>
#include <string_view>

namespace splitsim {

bool ChannelOutcomeKey::operator==(const ChannelOutcomeKey& other) const {
  // Bit for bit: two plans are the same only when the plugin cannot tell them apart.
  return channel == other.channel && figures.size() == other.figures.size() &&
         std::memcmp(figures.data(), other.figures.data(), figures.size() * sizeof(double)) == 0;
}

std::size_t ChannelOutcomeCache::Hash::operator()(const ChannelOutcomeKey& key) const {
  const std::string_view bytes(reinterpret_cast<const char*>(key.figures.data()),
                               key.figures.size() * sizeof(double));
  return std::hash<std::string_view>{}(bytes) ^
         (static_cast<std::size_t>(key.channel) * 0x9e3779b97f4a7c15ull);
}

std::shared_ptr<const ChannelOutcome> ChannelOutcomeCache::find(const ChannelOutcomeKey& key) {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  recency_.splice(recency_.begin(), recency_, it->second.place);
  return it->second.outcome;
}

std::shared_ptr<const ChannelOutcome> ChannelOutcomeCache::keep(const ChannelOutcomeKey& key,
                                                                std::shared_ptr<ChannelOutcome> outcome) {
  const std::lock_guard lock(mutex_);
  if (const auto it = entries_.find(key); it != entries_.end()) return it->second.outcome;
  outcome->id = next_id_++;
  if (max_entries_ == 0) return outcome;
  if (entries_.size() >= max_entries_) {
    entries_.erase(recency_.back());
    recency_.pop_back();
  }
  recency_.push_front(key);
  entries_.emplace(key, Entry{outcome, recency_.begin()});
  return outcome;
}

}  // namespace splitsim
