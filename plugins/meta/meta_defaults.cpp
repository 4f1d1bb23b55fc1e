// Meta (Facebook) defaults. Sources and their years are in README.md beside this file.
#include "meta_defaults.hpp"

namespace splitsim::plugins {

FeedDefaults meta_defaults() {
  using D = Distribution;
  FeedDefaults d;
  d.name = "meta";
  d.version = "1.0.0";
  d.description = "Facebook feed: auction CPM rising with spend, Poisson reach, low organic reach per post";
  d.params[kAudience] = {
      "audience", "people", D::fixed(1'000'000),
      1,          3e9,      "people the ads can target (assumption: set it for your market)"};
  d.params[kFollowers] = {"followers", "people", D::fixed(10'000),
                          0,           3e9,      "page followers at the start (assumption: set it)"};
  d.params[kCpm] = {"cpm",
                    "money per 1000 impressions",
                    D::log_normal(12.0, 0.4),
                    0.5,
                    500,
                    "base CPM at low spend: US $9.56 (2024, narrative.bi) to $19.80 (2024-25, superads.ai)"};
  d.params[kCpmElasticity] = {
      "cpm_elasticity",
      "exponent",
      D::uniform(0.2, 0.4),
      0,
      0.9,
      "CPM growth with spend: CPA +80% for 8x spend gives 0.28 (one account; assumption range)"};
  d.params[kCpmPeriodNoise] = {"cpm_period_noise",
                               "log-sd per period",
                               D::fixed(0.08),
                               0,
                               1,
                               "month-to-month CPM swings of about 8% (superads.ai, 2024-25)"};
  d.params[kCtr] = {"ctr",
                    "clicks per impression",
                    D::beta_mean(0.009, 400),
                    0,
                    1,
                    "all-clicks CTR 0.90% (WordStream, 2017, 256 US accounts)"};
  d.params[kCvr] = {"cvr",
                    "conversions per click",
                    D::beta_mean(0.0921, 100),
                    0,
                    1,
                    "conversion rate 9.21% (WordStream, 2017)"};
  d.params[kPaidEngagementRate] = {"paid_engagement_rate",
                                   "engagements per paid impression",
                                   D::beta_mean(0.005, 500),
                                   0,
                                   1,
                                   "reactions, comments, shares on ads (assumption)"};
  d.params[kOrganicReachRate] = {
      "organic_reach_rate",
      "impressions per post per follower",
      D::beta_mean(0.05, 60),
      0,
      1,
      "reach per post 2.2% (Ignite, 2021) to 8.6% (Socialinsider, 2022) of followers"};
  d.params[kOrganicEngagementRate] = {"organic_engagement_rate",
                                      "engagements per post per follower",
                                      D::beta_mean(0.0006, 5000),
                                      0,
                                      1,
                                      "0.06% of followers per post (Rival IQ, 2023-24)"};
  d.params[kOrganicCtr] = {"organic_ctr",
                           "link clicks per organic impression",
                           D::beta_mean(0.005, 500),
                           0,
                           1,
                           "link clicks on page posts, below the all-clicks ad CTR of 0.90% (assumption)"};
  d.params[kDiscoveryImpressions] = {
      "discovery_impressions",
      "impressions per post",
      D::fixed(0),
      0,
      1e8,
      "shares and suggested posts beyond followers (assumption: none by default)"};
  d.params[kOrganicNoise] = {"organic_noise",
                             "log-sd per period",
                             D::fixed(0.25),
                             0,
                             2,
                             "period-to-period swings of organic reach (assumption)"};
  d.params[kFollowRate] = {"follow_rate",
                           "followers per engagement",
                           D::beta_mean(0.01, 200),
                           0,
                           1,
                           "share of engagers who follow (assumption)"};
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
