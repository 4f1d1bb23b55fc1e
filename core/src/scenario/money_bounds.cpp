#include "scenario/money_bounds.hpp"

#include <algorithm>
#include <limits>

namespace splitsim {

bool PaidMoneyBounds::any() const {
  for (std::size_t c = 0; c < min.size(); ++c) {
    if (min[c] > 0.0 || max[c] < std::numeric_limits<double>::infinity()) return true;
  }
  return false;
}

PaidMoneyBounds paid_money_bounds(const v1::Scenario& scenario) {
  PaidMoneyBounds bounds;
  for (const auto& channel : scenario.channels()) {
    double lo = channel.paid_amount().has_min() ? channel.paid_amount().min() : 0.0;
    double hi = channel.paid_amount().has_max() ? channel.paid_amount().max()
                                                : std::numeric_limits<double>::infinity();
    if (channel.has_current_paid() && channel.has_max_change()) {
      lo = std::max(lo, channel.current_paid() * (1.0 - channel.max_change()));
      hi = std::min(hi, channel.current_paid() * (1.0 + channel.max_change()));
    }
    bounds.min.push_back(std::max(0.0, lo));
    bounds.max.push_back(hi);
  }
  return bounds;
}

}  // namespace splitsim
