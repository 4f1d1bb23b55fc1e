// Limits on each channel's paid money besides its share bounds: paid_amount, and current_paid +- max_change.
#pragma once

#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// Per channel, in money over the horizon; max is +infinity when unbounded.
struct PaidMoneyBounds {
  std::vector<double> min, max;
  bool any() const;  // whether any channel has a money bound
};

// paid_amount and current_paid x (1 +- max_change) together, per channel in scenario order.
PaidMoneyBounds paid_money_bounds(const v1::Scenario& scenario);

}  // namespace splitsim
