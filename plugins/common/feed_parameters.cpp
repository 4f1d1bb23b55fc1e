#include "feed_parameters.hpp"

#include <array>

namespace splitsim::plugins {
namespace {

// Audience and followers stop at the largest networks' user base; a smaller network lowers it.
constexpr double kLargestUserBase = 3e9;

constexpr std::array<FeedParameter, kFeedParamCount> kFeedParameters{{
    {kAudience, "audience", "people", 1, kLargestUserBase},
    {kFollowers, "followers", "people", 0, kLargestUserBase},
    {kCpm, "cpm", "USD per 1000 impressions", 0.5, 500},
    {kCpmElasticity, "cpm_elasticity", "exponent", 0, 0.9},
    {kCpmPeriodNoise, "cpm_period_noise", "log-sd per period", 0, 1},
    {kCtr, "ctr", "clicks per impression", 0, 1},
    {kCvr, "cvr", "conversions per click", 0, 1},
    {kConversionCarryover, "conversion_carryover", "decay per period", 0, 0.95},
    {kPaidEngagementRate, "paid_engagement_rate", "engagements per paid impression", 0, 1},
    {kReachDispersion, "reach_dispersion", "negative binomial shape", 0.1, 1e6},
    {kFatigueDecay, "fatigue_decay", "per exposure beyond the first", 0, 5},
    {kFatigueFloor, "fatigue_floor", "share of response kept", 0, 1},
    {kOrganicReachRate, "organic_reach_rate", "impressions per post per follower", 0, 1},
    {kOrganicEngagementRate, "organic_engagement_rate", "engagements per post per follower", 0, 1},
    {kOrganicCtr, "organic_ctr", "link clicks per organic impression", 0, 1},
    {kDiscoveryImpressions, "discovery_impressions", "impressions per post", 0, 1e8},
    {kSustainablePostsPerWeek, "sustainable_posts_per_week", "posts per week", 0.1, 100},
    {kOverpostingElasticity, "overposting_elasticity", "exponent", 0, 1},
    {kOrganicNoise, "organic_noise", "log-sd per period", 0, 2},
    {kFollowRate, "follow_rate", "followers per engagement", 0, 1},
    {kHaloFollowRate, "halo_follow_rate", "followers per person reached by ads", 0, 0.05},
    {kReachedBefore, "reached_before", "people", 0, kLargestUserBase},
    {kConversionsPending, "conversions_pending", "conversions", 0, 1e9},
    {kReplyShare, "reply_share", "replies needed per engagement", 0, 1},
    {kSimplePostWeight, "simple_post_weight", "organic impressions per post vs a crafted post", 0, 10},
    {kVideoPostWeight, "video_post_weight", "organic impressions per post vs a crafted post", 0, 10},
}};

// The table is indexed by FeedParam: an entry out of place would give a parameter another's range.
constexpr bool in_enum_order() {
  for (std::size_t p = 0; p < kFeedParameters.size(); ++p) {
    if (kFeedParameters[p].index != p) return false;
  }
  return true;
}
static_assert(in_enum_order(), "kFeedParameters must list the parameters in FeedParam order");

}  // namespace

const FeedParameter& feed_parameter(FeedParam p) { return kFeedParameters.at(p); }

}  // namespace splitsim::plugins
