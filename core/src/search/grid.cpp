#include "search/grid.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "base/errors.hpp"
#include "scenario/allocation.hpp"
#include "search/min_paid.hpp"

namespace splitsim {
namespace {

// Every vector of whole units (one per channel) within [lo, hi] that sums to `units`, in lexicographic order.
void enumerate_simplex(const std::vector<int>& lo, const std::vector<int>& hi, int units, std::size_t channel,
                       std::vector<int>& current, std::vector<std::vector<int>>& out, std::size_t limit) {
  if (out.size() > limit) return;
  if (channel + 1 == lo.size()) {
    if (units >= lo[channel] && units <= hi[channel]) {
      current[channel] = units;
      out.push_back(current);
    }
    return;
  }
  for (int k = lo[channel]; k <= std::min(hi[channel], units); ++k) {
    current[channel] = k;
    enumerate_simplex(lo, hi, units - k, channel + 1, current, out, limit);
  }
}

std::vector<std::vector<double>> channel_splits(const ResolvedScenario& scenario, bool paid) {
  const int units = static_cast<int>(std::lround(1.0 / scenario.grid.channel_step));
  std::vector<int> lo, hi;
  for (const auto& channel : scenario.channels) {
    const ShareRange& bounds = paid ? channel.paid_share : channel.organic_share;
    // A small tolerance keeps bounds such as 0.3 on a 0.1 grid despite binary rounding.
    lo.push_back(static_cast<int>(std::ceil(bounds.min * units - 1e-9)));
    hi.push_back(static_cast<int>(std::floor(bounds.max * units + 1e-9)));
  }
  std::vector<std::vector<int>> points;
  std::vector<int> current(lo.size());
  if (!lo.empty()) enumerate_simplex(lo, hi, units, 0, current, points, kMaxCandidates);
  if (points.empty()) {
    const std::string which = paid ? "paid_share" : "organic_share";
    throw InputError({{scenario.file, 0, "search.grid.channel_step",
                       "no split of the " + std::string(paid ? "paid" : "organic") +
                           " budget on this grid satisfies every channel's " + which +
                           " bounds: use a finer channel_step or bounds on its multiples"}});
  }
  std::vector<std::vector<double>> splits;
  splits.reserve(points.size());
  for (const auto& point : points) {
    std::vector<double> shares;
    for (int k : point) shares.push_back(static_cast<double>(k) / units);
    splits.push_back(std::move(shares));
  }
  return splits;
}

std::vector<double> organic_grid(const ResolvedScenario& scenario) {
  // A fixed team is paid whatever the split: its cost is the organic share, nothing to search.
  if (scenario.fixed_team()) return {std::min(1.0, scenario.fixed_team_cost() / scenario.budget)};
  const double lo = scenario.organic_share.min, hi = scenario.organic_share.max,
               step = scenario.grid.organic_step;
  std::vector<double> values;
  // Index-based steps avoid accumulating rounding error.
  for (int i = 0;; ++i) {
    const double value = lo + i * step;
    if (value >= hi - 1e-9) break;
    values.push_back(value);
  }
  values.push_back(hi);
  return values;
}

// The candidates that give each channel no paid money or at least its minimum viable spend.
std::vector<CandidateSplit> keeping_min_paid(const ResolvedScenario& scenario,
                                             std::vector<CandidateSplit> candidates) {
  if (!any_min_paid(scenario)) return candidates;
  std::erase_if(candidates, [&](const CandidateSplit& split) {
    return !min_paid_violation(scenario, allocate(scenario, split)).empty();
  });
  if (candidates.empty()) {
    throw InputError({{scenario.file, 0, "search.grid.channel_step",
                       "no split on this grid gives every channel either no paid money or at least its "
                       "min_paid: use a finer channel_step or lower min_paid"}});
  }
  return candidates;
}

}  // namespace

std::vector<CandidateSplit> generate_candidates(const ResolvedScenario& scenario) {
  // Only a grid has steps; an unvalidated step of 0 would enumerate for ever.
  if (scenario.optimize || !(scenario.grid.organic_step >= kMinGridStep) ||
      !(scenario.grid.channel_step >= kMinGridStep)) {
    throw InputError(
        {{scenario.file, 0, "search.grid",
          "a grid needs organic_step and channel_step of at least " + std::to_string(kMinGridStep)}});
  }
  const auto organic_shares = organic_grid(scenario);
  const bool any_paid = organic_shares.front() < 1.0;
  const bool any_organic = organic_shares.back() > 0.0;
  const std::size_t n = scenario.channels.size();
  const auto zero = std::vector<std::vector<double>>{std::vector<double>(n, 0.0)};
  const auto paid = any_paid ? channel_splits(scenario, true) : zero;
  const auto organic = any_organic ? channel_splits(scenario, false) : zero;

  std::size_t total = 0;
  for (double s : organic_shares) total += (s < 1.0 ? paid.size() : 1) * (s > 0.0 ? organic.size() : 1);
  if (total > kMaxCandidates) {
    throw InputError({{scenario.file, 0, "search.grid",
                       "the grid has " + std::to_string(total) + " candidate splits, more than " +
                           std::to_string(kMaxCandidates) + ": use a coarser channel_step or organic_step"}});
  }

  std::vector<CandidateSplit> candidates;
  candidates.reserve(total);
  for (double s : organic_shares) {
    const std::size_t paid_count = s < 1.0 ? paid.size() : 1;
    const std::size_t organic_count = s > 0.0 ? organic.size() : 1;
    for (std::size_t p = 0; p < paid_count; ++p) {
      for (std::size_t o = 0; o < organic_count; ++o) {
        // A side without budget records zero shares: nothing of it is allocated.
        candidates.push_back({s, s < 1.0 ? paid[p] : zero[0], s > 0.0 ? organic[o] : zero[0]});
      }
    }
  }
  return keeping_min_paid(scenario, std::move(candidates));
}

std::size_t distinct_channel_plans(const std::vector<CandidateSplit>& grid, std::size_t up_to) {
  std::set<std::tuple<std::size_t, double, double, double>> plans;
  for (const auto& split : grid) {
    for (std::size_t c = 0; c < split.paid_shares.size(); ++c) {
      plans.emplace(c, split.organic_share, split.paid_shares[c], split.organic_shares[c]);
      if (plans.size() >= up_to) return up_to;
    }
  }
  return plans.size();
}

}  // namespace splitsim
