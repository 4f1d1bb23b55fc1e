// LinkedIn defaults. Sources and their years are in README.md beside this file.
#include "linkedin_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults linkedin_defaults() {
  using D = Distribution;
  FeedDefaults d =
      feed_assumptions("linkedin", "1.1.0",
                       "LinkedIn feed: high CPM, strong B2B conversion, higher organic reach than Facebook");
  d.set_user_base(1.5e9);
  d.set(kAudience, D::fixed(300'000),
        "professionals the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(5'000), "company page followers at the start (assumption: set it)");
  // CPMs several times other networks' (single image mean $72.94): the valid range sits higher too.
  d.set_range(kCpm, 1, 1000);
  d.set(kCpm, D::log_normal(40.0, 0.45), "CPM $27-73: $29.37 (2016), single image mean $72.94 (2026 report)");
  d.set(kCtr, D::beta_mean(0.0056, 400), "single image CTR 0.56%, range 0.29-0.65% (2026 report)");
  d.set(kCvr, D::beta_mean(0.06, 100), "B2B lead form conversion (assumption)");
  d.set(kPaidEngagementRate, D::beta_mean(0.004, 500),
        "reactions, comments, shares on sponsored content (assumption)");
  d.set(kOrganicReachRate, D::beta_mean(0.06, 100), "4-8% of followers reached daily (Smart Insights)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.0034, 2000),
        "5.6% of impressions (small 2019 sample) x 6% reach per post");
  d.set(kOrganicCtr, D::beta_mean(0.004, 500),
        "link clicks on company page posts, below the sponsored CTR of 0.56% (assumption)");
  d.set(kDiscoveryImpressions, D::fixed(0), "reshares beyond followers (assumption: none by default)");
  d.set(kFollowRate, D::beta_mean(0.02, 200), "share of engagers who follow the page (assumption)");
  // B2B buying cycles are long: more of a click's conversions come in later weeks.
  d.set(kConversionCarryover, D::uniform(0.3, 0.5), "B2B leads convert weeks after the click (assumption)");
  d.set(kReplyShare, D::fixed(0.04), "comments on company posts are answered more often in B2B (assumption)");
  d.set(kSimplePostWeight, D::fixed(0.9), "text-only posts do well in a professional feed (assumption)");
  d.set(kVideoPostWeight, D::fixed(0.9), "video earns no more than an image post in the feed (assumption)");
  return d;
}

}  // namespace splitsim::plugins
