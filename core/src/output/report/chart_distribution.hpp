// The objective KPI's distribution under the recommendation (bars) and under the plan it is set against (a
// dashed outline), on shared bins, with the recommendation's P5, P50 and P95 and the target marked.
#pragma once

#include <string>

#include "results.pb.h"

namespace splitsim {

// A Vega spec; `reference_label` names the dashed outline (empty: no reference drawn).
std::string distribution_spec(const v1::ReportData& data, const std::string& kpi_title,
                              const std::string& reference_label, bool has_target, double target);

}  // namespace splitsim
