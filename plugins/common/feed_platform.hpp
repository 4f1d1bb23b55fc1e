// A social feed network: auction-priced paid impressions plus organic posts to followers.
#pragma once

#include <array>
#include <splitsim/platform.hpp>

namespace splitsim::plugins {

// Parameter indices: every FeedPlatform declares exactly these parameters, in this order.
enum FeedParam : std::size_t {
  kAudience,                 // people the channel can reach
  kFollowers,                // followers at the start of the horizon
  kCpm,                      // base cost per 1000 impressions at low spend
  kCpmElasticity,            // how fast CPM rises with spend against the audience
  kCpmPeriodNoise,           // period-to-period CPM swings (sigma of a mean-one log-normal)
  kCtr,                      // clicks per paid impression (before fatigue)
  kCvr,                      // conversions per click
  kConversionCarryover,      // share of a period's conversions that happen in later periods (geometric)
  kPaidEngagementRate,       // engagements per paid impression (before fatigue)
  kReachDispersion,          // negative binomial shape: how unevenly exposure falls on people
  kFatigueDecay,             // how fast paid response falls per exposure beyond the first
  kFatigueFloor,             // the share of paid response left at high frequency
  kOrganicReachRate,         // impressions per post per follower
  kOrganicEngagementRate,    // engagements per post per follower
  kOrganicCtr,               // link clicks per organic impression
  kDiscoveryImpressions,     // impressions per post from non-followers (recommendation feeds)
  kSustainablePostsPerWeek,  // posts per week a team crafts at full quality on this network
  kOverpostingElasticity,    // how fast each post's reach falls beyond the sustainable rate
  kOrganicNoise,             // period-to-period organic swings (sigma of a mean-one log-normal)
  kFollowRate,               // new followers per engagement
  kHaloFollowRate,           // new followers per person newly reached by paid media
  kReachedBefore,            // people of the audience reached by earlier campaigns (carried-in state)
  kConversionsPending,       // conversions still to come from earlier spend (carried-in carryover)
  kFeedParamCount
};

// The figures that differ between networks, indexed by FeedParam (so their order cannot drift from it).
// Every default is a distribution with its source in `help`.
struct FeedDefaults {
  std::string name, version, description;
  std::array<ParamSpec, kFeedParamCount> params;
};

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
  // Throws std::logic_error when a parameter was left unset (the loader reports it with the plugin's file).
  explicit FeedPlatform(FeedDefaults defaults);
  const PluginInfo& info() const override { return info_; }
  void simulate(const SimulationBlock& block, const OutputBuffers& out) const override;

 private:
  PluginInfo info_;
};

}  // namespace splitsim::plugins

// The plugin library of one network: the feed model with that network's defaults (a function returning
// FeedDefaults). Use once, in the network's plugin.cpp.
#define SPLITSIM_FEED_PLUGIN(PlatformClass, defaults_function)                     \
  namespace {                                                                     \
  class PlatformClass final : public ::splitsim::plugins::FeedPlatform {          \
   public:                                                                        \
    PlatformClass() : FeedPlatform(::splitsim::plugins::defaults_function()) {}   \
  };                                                                              \
  }                                                                               \
  SPLITSIM_PLUGIN(PlatformClass)
