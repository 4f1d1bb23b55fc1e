// The tiktok plugin library: the feed model with TikTok's defaults.
#include <splitsim/export.hpp>

#include "tiktok_defaults.hpp"

namespace {

class TikTokPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  TikTokPlatform() : FeedPlatform(splitsim::plugins::tiktok_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(TikTokPlatform)
