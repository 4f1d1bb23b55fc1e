// The youtube plugin library: the feed model with YouTube's defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "youtube_defaults.hpp"

SPLITSIM_FEED_PLUGIN(YouTubePlatform, youtube_defaults)
