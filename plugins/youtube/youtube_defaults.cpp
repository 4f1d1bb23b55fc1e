// YouTube defaults. Sources and their years are in README.md beside this file.
#include "youtube_defaults.hpp"

#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults youtube_defaults() {
  using D = Distribution;
  FeedDefaults d = feed_assumptions(
      "youtube", "1.0.0",
      "YouTube video: low CPM, engagements are views (~32% of impressions), demand acted on weeks later");
  // A channel publishes videos to subscribers, and its ads' engagements are views.
  d.set_unit(kPaidEngagementRate, "views per paid impression");
  d.set_unit(kOrganicReachRate, "impressions per video per subscriber");
  d.set_unit(kOrganicEngagementRate, "engagements per video per subscriber");
  d.set_unit(kDiscoveryImpressions, "impressions per video");
  d.set_unit(kSustainablePostsPerWeek, "videos per week");
  d.set_user_base(3e9);
  d.set(kAudience, D::fixed(1'000'000), "people the ads can target (assumption: set it for your market)");
  d.set(kFollowers, D::fixed(5'000), "channel subscribers at the start (assumption: set it)");
  d.set(kCpm, D::log_normal(6.0, 0.45), "CPM $3.53 (2021), $6.45 (Q4 2022)");
  d.set(kCtr, D::beta_mean(0.005, 200), "clicks to the site from in-stream ads (assumption)");
  d.set(kCvr, D::beta_mean(0.03, 100), "(assumption)");
  d.set(kConversionCarryover, D::uniform(0.3, 0.5),
        "video builds demand acted on in later weeks (assumption)");
  d.set(kPaidEngagementRate, D::beta_mean(0.32, 50),
        "view rate about 32%; with CPM $6.45 a cost per view of $0.02 (range $0.02-0.03)");
  d.set(kOrganicReachRate, D::beta_mean(0.05, 50),
        "subscribers shown a new video (assumption: no sourced figure)");
  d.set(kOrganicEngagementRate, D::beta_mean(0.002, 1000),
        "likes, comments, shares per subscriber (assumption)");
  d.set(kDiscoveryImpressions, D::log_normal(300, 1.2),
        "search and suggested videos beyond subscribers (assumption)");
  d.set(kSustainablePostsPerWeek, D::fixed(2), "edited video takes hours per minute (assumption)");
  d.set(kReplyShare, D::fixed(0.0005),
        "engagements are views: about 1 comment needing an answer per 2,000 views (assumption)");
  d.set(kSimplePostWeight, D::fixed(0.2), "a community post, seen by a fraction of subscribers (assumption)");
  d.set(kVideoPostWeight, D::fixed(2.0),
        "the network is video: an image is only a community post (assumption)");
  return d;
}

}  // namespace splitsim::plugins
