// Plugin defaults in money of another currency than the budget's, used without a rate: said before the run
// (stderr, validate) and in the results, since every cost figure then mixes two currencies.
#pragma once

#include <string>
#include <vector>

#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// One line per foreign currency without a rate, naming the parameters (channel.parameter) and the rate to
// give; empty when every default is in the budget's currency or converted.
std::vector<std::string> currency_warnings(const ResolvedScenario& scenario);

}  // namespace splitsim
