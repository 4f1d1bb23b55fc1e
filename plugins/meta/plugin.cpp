// The meta plugin library: the feed model with Meta's defaults.
#include <splitsim/export.hpp>

#include "meta_defaults.hpp"

namespace {

class MetaPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  MetaPlatform() : FeedPlatform(splitsim::plugins::meta_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(MetaPlatform)
