// The KPIs every trial reports, by index, and which way each is better. The bottom of the layers: the
// validator, the engine, the search and the writers all read KPIs through this one definition.
#pragma once

#include "scenario.pb.h"

namespace splitsim {

// KPIs are indexed by their proto enum value minus one.
inline constexpr int kKpiCount = 18;
inline int kpi_index(v1::Kpi kpi) { return static_cast<int>(kpi) - 1; }
inline v1::Kpi kpi_at(int index) { return static_cast<v1::Kpi>(index + 1); }

// Costs and shortfalls are better low; every other KPI is better high.
bool lower_is_better(v1::Kpi kpi);

}  // namespace splitsim
