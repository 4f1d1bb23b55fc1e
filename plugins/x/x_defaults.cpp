// X (Twitter) defaults. Sources and their years are in README.md beside this file.
#include "x_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults x_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "x", "1.0.0", "X (Twitter): cheap clicks and engagements, very low organic engagement per follower");
  d.set_user_base(1e9);
  d.set(kAudience, D::fixed(500'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(5'000), "account followers at the start (assumption: set it)");
  d.set(kCpm, D::log_normal(6.9, 0.5), "CPM $6.93 (2016; old, hence the wide spread)");
  d.set(kCtr, D::beta_mean(0.015, 200),
        "assumption: CPC $0.26-0.50 (WebFX) with CPM $6.93 (2016) would imply 1.4-2.7%, but the sources "
        "differ");
  d.set(kCvr, D::beta_mean(0.02, 100), "(assumption)");
  d.set(kPaidEngagementRate, D::beta_mean(0.005, 300),
        "cost per engagement $1.01-2.00 (WebFX) at CPM $6.93 implies 0.35-0.7%");
  d.set(kOrganicReachRate, D::beta_mean(0.03, 60), "(assumption: no sourced figure)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.00035, 20000),
        "0.035% of followers per post (Rival IQ, 2023)");
  d.set(kSustainablePostsPerWeek, D::fixed(4), "brands post about 3.9 a week (Rival IQ, 2023)");
  d.set(kReplyShare, D::fixed(0.04), "replies and mentions needing an answer (assumption)");
  d.set(kSimplePostWeight, D::fixed(1.0), "text is the network's native post (assumption)");
  d.set(kVideoPostWeight, D::fixed(1.2), "video stands out a little in a text feed (assumption)");
  return d;
}

}  // namespace splitsim::plugins
