#include "scenario/resolved_scenario.hpp"

#include "base/kpi.hpp"

namespace splitsim {

bool Objective::lower_is_better() const {
  if (statistic == v1::MIN_COST_FOR_TARGET) return true;
  return statistic != v1::PROB_TARGET && splitsim::lower_is_better(kpi);
}

bool ResolvedScenario::any_money_limit() const {
  for (const auto& channel : channels) {
    if (channel.paid_money_min > 0.0 || channel.paid_money_max < std::numeric_limits<double>::infinity())
      return true;
  }
  return false;
}

}  // namespace splitsim
