#include "engine/trial_exchange.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

#include "base/gather_or_fail.hpp"

namespace splitsim {
namespace {

// Every per-trial column of `kpis`, in one fixed order: totals, each channel's, then the period flows.
template <typename Kpis, typename Fn>
void for_each_column(Kpis& kpis, Fn&& fn) {
  for (auto& column : kpis.totals) fn(column);
  for (auto& channel : kpis.channels)
    for (auto& column : channel) fn(column);
  for (auto& flow : kpis.periods)
    for (auto& column : flow) fn(column);
}

}  // namespace

TrialRange trials_of(std::size_t rank, std::size_t size, std::size_t trials, std::size_t block_trials) {
  const std::size_t blocks = (trials + block_trials - 1) / block_trials;
  const auto first_trial = [&](std::size_t r) { return std::min(trials, blocks * r / size * block_trials); };
  return {first_trial(rank), first_trial(rank + 1)};
}

void exchange_trials(const ProcessGroup& group, TrialKpis& kpis, std::size_t block_trials,
                     std::exception_ptr failure) {
  const std::size_t size = group.size(), trials = kpis.totals.empty() ? 0 : kpis.totals.front().size();
  std::string mine;
  if (!failure) {
    const auto range = trials_of(group.rank(), size, trials, block_trials);
    const std::size_t bytes = (range.last - range.first) * sizeof(double);
    for_each_column(kpis, [&](const std::vector<double>& column) {
      mine.append(reinterpret_cast<const char*>(column.data() + range.first), bytes);
    });
  }
  const auto parts = gather_or_fail(group, mine, failure);
  for (std::size_t r = 0; r < size; ++r) {
    if (r == group.rank()) continue;
    const auto range = trials_of(r, size, trials, block_trials);
    const std::size_t bytes = (range.last - range.first) * sizeof(double);
    std::size_t at = 0;
    for_each_column(kpis, [&](std::vector<double>& column) {
      if (at + bytes > parts[r].size())
        throw std::runtime_error("rank " + std::to_string(r) + " sent too few figures");
      std::memcpy(column.data() + range.first, parts[r].data() + at, bytes);
      at += bytes;
    });
    if (at != parts[r].size())
      throw std::runtime_error("rank " + std::to_string(r) + " sent too many figures");
  }
}

}  // namespace splitsim
