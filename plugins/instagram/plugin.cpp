// The instagram plugin library: the feed model with Instagram's defaults.
#include <splitsim/export.hpp>

#include "instagram_defaults.hpp"

namespace {

class InstagramPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  InstagramPlatform() : FeedPlatform(splitsim::plugins::instagram_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(InstagramPlatform)
