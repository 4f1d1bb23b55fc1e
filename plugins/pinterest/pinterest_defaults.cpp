// Pinterest defaults. Sources and their years are in README.md beside this file.
#include "pinterest_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults pinterest_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "pinterest", "1.0.0",
      "Pinterest: search-like discovery and long-lived pins; every default is an assumption");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(500'000),
                  1,          1e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(2'000),
                   0,           1e9,      "followers at the start (assumption: set it)"};
  p[kCpm] = {"cpm",
             "money per 1000 impressions",
             D::log_normal(5.0, 0.6),
             0.5,
             500,
             "no sourced figure found (assumption, wide)"};
  p[kCtr] = {
      "ctr", "clicks per impression", D::beta_mean(0.004, 150), 0, 1, "no sourced figure found (assumption)"};
  p[kCvr] = {"cvr", "conversions per click", D::beta_mean(0.03, 100), 0, 1, "(assumption)"};
  p[kConversionCarryover] = {"conversion_carryover",
                             "decay per period",
                             D::uniform(0.3, 0.6),
                             0,
                             0.95,
                             "people save pins and buy later (assumption)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per pin per follower",
                          D::beta_mean(0.03, 60),
                          0,
                          1,
                          "(assumption: no sourced figure)"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "saves and clicks per pin per follower",
                               D::beta_mean(0.001, 2000),
                               0,
                               1,
                               "(assumption: no sourced figure)"};
  p[kDiscoveryImpressions] = {"discovery_impressions",
                              "impressions per pin",
                              D::log_normal(300, 1.0),
                              0,
                              1e8,
                              "search and home feed show pins beyond followers (assumption)"};
  p[kSustainablePostsPerWeek] = {"sustainable_posts_per_week",
                                 "pins per week",
                                 D::fixed(10),
                                 0.1,
                                 100,
                                 "pins reuse existing visuals (assumption)"};
  return d;
}

}  // namespace splitsim::plugins
