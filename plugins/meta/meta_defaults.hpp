// Meta (Facebook) figures for the feed model.
#pragma once

#include "feed_defaults.hpp"

namespace splitsim::plugins {

FeedDefaults meta_defaults();

}  // namespace splitsim::plugins
