// LinkedIn defaults. Sources and their years are in README.md beside this file.
#include "linkedin_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults linkedin_defaults() {
  using D = Distribution;
  FeedDefaults d =
      feed_assumptions("linkedin", "1.1.0",
                       "LinkedIn feed: high CPM, strong B2B conversion, higher organic reach than Facebook");
  auto& p = d.params;
  p[kAudience] = {
      "audience", "people", D::fixed(300'000),
      1,          1.5e9,    "professionals the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(5'000),
                   0,           1.5e9,    "company page followers at the start (assumption: set it)"};
  p[kCpm] = {"cpm",
             "money per 1000 impressions",
             D::log_normal(40.0, 0.45),
             1,
             1000,
             "CPM $27-73: $29.37 (2016), single image mean $72.94 (2026 report)"};
  p[kCtr] = {"ctr",
             "clicks per impression",
             D::beta_mean(0.0056, 400),
             0,
             1,
             "single image CTR 0.56%, range 0.29-0.65% (2026 report)"};
  p[kCvr] = {
      "cvr", "conversions per click", D::beta_mean(0.06, 100), 0, 1, "B2B lead form conversion (assumption)"};
  p[kPaidEngagementRate] = {"paid_engagement_rate",
                            "engagements per paid impression",
                            D::beta_mean(0.004, 500),
                            0,
                            1,
                            "reactions, comments, shares on sponsored content (assumption)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per post per follower",
                          D::beta_mean(0.06, 100),
                          0,
                          1,
                          "4-8% of followers reached daily (Smart Insights)"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "engagements per post per follower",
                               D::beta_mean(0.0034, 2000),
                               0,
                               1,
                               "5.6% of impressions (small 2019 sample) x 6% reach per post"};
  p[kOrganicCtr] = {"organic_ctr",
                    "link clicks per organic impression",
                    D::beta_mean(0.004, 500),
                    0,
                    1,
                    "link clicks on company page posts, below the sponsored CTR of 0.56% (assumption)"};
  p[kDiscoveryImpressions] = {"discovery_impressions",
                              "impressions per post",
                              D::fixed(0),
                              0,
                              1e8,
                              "reshares beyond followers (assumption: none by default)"};
  p[kFollowRate] = {"follow_rate",
                    "followers per engagement",
                    D::beta_mean(0.02, 200),
                    0,
                    1,
                    "share of engagers who follow the page (assumption)"};
  // B2B buying cycles are long: more of a click's conversions come in later weeks.
  p[kConversionCarryover] = {"conversion_carryover",
                             "decay per period",
                             D::uniform(0.3, 0.5),
                             0,
                             0.95,
                             "B2B leads convert weeks after the click (assumption)"};
  return d;
}

}  // namespace splitsim::plugins
