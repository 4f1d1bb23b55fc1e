// The pinterest plugin library: the feed model with Pinterest's defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "pinterest_defaults.hpp"

SPLITSIM_FEED_PLUGIN(PinterestPlatform, pinterest_defaults)
