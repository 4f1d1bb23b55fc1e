// Snapchat defaults. Sources and their years are in README.md beside this file.
#include "snapchat_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults snapchat_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "snapchat", "1.0.0", "Snapchat: young audience, CPM near $7, swipe-up near 0.5% (weak sources)");
  auto& p = d.params;
  p[kAudience] = {"audience", "people", D::fixed(500'000),
                  1,          1e9,      "people the ads can target (assumption: set it for your market)"};
  p[kFollowers] = {"followers", "people", D::fixed(2'000),
                   0,           1e9,      "followers at the start (assumption: set it)"};
  p[kCpm] = {"cpm", "money per 1000 impressions", D::log_normal(7.2, 0.4), 0.5,
             500,   "CPM $5-10; $7.23 (Q4 2022)"};
  p[kCtr] = {"ctr",
             "swipe-ups per impression",
             D::beta_mean(0.005, 1000),
             0,
             1,
             "swipe-up rate about 0.5% (weak sources)"};
  p[kCvr] = {"cvr", "conversions per swipe-up", D::beta_mean(0.02, 100), 0, 1, "(assumption)"};
  p[kOrganicReachRate] = {"organic_reach_rate",
                          "impressions per story per follower",
                          D::beta_mean(0.1, 40),
                          0,
                          1,
                          "(assumption: no sourced figure)"};
  p[kOrganicEngagementRate] = {
      "organic_engagement_rate",        "engagements per story per follower", D::beta_mean(0.002, 1000), 0, 1,
      "(assumption: no sourced figure)"};
  return d;
}

}  // namespace splitsim::plugins
