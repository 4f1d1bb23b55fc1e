// Meta (Facebook) defaults. Sources and their years are in README.md beside this file.
#include "meta_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults meta_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "meta", "1.1.0",
      "Facebook feed: auction CPM rising with spend, all-clicks CTR near 1%, low organic reach");
  d.set_user_base(3e9);
  d.set(kAudience, D::fixed(1'000'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(10'000), "page followers at the start (assumption: set it)");
  d.set(kCpm, D::log_normal(12.0, 0.4),
        "base CPM at low spend: US $9.56 (2024, narrative.bi) to $19.80 (2024-25, superads.ai)");
  d.set(kCpmPeriodNoise, D::fixed(0.08), "month-to-month CPM swings of about 8% (superads.ai, 2024-25)");
  d.set(kCtr, D::beta_mean(0.009, 400), "all-clicks CTR 0.90% (WordStream, 2017, 256 US accounts)");
  d.set(kCvr, D::beta_mean(0.0921, 100), "conversion rate 9.21% (WordStream, 2017)");
  d.set(kOrganicReachRate, D::beta_mean(0.05, 60),
        "reach per post 2.2% (Ignite, 2021) to 8.6% (Socialinsider, 2022) of followers");
  d.set(kOrganicEngagementRate, D::beta_mean(0.0006, 5000),
        "0.06% of followers per post (Rival IQ, 2023-24)");
  d.set(kOrganicCtr, D::beta_mean(0.005, 500),
        "link clicks on page posts, below the all-clicks ad CTR of 0.90% (assumption)");
  d.set(kReplyShare, D::fixed(0.03),
        "comments and messages needing an answer: about 3 in 100 reactions, comments and shares (assumption)");
  return d;
}

}  // namespace splitsim::plugins
