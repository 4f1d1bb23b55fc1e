// One plugin parameter of one channel, resolved: its spec and the distribution in force.
#pragma once

#include "splitsim/distribution.hpp"
#include "splitsim/plugin_info.hpp"

namespace splitsim {

// The distribution is the scenario's override, or the plugin's default. A money unit naming another currency
// than the budget's (e.g. "USD per 1000 impressions") is rewritten to the budget's when the value is in it: a
// scenario's value always, a default converted by the scenario's rate; a unit left naming another currency
// is a default used unconverted.
struct ResolvedParameter {
  ParamSpec spec;
  Distribution distribution;
};

}  // namespace splitsim
