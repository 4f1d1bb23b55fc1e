// The feed model's defaults that no network-specific source pins down: one place, stated as assumptions.
#pragma once

#include <string>

#include "feed_defaults.hpp"

namespace splitsim::plugins {

// A FeedDefaults with every assumption parameter set (CPM elasticity and noise, reach dispersion, fatigue,
// conversion carryover, posting capacity, organic noise, follow and halo rates, discovery, organic CTR,
// paid engagement). The network-specific ones (audience, followers, cpm, ctr, cvr, organic reach and
// engagement rates) are left unset: FeedPlatform refuses to start until the network sets them. A network
// overrides any assumption it has a source for.
FeedDefaults feed_assumptions(std::string name, std::string version, std::string description);

}  // namespace splitsim::plugins
