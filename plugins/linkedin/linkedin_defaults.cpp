// LinkedIn defaults. Sources and their years are in README.md beside this file.
#include "linkedin_defaults.hpp"

namespace splitsim::plugins {

FeedDefaults linkedin_defaults() {
  using D = Distribution;
  FeedDefaults d;
  d.name = "linkedin";
  d.version = "1.0.0";
  d.description =
      "LinkedIn feed: high CPM, strong B2B conversion, higher organic reach per post than Facebook";
  d.params[kAudience] = {
      "audience", "people", D::fixed(300'000),
      1,          1.5e9,    "professionals the ads can target (assumption: set it for your market)"};
  d.params[kFollowers] = {"followers", "people", D::fixed(5'000),
                          0,           1.5e9,    "company page followers at the start (assumption: set it)"};
  d.params[kCpm] = {"cpm",
                    "money per 1000 impressions",
                    D::log_normal(40.0, 0.45),
                    1,
                    1000,
                    "CPM $27-73: $29.37 (2016), single image mean $72.94 (2026 report)"};
  d.params[kCpmElasticity] = {"cpm_elasticity",
                              "exponent",
                              D::uniform(0.2, 0.4),
                              0,
                              0.9,
                              "CPM growth with spend, as for Meta (assumption)"};
  d.params[kCpmPeriodNoise] = {"cpm_period_noise",
                               "log-sd per period",
                               D::fixed(0.10),
                               0,
                               1,
                               "period-to-period CPM swings (assumption)"};
  d.params[kCtr] = {"ctr",
                    "clicks per impression",
                    D::beta_mean(0.0056, 400),
                    0,
                    1,
                    "single image CTR 0.56%, range 0.29-0.65% (2026 report)"};
  d.params[kCvr] = {
      "cvr", "conversions per click", D::beta_mean(0.06, 100), 0, 1, "B2B lead form conversion (assumption)"};
  d.params[kPaidEngagementRate] = {"paid_engagement_rate",
                                   "engagements per paid impression",
                                   D::beta_mean(0.004, 500),
                                   0,
                                   1,
                                   "reactions, comments, shares on sponsored content (assumption)"};
  d.params[kOrganicReachRate] = {"organic_reach_rate",
                                 "impressions per post per follower",
                                 D::beta_mean(0.06, 100),
                                 0,
                                 1,
                                 "4-8% of followers reached daily (Smart Insights)"};
  d.params[kOrganicEngagementRate] = {"organic_engagement_rate",
                                      "engagements per post per follower",
                                      D::beta_mean(0.0034, 2000),
                                      0,
                                      1,
                                      "5.6% of impressions (small 2019 sample) x 6% reach per post"};
  d.params[kOrganicCtr] = {
      "organic_ctr",
      "link clicks per organic impression",
      D::beta_mean(0.004, 500),
      0,
      1,
      "link clicks on company page posts, below the sponsored CTR of 0.56% (assumption)"};
  d.params[kDiscoveryImpressions] = {"discovery_impressions",
                                     "impressions per post",
                                     D::fixed(0),
                                     0,
                                     1e8,
                                     "reshares beyond followers (assumption: none by default)"};
  d.params[kOrganicNoise] = {"organic_noise",
                             "log-sd per period",
                             D::fixed(0.25),
                             0,
                             2,
                             "period-to-period swings of organic reach (assumption)"};
  d.params[kFollowRate] = {"follow_rate",
                           "followers per engagement",
                           D::beta_mean(0.02, 200),
                           0,
                           1,
                           "share of engagers who follow the page (assumption)"};
  d.params[kHaloFollowRate] = {
      "halo_follow_rate",
      "followers per person reached by ads",
      D::fixed(0.0005),
      0,
      0.05,
      "small: promoted posts did not lift later organic reach (Wisemetrics; assumption)"};
  return d;
}

}  // namespace splitsim::plugins
