// Minimum viable spend: a channel's paid money is either nothing or at least its min_paid (a test below a
// few hundred teaches nothing). The grid drops plans that break it; the optimizer's decoding keeps it.
#pragma once

#include <string>
#include <vector>

#include "scenario/allocation.hpp"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// Whether any channel has a minimum viable spend.
bool any_min_paid(const ResolvedScenario& scenario);

// The first channel whose paid money is above 0 but below its minimum, in words naming its field; empty when
// every channel keeps its minimum. Amounts within a cent of the minimum keep it.
std::string min_paid_violation(const ResolvedScenario& scenario, const Allocation& allocation);

// Paid shares (of `paid` money, within [lo, hi] each) moved to a plan that keeps the minimums, as a
// semicontinuous variable is rounded: a channel below half its minimum is switched off, one between half
// and the minimum is raised to it, and the other channels give or take the difference in proportion to
// their shares. When that cannot keep every bound, `shares` are left as they were and false is returned.
bool keep_min_paid(const ResolvedScenario& scenario, double paid, const std::vector<double>& lo,
                   const std::vector<double>& hi, std::vector<double>& shares);

}  // namespace splitsim
