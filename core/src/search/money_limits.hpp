// Whether a split keeps each channel's paid money limits (paid_amount, current_paid +- max_change).
#pragma once

#include <string>

#include "scenario/allocation.hpp"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// Which money limit an allocation breaks ("" when none), e.g. "channels[1].paid_amount: tiktok needs at
// least 3000.00 paid, the split gives 1500.00". A tolerance of a cent absorbs rounding.
std::string money_violation(const ResolvedScenario& scenario, const Allocation& allocation);

}  // namespace splitsim
