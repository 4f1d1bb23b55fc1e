// TikTok defaults. Sources and their years are in README.md beside this file.
#include "tiktok_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults tiktok_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "tiktok", "1.0.0",
      "TikTok: low CPM, For You feed reach far beyond followers, high engagement for new accounts");
  d.set_user_base(2e9);
  d.set(kAudience, D::fixed(1'000'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(2'000), "followers at the start: a young account (assumption: set it)");
  d.set(kCpm, D::log_normal(7.0, 0.5), "CPM about $3-12 by vertical (2026 reports); $7.43 (Q4 2022)");
  d.set(kCtr, D::beta_mean(0.009, 200), "CTR about 0.5-1.5% (2026 reports)");
  d.set(kCvr, D::beta_mean(0.03, 100), "impulse clicks from entertainment convert less (assumption)");
  d.set(kOrganicReachRate, D::beta_mean(0.15, 30),
        "higher than on other networks (assumption: no sourced figure)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.0263, 300),
        "2.63% of followers per post (Rival IQ, 2023; 5.69% in 2022)");
  d.set(kDiscoveryImpressions, D::log_normal(1000, 1.2),
        "the For You feed shows posts to non-followers, most of a new account's reach (assumption)");
  d.set(kSustainablePostsPerWeek, D::fixed(7), "a short video a day, filmed in batches (assumption)");
  d.set(kReplyShare, D::fixed(0.01),
        "comments needing an answer among likes, shares and comments (assumption)");
  d.set(kSimplePostWeight, D::fixed(0.3),
        "text and photo posts are a side show of a video feed (assumption)");
  d.set(kVideoPostWeight, D::fixed(1.5), "short video is the network's native post (assumption)");
  return d;
}

}  // namespace splitsim::plugins
