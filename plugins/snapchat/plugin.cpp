// The snapchat plugin library: the feed model with Snapchat's defaults.
#include <splitsim/export.hpp>

#include "snapchat_defaults.hpp"

namespace {

class SnapchatPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  SnapchatPlatform() : FeedPlatform(splitsim::plugins::snapchat_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(SnapchatPlatform)
