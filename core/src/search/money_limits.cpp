#include "search/money_limits.hpp"

#include <cstdio>

namespace splitsim {

std::string money_violation(const ResolvedScenario& scenario, const Allocation& allocation) {
  char text[256];
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    const auto& channel = scenario.channels[c];
    const double planned = allocation.channels[c].paid_budget;
    const std::string field = "channels[" + std::to_string(c) + "]." +
                              (channel.money_limit_from_current ? "max_change" : "paid_amount");
    if (planned < channel.paid_money_min - 0.01) {
      std::snprintf(text, sizeof text, "%s: %s needs at least %.2f paid, the split gives %.2f", field.c_str(),
                    channel.name.c_str(), channel.paid_money_min, planned);
      return text;
    }
    if (planned > channel.paid_money_max + 0.01) {
      std::snprintf(text, sizeof text, "%s: %s takes at most %.2f paid, the split gives %.2f", field.c_str(),
                    channel.name.c_str(), channel.paid_money_max, planned);
      return text;
    }
  }
  return "";
}

}  // namespace splitsim
