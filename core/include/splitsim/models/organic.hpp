// Organic posting: what posts earn, and what over-posting costs each post.
#pragma once

#include <algorithm>
#include <cstddef>

#include "splitsim/math.hpp"

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
  if (sustainable_per_week <= 0.0) return elasticity > 0.0 ? 0.0 : 1.0;  // 0^elasticity
  return math::power_of_positive(sustainable_per_week / posts_per_week, elasticity);
}

// The same for n trials posting at one rate: quality[i] is, bit for bit,
// posting_quality(posts_per_week, sustainable_per_week[i], elasticity[i]).
inline void posting_quality(double posts_per_week, const double* sustainable_per_week,
                            const double* elasticity, double* quality, std::size_t n) {
  // Most plans post within every trial's sustainable rate: then no power is needed at all.
  if (!std::any_of(sustainable_per_week, sustainable_per_week + n, [&](double sustainable) {
        return !(posts_per_week <= sustainable || posts_per_week <= 0.0);
      })) {
    std::fill(quality, quality + n, 1.0);
    return;
  }
  constexpr std::size_t kLanes = 64;
  for (std::size_t done = 0; done < n; done += kLanes) {
    const std::size_t m = std::min(kLanes, n - done);
    const double* sustainable = sustainable_per_week + done;
    double power[kLanes];  // (sustainable / posts)^elasticity where it applies, by exp(elasticity log(ratio))
    for (std::size_t i = 0; i < m; ++i)
      power[i] = sustainable[i] > 0.0 ? sustainable[i] / posts_per_week : 1.0;
    math::power_of_positive(power, elasticity + done, power, m);
    for (std::size_t i = 0; i < m; ++i) {
      const double e = elasticity[done + i];
      quality[done + i] = posts_per_week <= sustainable[i] || posts_per_week <= 0.0 ? 1.0
                          : sustainable[i] <= 0.0                                   ? (e > 0.0 ? 0.0 : 1.0)
                                                                                    : power[i];
    }
  }
}

// New followers: engagers who follow, plus people newly reached by ads who follow (the paid-to-organic halo;
// they raise the reach of later organic posts).
inline double followers_gained(double engagements, double follow_rate, double new_paid_reach,
                               double halo_follow_rate) {
  return engagements * follow_rate + new_paid_reach * halo_follow_rate;
}

}  // namespace splitsim::models
