// Pinterest defaults. Sources and their years are in README.md beside this file.
#include "pinterest_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults pinterest_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "pinterest", "1.0.0",
      "Pinterest: search-like discovery and long-lived pins; every default is an assumption");
  // Accounts publish pins, and people engage with them by saving and clicking.
  d.set_unit(kOrganicReachRate, "impressions per pin per follower");
  d.set_unit(kOrganicEngagementRate, "saves and clicks per pin per follower");
  d.set_unit(kDiscoveryImpressions, "impressions per pin");
  d.set_unit(kSustainablePostsPerWeek, "pins per week");
  d.set_user_base(1e9);
  d.set(kAudience, D::fixed(500'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(2'000), "followers at the start (assumption: set it)");
  d.set(kCpm, D::log_normal(5.0, 0.6), "no sourced figure found (assumption, wide)");
  d.set(kCtr, D::beta_mean(0.004, 150), "no sourced figure found (assumption)");
  d.set(kCvr, D::beta_mean(0.03, 100), "(assumption)");
  d.set(kConversionCarryover, D::uniform(0.3, 0.6), "people save pins and buy later (assumption)");
  d.set(kOrganicReachRate, D::beta_mean(0.03, 60), "(assumption: no sourced figure)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.001, 2000), "(assumption: no sourced figure)");
  d.set(kDiscoveryImpressions, D::log_normal(300, 1.0),
        "search and home feed show pins beyond followers (assumption)");
  d.set(kSustainablePostsPerWeek, D::fixed(10), "pins reuse existing visuals (assumption)");
  d.set(kReplyShare, D::fixed(0.005), "engagements are saves and clicks: few comments (assumption)");
  d.set(kSimplePostWeight, D::fixed(0.4), "pins are images: a text update earns little (assumption)");
  d.set(kVideoPostWeight, D::fixed(1.1), "video pins are shown a little more than image pins (assumption)");
  return d;
}

}  // namespace splitsim::plugins
