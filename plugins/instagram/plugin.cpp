// The instagram plugin library: the feed model with Instagram's defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "instagram_defaults.hpp"

SPLITSIM_FEED_PLUGIN(InstagramPlatform, instagram_defaults)
