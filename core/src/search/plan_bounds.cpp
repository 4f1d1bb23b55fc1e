#include "search/plan_bounds.hpp"

#include <algorithm>
#include <cstdio>
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

std::string money_violation(const v1::Scenario& scenario, const PaidMoneyBounds& bounds,
                            const CandidateSplit& split, double budget) {
  const double paid = budget * split.budget_scale * (1.0 - split.organic_share);
  char text[256];
  for (std::size_t c = 0; c < bounds.min.size(); ++c) {
    const double planned = paid * split.paid_shares[c];
    const auto& channel = scenario.channels(static_cast<int>(c));
    const std::string field =
        "channels[" + std::to_string(c) + "]." +
        (channel.has_current_paid() && channel.has_max_change() ? "max_change" : "paid_amount");
    if (planned < bounds.min[c] - 0.01) {
      std::snprintf(text, sizeof text, "%s: %s needs at least %.2f paid, the split gives %.2f", field.c_str(),
                    channel.name().c_str(), bounds.min[c], planned);
      return text;
    }
    if (planned > bounds.max[c] + 0.01) {
      std::snprintf(text, sizeof text, "%s: %s takes at most %.2f paid, the split gives %.2f", field.c_str(),
                    channel.name().c_str(), bounds.max[c], planned);
      return text;
    }
  }
  return "";
}

}  // namespace splitsim
