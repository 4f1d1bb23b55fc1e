#include "feed_assumptions.hpp"

#include <utility>

namespace splitsim::plugins {

FeedDefaults feed_assumptions(std::string name, std::string version, std::string description) {
  using D = Distribution;
  FeedDefaults d(std::move(name), std::move(version), std::move(description));
  d.set(kCpmElasticity, D::uniform(0.2, 0.4),
        "CPM growth with spend: one Facebook account's CPA +80% for 8x spend gives 0.28 "
        "(assumption range around it)");
  d.set(kCpmPeriodNoise, D::fixed(0.10), "period-to-period CPM swings (assumption, near Meta's 8%)");
  d.set(kConversionCarryover, D::uniform(0.1, 0.3),
        "conversions after the click's period, geometric (assumption)");
  d.set(kPaidEngagementRate, D::beta_mean(0.005, 500), "reactions, comments, shares on ads (assumption)");
  d.set(kReachDispersion, D::fixed(3.0),
        "uneven exposure between light and heavy users; large = Poisson (assumption)");
  d.set(kFatigueDecay, D::uniform(0.3, 0.7),
        "CTR falls after the first exposures (DoubleClick; assumption on the speed)");
  d.set(kFatigueFloor, D::uniform(0.5, 0.7),
        "CTR plateaus around frequency 4 (DoubleClick): fatigue stops at a floor (assumption)");
  d.set(kOrganicCtr, D::beta_mean(0.004, 500), "link clicks on posts, below ad CTRs (assumption)");
  d.set(kDiscoveryImpressions, D::fixed(0),
        "people beyond followers shown each post (assumption: none by default)");
  d.set(kSustainablePostsPerWeek, D::fixed(5),
        "posts a week a team crafts well: brands post about 4-5 a week (Rival IQ 2023-24)");
  d.set(kOverpostingElasticity, D::fixed(0.5),
        "per-post reach x (sustainable / posts)^this beyond the sustainable rate (assumption)");
  d.set(kOrganicNoise, D::fixed(0.25), "period-to-period swings of organic reach (assumption)");
  d.set(kFollowRate, D::beta_mean(0.01, 200), "share of engagers who follow (assumption)");
  d.set(kHaloFollowRate, D::fixed(0.0005),
        "small: promoted posts did not lift later organic reach (Wisemetrics; assumption)");
  d.set(kReachedBefore, D::fixed(0),
        "people already reached by earlier campaigns, from the last report (carried-in state; "
        "assumption: none)");
  d.set(kConversionsPending, D::fixed(0),
        "conversions still to come from earlier spend (carried-in state; assumption: none)");
  d.set(kReplyShare, D::fixed(0.02),
        "engagements that need a reply or moderation (comments, messages; not likes or views): "
        "assumption, set it from your inbox");
  d.set(kSimplePostWeight, D::fixed(0.6),
        "a short text update reaches fewer people than a crafted image post (assumption)");
  d.set(kVideoPostWeight, D::fixed(1.3), "feeds push short video beyond a crafted image post (assumption)");
  return d;
}

}  // namespace splitsim::plugins
