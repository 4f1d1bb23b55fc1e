// The bundled feed model composed one trial at a time from the SDK's scalar model blocks: the plugin's
// vectorised kernel (plugins/common/feed_platform.cpp) must give these numbers bit for bit. Kept as the
// independent reference, the way the model was first written.
#pragma once

#include <cmath>
#include <cstdint>
#include <splitsim/models/auction.hpp>
#include <splitsim/models/carryover.hpp>
#include <splitsim/models/fatigue.hpp>
#include <splitsim/models/organic.hpp>
#include <splitsim/models/reach.hpp>
#include <splitsim/output_buffers.hpp>
#include <splitsim/simulation_block.hpp>

#include "feed_parameters.hpp"

namespace splitsim::plugins::reference {

inline void simulate_feed_one_trial_at_a_time(const SimulationBlock& block, const OutputBuffers& out) {
  constexpr std::uint32_t kCpmNoiseDraw = 0;
  constexpr std::uint32_t kOrganicNoiseDraw = 1;
  for (std::size_t i = 0; i < block.trials; ++i) {
    const std::uint64_t trial = block.first_trial + i;
    const double audience = block.param(kAudience, i);
    const double cpm = block.param(kCpm, i);
    const double elasticity = block.param(kCpmElasticity, i);
    const double cpm_noise = block.param(kCpmPeriodNoise, i);
    const double ctr = block.param(kCtr, i);
    const double cvr = block.param(kCvr, i);
    const double carryover = block.param(kConversionCarryover, i);
    const double paid_engagement_rate = block.param(kPaidEngagementRate, i);
    const double dispersion = block.param(kReachDispersion, i);
    const double fatigue_decay = block.param(kFatigueDecay, i);
    const double fatigue_floor = block.param(kFatigueFloor, i);
    const double organic_reach_rate = block.param(kOrganicReachRate, i);
    const double organic_engagement_rate = block.param(kOrganicEngagementRate, i);
    const double organic_ctr = block.param(kOrganicCtr, i);
    const double discovery = block.param(kDiscoveryImpressions, i);
    const double sustainable_per_week = block.param(kSustainablePostsPerWeek, i);
    const double overposting = block.param(kOverpostingElasticity, i);
    // Sources give organic engagement per follower per post; per impression it is that over the reach rate.
    const double organic_engagement_per_impression =
        organic_reach_rate > 0.0 ? organic_engagement_rate / organic_reach_rate : 0.0;
    const double organic_noise = block.param(kOrganicNoise, i);
    // The format's weight scales what each post earns, not how many the team can craft well.
    const double format_weight =
        block.plan.post_format == PostFormat::kSimple  ? block.param(kSimplePostWeight, i)
        : block.plan.post_format == PostFormat::kVideo ? block.param(kVideoPostWeight, i)
                                                       : 1.0;
    const double follow_rate = block.param(kFollowRate, i);
    const double halo_follow_rate = block.param(kHaloFollowRate, i);
    const double weeks_per_period = block.period_days / 7.0;
    out.audience[i] = audience;

    double followers = block.param(kFollowers, i);
    // People reached before the horizon are not new again: start the reach curve where they left it.
    double reached = std::fmin(block.param(kReachedBefore, i), audience);
    double cumulative_impressions = models::impressions_for_reach(reached, audience, dispersion);
    double conversion_stock = 0.0;
    const double pending = block.param(kConversionsPending, i);
    double pending_decay = 1.0;  // decay^t
    double* spend_out = out.row(Output::kSpend, i);
    double* paid_out = out.row(Output::kPaidImpressions, i);
    double* organic_out = out.row(Output::kOrganicImpressions, i);
    double* reach_out = out.row(Output::kReach, i);
    double* engagements_out = out.row(Output::kEngagements, i);
    double* clicks_out = out.row(Output::kClicks, i);
    double* conversions_out = out.row(Output::kConversions, i);
    double* followers_out = out.row(Output::kFollowersGained, i);

    for (std::size_t t = 0; t < block.periods; ++t) {
      const auto period = static_cast<std::uint32_t>(t);
      const double spend = block.plan.paid_spend[t];
      const double posts = block.plan.organic_posts[t];

      const double paid =
          spend > 0.0
              ? models::impressions_bought(
                    spend, cpm * block.noise.mean_one_log_normal(trial, period, kCpmNoiseDraw, cpm_noise),
                    audience, elasticity)
              : 0.0;
      const double quality =
          weeks_per_period > 0.0
              ? models::posting_quality(posts / weeks_per_period, sustainable_per_week, overposting)
              : 1.0;
      const double organic =
          posts > 0.0 ? posts * quality * format_weight *
                            models::organic_impressions_per_post(followers, organic_reach_rate, discovery) *
                            block.noise.mean_one_log_normal(trial, period, kOrganicNoiseDraw, organic_noise)
                      : 0.0;

      cumulative_impressions += paid + organic;
      const double reach_so_far =
          models::negative_binomial_reach(cumulative_impressions, audience, dispersion);
      const double new_reach = std::fmax(0.0, reach_so_far - reached);
      reached = std::fmax(reached, reach_so_far);
      const double paid_new_reach = paid + organic > 0.0 ? new_reach * paid / (paid + organic) : 0.0;
      const double fatigue = models::fatigue_multiplier(
          models::average_frequency(cumulative_impressions, reached), fatigue_decay, fatigue_floor);

      const double clicks = paid * ctr * fatigue + organic * organic_ctr;
      const double engagements =
          organic * organic_engagement_per_impression + paid * paid_engagement_rate * fatigue;
      const double gained =
          models::followers_gained(engagements, follow_rate, paid_new_reach, halo_follow_rate);
      conversion_stock = models::geometric_adstock(conversion_stock, clicks * cvr, carryover);

      spend_out[t] = spend;
      paid_out[t] = paid;
      organic_out[t] = organic;
      reach_out[t] = new_reach;
      engagements_out[t] = engagements;
      clicks_out[t] = clicks;
      // Earlier spend's conversions arrive as its carryover implies: (1 - decay) decay^t of them in period t.
      conversions_out[t] = models::geometric_release(conversion_stock, carryover) +
                           (1.0 - carryover) * pending_decay * pending;
      pending_decay *= carryover;
      followers_out[t] = gained;
      followers += gained;
    }
  }
}

}  // namespace splitsim::plugins::reference
