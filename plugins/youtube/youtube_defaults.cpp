// YouTube defaults. Sources and their years are in README.md beside this file.
#include "youtube_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults youtube_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "youtube", "1.0.0",
      "YouTube video: low CPM, engagements are views (~32% of impressions), demand acted on weeks later");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(1'000'000),
                  1,          3e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(5'000),
                   0,           3e9,      "channel subscribers at the start (assumption: set it)"};
  p[kCpm] = {"cpm", "money per 1000 impressions",       D::log_normal(6.0, 0.45), 0.5,
             500,   "CPM $3.53 (2021), $6.45 (Q4 2022)"};
  p[kCtr] = {"ctr",
             "clicks per impression",
             D::beta_mean(0.005, 200),
             0,
             1,
             "clicks to the site from in-stream ads (assumption)"};
  p[kCvr] = {"cvr", "conversions per click", D::beta_mean(0.03, 100), 0, 1, "(assumption)"};
  p[kConversionCarryover] = {"conversion_carryover",
                             "decay per period",
                             D::uniform(0.3, 0.5),
                             0,
                             0.95,
                             "video builds demand acted on in later weeks (assumption)"};
  p[kPaidEngagementRate] = {
      "paid_engagement_rate",
      "views per paid impression",
      D::beta_mean(0.32, 50),
      0,
      1,
      "view rate about 32%; with CPM $6.45 a cost per view of $0.02 (range $0.02-0.03)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per video per subscriber",
                          D::beta_mean(0.05, 50),
                          0,
                          1,
                          "subscribers shown a new video (assumption: no sourced figure)"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "engagements per video per subscriber",
                               D::beta_mean(0.002, 1000),
                               0,
                               1,
                               "likes, comments, shares per subscriber (assumption)"};
  p[kDiscoveryImpressions] = {"discovery_impressions",
                              "impressions per video",
                              D::log_normal(300, 1.2),
                              0,
                              1e8,
                              "search and suggested videos beyond subscribers (assumption)"};
  p[kSustainablePostsPerWeek] = {"sustainable_posts_per_week",
                                 "videos per week",
                                 D::fixed(2),
                                 0.1,
                                 100,
                                 "edited video takes hours per minute (assumption)"};
  return d;
}

}  // namespace splitsim::plugins
