// Limits a plan keeps besides share bounds: each channel's paid money (paid_amount, current_paid +-
// max_change).
#pragma once

#include <string>
#include <vector>

#include "engine/candidate_generator.hpp"
#include "scenario.pb.h"

namespace splitsim {

// Per channel, in money over the horizon; max is +infinity when unbounded.
struct PaidMoneyBounds {
  std::vector<double> min, max;
  bool any() const;  // whether any channel has a money bound
};

PaidMoneyBounds paid_money_bounds(const v1::Scenario& scenario);

// Which money bound a split breaks ("" when none), e.g. "channels[1].paid_amount.min: 2,000 asked, 1,500
// planned". `budget` is budget.total. A tolerance of a cent absorbs rounding.
std::string money_violation(const v1::Scenario& scenario, const PaidMoneyBounds& bounds,
                            const CandidateSplit& split, double budget);

}  // namespace splitsim
