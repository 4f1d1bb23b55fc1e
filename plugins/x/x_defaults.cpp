// X (Twitter) defaults. Sources and their years are in README.md beside this file.
#include "x_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults x_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "x", "1.0.0", "X (Twitter): cheap clicks and engagements, very low organic engagement per follower");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(500'000),
                  1,          1e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(5'000),
                   0,           1e9,      "account followers at the start (assumption: set it)"};
  p[kCpm] = {"cpm",
             "money per 1000 impressions",
             D::log_normal(6.9, 0.5),
             0.5,
             500,
             "CPM $6.93 (2016; old, hence the wide spread)"};
  p[kCtr] = {"ctr",
             "clicks per impression",
             D::beta_mean(0.015, 200),
             0,
             1,
             "assumption: CPC $0.26-0.50 (WebFX) with CPM $6.93 (2016) would imply 1.4-2.7%, but the sources "
             "differ"};
  p[kCvr] = {"cvr", "conversions per click", D::beta_mean(0.02, 100), 0, 1, "(assumption)"};
  p[kPaidEngagementRate] = {"paid_engagement_rate",
                            "engagements per paid impression",
                            D::beta_mean(0.005, 300),
                            0,
                            1,
                            "cost per engagement $1.01-2.00 (WebFX) at CPM $6.93 implies 0.35-0.7%"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per post per follower",
                          D::beta_mean(0.03, 60),
                          0,
                          1,
                          "(assumption: no sourced figure)"};
  p[kOrganicEngagementRate] = {"organic_engagement_rate",
                               "engagements per post per follower",
                               D::beta_mean(0.00035, 20000),
                               0,
                               1,
                               "0.035% of followers per post (Rival IQ, 2023)"};
  p[kSustainablePostsPerWeek] = {"sustainable_posts_per_week",
                                 "posts per week",
                                 D::fixed(4),
                                 0.1,
                                 100,
                                 "brands post about 3.9 a week (Rival IQ, 2023)"};
  return d;
}

}  // namespace splitsim::plugins
