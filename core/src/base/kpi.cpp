#include "base/kpi.hpp"

namespace splitsim {

bool lower_is_better(v1::Kpi kpi) {
  switch (kpi) {
    case v1::PAID_SPEND:
    case v1::ORGANIC_COST:
    case v1::TEAM_HOURS:
    case v1::TEAM_SHORTFALL_HOURS:
    case v1::CPM:
    case v1::CPC:
    case v1::CPA:
      return true;
    default:
      return false;
  }
}

}  // namespace splitsim
