#include "engine/trial_exchange.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

#include "base/gather_or_fail.hpp"

namespace splitsim {
namespace {

// Every per-trial column exchanged, in one fixed order: totals, each channel's, then the period flows.
template <typename Fn>
void for_each_column(TrialKpis& kpis, const KpiMask* totals_only, Fn&& fn) {
  for (std::size_t k = 0; k < kpis.totals.size(); ++k)
    if (!totals_only || (*totals_only)[k]) fn(kpis.totals[k]);
  if (totals_only) return;
  for (auto& channel : kpis.channels)
    for (auto& column : channel) fn(column);
  for (auto& flow : kpis.periods)
    for (auto& column : flow) fn(column);
}

}  // namespace

RankRun trials_of(std::size_t rank, std::size_t size, std::size_t trials, std::size_t block_trials) {
  const RankRun blocks = run_of(rank, size, (trials + block_trials - 1) / block_trials);
  return {std::min(trials, blocks.first * block_trials), std::min(trials, blocks.last * block_trials)};
}

void exchange_trials(const ProcessGroup& group, TrialKpis& kpis, std::size_t block_trials,
                     std::exception_ptr failure, const KpiMask* totals_only, TrialExchangeBuffers& buffers) {
  const std::size_t size = group.size(), trials = kpis.totals.empty() ? 0 : kpis.totals.front().size();
  auto& mine = buffers.sent;
  mine.clear();
  if (!failure) {
    const auto range = trials_of(group.rank(), size, trials, block_trials);
    const std::size_t bytes = (range.last - range.first) * sizeof(double);
    for_each_column(kpis, totals_only, [&](const std::vector<double>& column) {
      mine.append(reinterpret_cast<const char*>(column.data() + range.first), bytes);
    });
  }
  gather_or_fail(group, mine, failure, buffers.gathered);
  for (std::size_t r = 0; r < size; ++r) {
    if (r == group.rank()) continue;
    const auto range = trials_of(r, size, trials, block_trials);
    const std::size_t bytes = (range.last - range.first) * sizeof(double);
    const std::string_view part = buffers.gathered.part(r);
    std::size_t at = 0;
    for_each_column(kpis, totals_only, [&](std::vector<double>& column) {
      if (at + bytes > part.size())
        throw std::runtime_error("rank " + std::to_string(r) + " sent too few figures");
      std::memcpy(column.data() + range.first, part.data() + at, bytes);
      at += bytes;
    });
    if (at != part.size()) throw std::runtime_error("rank " + std::to_string(r) + " sent too many figures");
  }
  kpis.partial = totals_only != nullptr;
}

}  // namespace splitsim
