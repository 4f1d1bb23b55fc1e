// The pinterest plugin library: the feed model with Pinterest's defaults.
#include <splitsim/export.hpp>

#include "pinterest_defaults.hpp"

namespace {

class PinterestPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  PinterestPlatform() : FeedPlatform(splitsim::plugins::pinterest_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(PinterestPlatform)
