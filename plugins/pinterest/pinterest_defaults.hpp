// Pinterest figures for the feed model.
#pragma once

#include "feed_defaults.hpp"

namespace splitsim::plugins {

FeedDefaults pinterest_defaults();

}  // namespace splitsim::plugins
