#include "feed_assumptions.hpp"

namespace splitsim::plugins {

FeedDefaults feed_assumptions(std::string name, std::string version, std::string description) {
  using D = Distribution;
  FeedDefaults d;
  d.name = std::move(name);
  d.version = std::move(version);
  d.description = std::move(description);
  auto& p = d.params;
  p[kCpmElasticity] = {"cpm_elasticity",
                       "exponent",
                       D::uniform(0.2, 0.4),
                       0,
                       0.9,
                       "CPM growth with spend: one Facebook account's CPA +80% for 8x spend gives 0.28 "
                       "(assumption range around it)"};
  p[kCpmPeriodNoise] = {"cpm_period_noise",
                        "log-sd per period",
                        D::fixed(0.10),
                        0,
                        1,
                        "period-to-period CPM swings (assumption, near Meta's 8%)"};
  p[kConversionCarryover] = {"conversion_carryover",
                             "decay per period",
                             D::uniform(0.1, 0.3),
                             0,
                             0.95,
                             "conversions after the click's period, geometric (assumption)"};
  p[kPaidEngagementRate] = {"paid_engagement_rate",
                            "engagements per paid impression",
                            D::beta_mean(0.005, 500),
                            0,
                            1,
                            "reactions, comments, shares on ads (assumption)"};
  p[kReachDispersion] = {"reach_dispersion",
                         "negative binomial shape",
                         D::fixed(3.0),
                         0.1,
                         1e6,
                         "uneven exposure between light and heavy users; large = Poisson (assumption)"};
  p[kFatigueDecay] = {"fatigue_decay",
                      "per exposure beyond the first",
                      D::uniform(0.3, 0.7),
                      0,
                      5,
                      "CTR falls after the first exposures (DoubleClick; assumption on the speed)"};
  p[kFatigueFloor] = {"fatigue_floor",
                      "share of response kept",
                      D::uniform(0.5, 0.7),
                      0,
                      1,
                      "CTR plateaus around frequency 4 (DoubleClick): fatigue stops at a floor (assumption)"};
  p[kOrganicCtr] = {"organic_ctr",
                    "link clicks per organic impression",
                    D::beta_mean(0.004, 500),
                    0,
                    1,
                    "link clicks on posts, below ad CTRs (assumption)"};
  p[kDiscoveryImpressions] = {"discovery_impressions",
                              "impressions per post",
                              D::fixed(0),
                              0,
                              1e8,
                              "people beyond followers shown each post (assumption: none by default)"};
  p[kSustainablePostsPerWeek] = {"sustainable_posts_per_week",
                                 "posts per week",
                                 D::fixed(5),
                                 0.1,
                                 100,
                                 "posts a week a team crafts well: brands post about 4-5 a week "
                                 "(Rival IQ 2023-24)"};
  p[kOverpostingElasticity] = {"overposting_elasticity",
                               "exponent",
                               D::fixed(0.5),
                               0,
                               1,
                               "per-post reach x (sustainable / posts)^this beyond the sustainable rate "
                               "(assumption)"};
  p[kOrganicNoise] = {"organic_noise",
                      "log-sd per period",
                      D::fixed(0.25),
                      0,
                      2,
                      "period-to-period swings of organic reach (assumption)"};
  p[kFollowRate] = {"follow_rate",
                    "followers per engagement",
                    D::beta_mean(0.01, 200),
                    0,
                    1,
                    "share of engagers who follow (assumption)"};
  p[kHaloFollowRate] = {"halo_follow_rate",
                        "followers per person reached by ads",
                        D::fixed(0.0005),
                        0,
                        0.05,
                        "small: promoted posts did not lift later organic reach (Wisemetrics; assumption)"};
  p[kReachedBefore] = {"reached_before",
                       "people",
                       D::fixed(0),
                       0,
                       3e9,
                       "people already reached by earlier campaigns, from the last report (carried-in state; "
                       "assumption: none)"};
  p[kConversionsPending] = {
      "conversions_pending",
      "conversions",
      D::fixed(0),
      0,
      1e9,
      "conversions still to come from earlier spend (carried-in state; assumption: none)"};
  return d;
}

}  // namespace splitsim::plugins
