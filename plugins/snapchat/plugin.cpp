// The snapchat plugin library: the feed model with Snapchat's defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "snapchat_defaults.hpp"

SPLITSIM_FEED_PLUGIN(SnapchatPlatform, snapchat_defaults)
