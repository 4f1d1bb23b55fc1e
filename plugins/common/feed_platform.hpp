// A social feed network: auction-priced paid impressions plus organic posts to followers.
#pragma once

#include <cstddef>
#include <splitsim/platform.hpp>

#include "feed_defaults.hpp"

namespace splitsim::plugins {

// Per trial and period, composed from the SDK's blocks (splitsim/models/); plugins/common/README.md has it
// in full:
// - paid impressions = impressions_bought(spend, cpm x noise, audience, elasticity): CPM rises with spend;
// - organic impressions = posts x posting_quality x (followers x organic_reach_rate + discovery) x noise;
// - reach: negative binomial reach of all impressions so far; each period reports the new people;
// - fatigue (from impressions per person reached) lowers paid CTR and paid engagement;
// - clicks = paid x ctr x fatigue + organic x organic_ctr; conversions = clicks x cvr, released over later
//   periods by geometric carryover (what would convert after the horizon is not counted);
// - engagements = organic x organic engagement per impression + paid x paid_engagement_rate x fatigue;
// - followers gained = engagements x follow_rate + new people reached by paid x halo_follow_rate, carried
//   into later periods, so paid exposure raises later organic reach (the halo).
// State carried in from before the horizon: followers, people already reached (not new again), and
// conversions still to come from earlier spend (a share (1 - decay) decay^t of them in period t).
class FeedPlatform : public Platform {
 public:
  // Throws std::logic_error when a parameter was left without a default (the loader reports it with the
  // plugin's file).
  explicit FeedPlatform(FeedDefaults defaults);
  const PluginInfo& info() const override { return info_; }
  void simulate(const SimulationBlock& block, const OutputBuffers& out) const override;

 private:
  // Trials simulated together: their per-trial arrays live on the stack.
  static constexpr std::size_t kLanes = 64;
  static void simulate_lanes(const SimulationBlock& block, std::size_t first, std::size_t n,
                             const OutputBuffers& out);

  PluginInfo info_;
};

}  // namespace splitsim::plugins

// The plugin library of one network: the feed model with that network's defaults (a function returning
// FeedDefaults). Use once, in the network's plugin.cpp.
#define SPLITSIM_FEED_PLUGIN(PlatformClass, defaults_function)                  \
  namespace {                                                                   \
  class PlatformClass final : public ::splitsim::plugins::FeedPlatform {        \
   public:                                                                      \
    PlatformClass() : FeedPlatform(::splitsim::plugins::defaults_function()) {} \
  };                                                                            \
  }                                                                             \
  SPLITSIM_PLUGIN(PlatformClass)
