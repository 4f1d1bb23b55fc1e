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
    case v1::TOTAL_COST:
    case v1::MEDIA_CPC:
    case v1::MEDIA_CPA:
    case v1::CONTENT_HOURS:
    case v1::COMMUNITY_HOURS:
    case v1::CAMPAIGN_HOURS:
    case v1::STRATEGY_HOURS:
      return true;
    default:
      return false;
  }
}

RatioParts ratio_parts(v1::Kpi kpi) {
  // As engine/kpi_accumulator.cpp derives them from a row of additive KPIs.
  const std::vector<v1::Kpi> cost = {v1::PAID_SPEND, v1::ORGANIC_COST};
  switch (kpi) {
    case v1::CPM:
      return {{v1::PAID_SPEND}, {v1::PAID_IMPRESSIONS}, 1000.0, false, true};
    case v1::CPC:
      return {cost, {v1::CLICKS}, 1.0, false, true};
    case v1::CPA:
      return {cost, {v1::CONVERSIONS}, 1.0, false, true};
    case v1::ENGAGEMENT_RATE:
      return {{v1::ENGAGEMENTS}, {v1::IMPRESSIONS}, 1.0, false, false};
    case v1::ROAS:
      return {{v1::CONVERSIONS}, cost, 1.0, true, false};
    case v1::FREQUENCY:
      return {{v1::IMPRESSIONS}, {v1::REACH}, 1.0, false, false};
    case v1::MEDIA_CPC:
      return {{v1::PAID_SPEND}, {v1::CLICKS}, 1.0, false, true};
    case v1::MEDIA_CPA:
      return {{v1::PAID_SPEND}, {v1::CONVERSIONS}, 1.0, false, true};
    case v1::MEDIA_ROAS:
      return {{v1::CONVERSIONS}, {v1::PAID_SPEND}, 1.0, true, false};
    default:
      return {};
  }
}

}  // namespace splitsim
