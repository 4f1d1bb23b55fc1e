// The meta plugin library: the feed model with Meta (Facebook)'s defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "meta_defaults.hpp"

SPLITSIM_FEED_PLUGIN(MetaPlatform, meta_defaults)
