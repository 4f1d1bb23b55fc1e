// The linkedin plugin library: the feed model with LinkedIn's defaults.
#include <splitsim/export.hpp>

#include "feed_platform.hpp"
#include "linkedin_defaults.hpp"

SPLITSIM_FEED_PLUGIN(LinkedInPlatform, linkedin_defaults)
