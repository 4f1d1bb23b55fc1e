// Meta (Facebook) defaults. Sources and their years are in README.md beside this file.
#include "meta_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults meta_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "meta", "1.1.0",
      "Facebook feed: auction CPM rising with spend, all-clicks CTR near 1%, low organic reach");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(1'000'000),
                  1,          3e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(10'000),
                   0,           3e9,      "page followers at the start (assumption: set it)"};
  p[kCpm] = {"cpm",
             "money per 1000 impressions",
             D::log_normal(12.0, 0.4),
             0.5,
             500,
             "base CPM at low spend: US $9.56 (2024, narrative.bi) to $19.80 (2024-25, superads.ai)"};
  p[kCpmPeriodNoise] = {"cpm_period_noise",
                        "log-sd per period",
                        D::fixed(0.08),
                        0,
                        1,
                        "month-to-month CPM swings of about 8% (superads.ai, 2024-25)"};
  p[kCtr] = {"ctr",
             "clicks per impression",
             D::beta_mean(0.009, 400),
             0,
             1,
             "all-clicks CTR 0.90% (WordStream, 2017, 256 US accounts)"};
  p[kCvr] = {"cvr",
             "conversions per click",
             D::beta_mean(0.0921, 100),
             0,
             1,
             "conversion rate 9.21% (WordStream, 2017)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per post per follower",
                          D::beta_mean(0.05, 60),
                          0,
                          1,
                          "reach per post 2.2% (Ignite, 2021) to 8.6% (Socialinsider, 2022) of followers"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "engagements per post per follower",
                               D::beta_mean(0.0006, 5000),
                               0,
                               1,
                               "0.06% of followers per post (Rival IQ, 2023-24)"};
  p[kOrganicCtr] = {"organic_ctr",
                    "link clicks per organic impression",
                    D::beta_mean(0.005, 500),
                    0,
                    1,
                    "link clicks on page posts, below the all-clicks ad CTR of 0.90% (assumption)"};
  return d;
}

}  // namespace splitsim::plugins
