// Instagram defaults. Sources and their years are in README.md beside this file.
#include "instagram_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults instagram_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "instagram", "1.0.0",
      "Instagram feed, Stories and Reels: lower CPM and CTR than Facebook, higher organic reach");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(1'000'000),
                  1,          3e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(10'000),
                   0,           3e9,      "account followers at the start (assumption: set it)"};
  p[kCpm] = {"cpm", "money per 1000 impressions",  D::log_normal(6.9, 0.45), 0.5,
             500,   "CPM $6.90 (AdStage, Q3 2018)"};
  p[kCtr] = {"ctr",
             "clicks per impression",
             D::beta_mean(0.0063, 1000),
             0,
             1,
             "0.63%: CPC $1.09 at CPM $6.90 (AdStage, Q3 2018)"};
  p[kCvr] = {"cvr",
             "conversions per click",
             D::beta_mean(0.05, 100),
             0,
             1,
             "below Facebook's 9.21%: in-app browsing converts less (assumption)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per post per follower",
                          D::beta_mean(0.135, 60),
                          0,
                          1,
                          "13.5% of followers per post (Socialinsider, 2022)"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "engagements per post per follower",
                               D::beta_mean(0.0047, 2000),
                               0,
                               1,
                               "0.47% of followers per post (Rival IQ, 2023; 1.22% in 2019)"};
  p[kDiscoveryImpressions] = {"discovery_impressions",
                              "impressions per post",
                              D::log_normal(100, 1.0),
                              0,
                              1e8,
                              "Reels and Explore show posts beyond followers (assumption)"};
  p[kSustainablePostsPerWeek] = {"sustainable_posts_per_week",
                                 "posts per week",
                                 D::fixed(4.5),
                                 0.1,
                                 100,
                                 "brands post about 4.5 a week (Rival IQ, 2023)"};
  return d;
}

}  // namespace splitsim::plugins
