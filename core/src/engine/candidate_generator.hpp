// The candidate splits of a scenario's search space: organic share x paid channel shares x organic shares.
#pragma once

#include <cstddef>
#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// One way to split the budget. Channel shares are in scenario channel order and sum to 1.
struct CandidateSplit {
  CandidateSplit() = default;
  CandidateSplit(double organic, std::vector<double> paid, std::vector<double> organic_split)
      : organic_share(organic), paid_shares(std::move(paid)), organic_shares(std::move(organic_split)) {}

  double organic_share = 0.0;          // of the money spent
  std::vector<double> paid_shares;     // of the paid money
  std::vector<double> organic_shares;  // of the organic money
  double budget_scale = 1.0;           // money spent / budget.total ("up to" budgets, frontier, marginals)
  std::vector<double> paid_pacing;     // per period, sums to 1; empty: the scenario's pacing
};

// Finer steps than 0.1% give grids nobody reads, and ever finer ones never finish enumerating.
inline constexpr double kMinGridStep = 0.001;

// Refuse grids whose size would make a run unreasonably long; a finer search belongs to the optimizer.
inline constexpr std::size_t kMaxCandidates = 100'000;

// Enumerates the grid of a validated scenario. Channel shares are multiples of channel_step within each
// channel's bounds, summing to 1; the organic share runs from its min to its max by organic_step (both ends
// included), or is the fixed team's cost share. When one side gets no budget its split is irrelevant, so it
// is enumerated only once.
// Throws InputError when no grid point fits the bounds or the grid is larger than kMaxCandidates.
std::vector<CandidateSplit> generate_candidates(const v1::Scenario& scenario, const std::string& file);

}  // namespace splitsim
