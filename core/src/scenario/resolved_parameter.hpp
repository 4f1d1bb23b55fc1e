// One plugin parameter of one channel, resolved: its spec and the distribution in force.
#pragma once

#include "splitsim/distribution.hpp"
#include "splitsim/plugin_info.hpp"

namespace splitsim {

// The distribution is the scenario's override, or the plugin's default.
struct ResolvedParameter {
  ParamSpec spec;
  Distribution distribution;
};

}  // namespace splitsim
