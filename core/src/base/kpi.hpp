// The KPIs every trial reports, by index, and which way each is better. The bottom of the layers: the
// validator, the engine, the search and the writers all read KPIs through this one definition.
#pragma once

#include <vector>

#include "scenario.pb.h"

namespace splitsim {

// KPIs are indexed by their proto enum value minus one.
inline constexpr int kKpiCount = 26;
inline int kpi_index(v1::Kpi kpi) { return static_cast<int>(kpi) - 1; }
inline v1::Kpi kpi_at(int index) { return static_cast<v1::Kpi>(index + 1); }

// Costs and shortfalls are better low; every other KPI is better high.
bool lower_is_better(v1::Kpi kpi);

// A ratio KPI as computed per trial: scale x (sum of numerator KPIs) / (sum of denominator KPIs), the
// numerator times value_per_conversion when `per_conversion_value` (ROAS). Empty lists: not a ratio.
struct RatioParts {
  std::vector<v1::Kpi> numerator, denominator;
  double scale = 1.0;
  bool per_conversion_value = false;
  bool is_cost = false;  // a zero denominator with money spent is an infinite cost, not 0
  bool is_ratio() const { return !denominator.empty(); }
};
RatioParts ratio_parts(v1::Kpi kpi);

}  // namespace splitsim
