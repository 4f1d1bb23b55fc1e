// X (Twitter) figures for the feed model.
#pragma once

#include "feed_defaults.hpp"

namespace splitsim::plugins {

FeedDefaults x_defaults();

}  // namespace splitsim::plugins
