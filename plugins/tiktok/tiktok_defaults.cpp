// TikTok defaults. Sources and their years are in README.md beside this file.
#include "tiktok_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults tiktok_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "tiktok", "1.0.0",
      "TikTok: low CPM, For You feed reach far beyond followers, high engagement for new accounts");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(1'000'000),
                  1,          2e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(2'000),
                   0,           2e9,      "followers at the start: a young account (assumption: set it)"};
  p[kCpm] = {"cpm",
             "money per 1000 impressions",
             D::log_normal(7.0, 0.5),
             0.5,
             500,
             "CPM about $3-12 by vertical (2026 reports); $7.43 (Q4 2022)"};
  p[kCtr] = {
      "ctr", "clicks per impression", D::beta_mean(0.009, 200), 0, 1, "CTR about 0.5-1.5% (2026 reports)"};
  p[kCvr] = {"cvr",
             "conversions per click",
             D::beta_mean(0.03, 100),
             0,
             1,
             "impulse clicks from entertainment convert less (assumption)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per post per follower",
                          D::beta_mean(0.15, 30),
                          0,
                          1,
                          "higher than on other networks (assumption: no sourced figure)"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "engagements per post per follower",
                               D::beta_mean(0.0263, 300),
                               0,
                               1,
                               "2.63% of followers per post (Rival IQ, 2023; 5.69% in 2022)"};
  p[kDiscoveryImpressions] = {
      "discovery_impressions",
      "impressions per post",
      D::log_normal(1000, 1.2),
      0,
      1e8,
      "the For You feed shows posts to non-followers, most of a new account's reach (assumption)"};
  p[kSustainablePostsPerWeek] = {"sustainable_posts_per_week",
                                 "posts per week",
                                 D::fixed(7),
                                 0.1,
                                 100,
                                 "a short video a day, filmed in batches (assumption)"};
  return d;
}

}  // namespace splitsim::plugins
