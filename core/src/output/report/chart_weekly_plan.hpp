// The plan period by period: each channel's paid spend in each period (stacked), as the pacing spreads it.
#pragma once

#include <string>

#include "results.pb.h"

namespace splitsim {

// A Vega spec of `allocation`'s paid spend per period and channel; empty when it has no pacing or no paid
// money. `period_name` is e.g. "week".
std::string weekly_plan_spec(const v1::Allocation& allocation, const std::string& period_name,
                             const std::string& currency);

}  // namespace splitsim
