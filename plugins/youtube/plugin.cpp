// The youtube plugin library: the feed model with YouTube's defaults.
#include <splitsim/export.hpp>

#include "youtube_defaults.hpp"

namespace {

class YouTubePlatform final : public splitsim::plugins::FeedPlatform {
 public:
  YouTubePlatform() : FeedPlatform(splitsim::plugins::youtube_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(YouTubePlatform)
