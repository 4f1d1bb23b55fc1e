// Snapchat defaults. Sources and their years are in README.md beside this file.
#include "snapchat_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults snapchat_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "snapchat", "1.0.0", "Snapchat: young audience, CPM near $7, swipe-up near 0.5% (weak sources)");
  // Ads are clicked by swiping up, and organic posts are stories.
  d.set_unit(kCtr, "swipe-ups per impression");
  d.set_unit(kCvr, "conversions per swipe-up");
  d.set_unit(kOrganicReachRate, "impressions per story per follower");
  d.set_unit(kOrganicEngagementRate, "engagements per story per follower");
  d.set_user_base(1e9);
  d.set(kAudience, D::fixed(500'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(2'000), "followers at the start (assumption: set it)");
  d.set(kCpm, D::log_normal(7.2, 0.4), "CPM $5-10; $7.23 (Q4 2022)");
  d.set(kCtr, D::beta_mean(0.005, 1000), "swipe-up rate about 0.5% (weak sources)");
  d.set(kCvr, D::beta_mean(0.02, 100), "(assumption)");
  d.set(kOrganicReachRate, D::beta_mean(0.1, 40), "(assumption: no sourced figure)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.002, 1000), "(assumption: no sourced figure)");
  d.set(kReplyShare, D::fixed(0.005), "engagements are story views and swipes: few replies (assumption)");
  d.set(kSimplePostWeight, D::fixed(0.4), "a text snap earns little in a camera-first app (assumption)");
  d.set(kVideoPostWeight, D::fixed(1.3), "short video is the network's native post (assumption)");
  return d;
}

}  // namespace splitsim::plugins
