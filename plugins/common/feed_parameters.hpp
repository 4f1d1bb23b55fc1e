// The feed model's parameter schema: which parameters it has, and each one's name, unit and valid range.
#pragma once

#include <cstddef>
#include <string_view>

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
  // Not used by the feed model: the runner reads it by name to plan the team's community work.
  kReplyShare,  // share of engagements that need a reply (comments, messages)
  // What one post of a format earns on this network against a crafted image-and-text post (1): organic
  // impressions, and the engagements and clicks that follow them. Last, so earlier indices keep their draws.
  kSimplePostWeight,  // a short text update
  kVideoPostWeight,   // an edited short video
  kFeedParamCount
};

// What every network shares about one parameter; the default and its source are the network's own.
struct FeedParameter {
  FeedParam index;
  std::string_view name;  // identifier used in scenario files
  std::string_view unit;
  double min;  // smallest valid value (inclusive)
  double max;  // largest valid value (inclusive)
};

// The schema entry of `p`, declared once for every network (a network may still narrow a range or name
// the unit in its own words: see FeedDefaults).
const FeedParameter& feed_parameter(FeedParam p);

}  // namespace splitsim::plugins
