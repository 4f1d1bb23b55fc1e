// The linkedin plugin library: the feed model with LinkedIn's defaults.
#include <splitsim/export.hpp>

#include "linkedin_defaults.hpp"

namespace {

class LinkedInPlatform final : public splitsim::plugins::FeedPlatform {
 public:
  LinkedInPlatform() : FeedPlatform(splitsim::plugins::linkedin_defaults()) {}
};

}  // namespace

SPLITSIM_PLUGIN(LinkedInPlatform)
