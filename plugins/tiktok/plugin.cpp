// The tiktok plugin library: the feed model with TikTok's defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "tiktok_defaults.hpp"

SPLITSIM_FEED_PLUGIN(TikTokPlatform, tiktok_defaults)
