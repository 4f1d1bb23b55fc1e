// A split: the decision splitsim searches, as shares of the budget.
#pragma once

#include <utility>
#include <vector>

namespace splitsim {

// One way to split the budget. Channel shares are in scenario channel order and sum to 1.
// allocation.hpp turns a split into money, posts and spend per period.
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

}  // namespace splitsim
