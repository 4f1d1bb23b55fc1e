// Organic posting: what posts earn, and what over-posting costs each post.
#pragma once

#include <cmath>

namespace splitsim::models {

// Impressions of one post: followers who see it (followers x organic reach rate) plus people the network's
// recommendation feeds show it to (discovery, the main source on TikTok-like feeds).
inline double organic_impressions_per_post(double followers, double reach_rate, double discovery) {
  return followers * reach_rate + discovery;
}

// Quality multiplier per post when posting `posts_per_week` against the `sustainable_per_week` a team can
// craft well: 1 up to it, then (sustainable / posts)^elasticity. With elasticity in [0, 1] the total
// (posts x multiplier) never falls as posts rise, but each post beyond the sustainable rate earns less.
inline double posting_quality(double posts_per_week, double sustainable_per_week, double elasticity) {
  if (posts_per_week <= sustainable_per_week || posts_per_week <= 0.0) return 1.0;
  return std::pow(sustainable_per_week / posts_per_week, elasticity);
}

// New followers: engagers who follow, plus people newly reached by ads who follow (the paid-to-organic halo;
// they raise the reach of later organic posts).
inline double followers_gained(double engagements, double follow_rate, double new_paid_reach,
                               double halo_follow_rate) {
  return engagements * follow_rate + new_paid_reach * halo_follow_rate;
}

}  // namespace splitsim::models
