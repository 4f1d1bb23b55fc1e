// Instagram defaults. Sources and their years are in README.md beside this file.
#include "instagram_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults instagram_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "instagram", "1.0.0",
      "Instagram feed, Stories and Reels: lower CPM and CTR than Facebook, higher organic reach");
  d.set_user_base(3e9);
  d.set(kAudience, D::fixed(1'000'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(10'000), "account followers at the start (assumption: set it)");
  d.set(kCpm, D::log_normal(6.9, 0.45), "CPM $6.90 (AdStage, Q3 2018)");
  d.set(kCtr, D::beta_mean(0.0063, 1000), "0.63%: CPC $1.09 at CPM $6.90 (AdStage, Q3 2018)");
  d.set(kCvr, D::beta_mean(0.05, 100), "below Facebook's 9.21%: in-app browsing converts less (assumption)");
  d.set(kOrganicReachRate, D::beta_mean(0.135, 60), "13.5% of followers per post (Socialinsider, 2022)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.0047, 2000),
        "0.47% of followers per post (Rival IQ, 2023; 1.22% in 2019)");
  d.set(kDiscoveryImpressions, D::log_normal(100, 1.0),
        "Reels and Explore show posts beyond followers (assumption)");
  d.set(kSustainablePostsPerWeek, D::fixed(4.5), "brands post about 4.5 a week (Rival IQ, 2023)");
  d.set(kReplyShare, D::fixed(0.02),
        "comments and direct messages needing an answer: likes dominate (assumption)");
  d.set(kSimplePostWeight, D::fixed(0.5),
        "a text update in a feed built around images and Reels (assumption)");
  d.set(kVideoPostWeight, D::fixed(1.6),
        "Reels are shown beyond followers more than image posts (assumption)");
  return d;
}

}  // namespace splitsim::plugins
