// The x plugin library: the feed model with X (Twitter)'s defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "x_defaults.hpp"

SPLITSIM_FEED_PLUGIN(XPlatform, x_defaults)
