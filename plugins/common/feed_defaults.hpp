// What makes a network of the feed model: its identity and a sourced default for every feed parameter.
#pragma once

#include <array>
#include <bitset>
#include <splitsim/plugin_info.hpp>
#include <string>

#include "feed_parameters.hpp"

namespace splitsim::plugins {

// The figures that differ between networks, indexed by FeedParam (so their order cannot drift from it).
// Names, units and ranges come from the shared schema (feed_parameters.hpp); a network sets the defaults,
// each a distribution with its source in `help`, and states where it departs from the schema.
struct FeedDefaults {
  FeedDefaults(std::string name, std::string version, std::string description);

  // The default of `p` and where it comes from (a source with its year, or "assumption").
  void set(FeedParam p, Distribution value, std::string help);
  // The unit of `p` in the network's own words, e.g. "impressions per video per subscriber".
  void set_unit(FeedParam p, std::string unit);
  // A valid range of `p` that differs from the schema's.
  void set_range(FeedParam p, double min, double max);
  // The most people on the network: the largest valid audience and follower count.
  void set_user_base(double people);

  std::string name, version, description;
  std::array<ParamSpec, kFeedParamCount> params;
  std::bitset<kFeedParamCount> has_default;  // FeedPlatform refuses a network that leaves one unset
};

}  // namespace splitsim::plugins
