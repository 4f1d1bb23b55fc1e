// The x plugin library: the feed model with X (Twitter)'s defaults.
#include <splitsim/export.hpp>

#include "x_defaults.hpp"

namespace {

class XPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  XPlatform() : FeedPlatform(splitsim::plugins::x_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(XPlatform)
