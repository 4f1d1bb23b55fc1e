#include "feed_platform.hpp"

#include <algorithm>
#include <cmath>
#include <splitsim/models/auction.hpp>
#include <splitsim/models/carryover.hpp>
#include <splitsim/models/fatigue.hpp>
#include <splitsim/models/organic.hpp>
#include <splitsim/models/reach.hpp>
#include <stdexcept>
#include <string>

namespace splitsim::plugins {
namespace {

// Draw indices of the noise stream, one per purpose, so adding one never shifts another.
constexpr std::uint32_t kCpmNoiseDraw = 0;
constexpr std::uint32_t kOrganicNoiseDraw = 1;

}  // namespace

FeedPlatform::FeedPlatform(FeedDefaults d) {
  info_.name = std::move(d.name);
  info_.version = std::move(d.version);
  info_.description = std::move(d.description);
  for (std::size_t p = 0; p < d.params.size(); ++p) {
    if (!d.has_default.test(p)) {
      throw std::logic_error(info_.name + ": feed parameter " + d.params[p].name + " has no default");
    }
  }
  info_.params.assign(d.params.begin(), d.params.end());
}

void FeedPlatform::simulate(const SimulationBlock& block, const OutputBuffers& out) const {
  for (std::size_t first = 0; first < block.trials; first += kLanes) {
    simulate_lanes(block, first, std::min(kLanes, block.trials - first), out);
  }
}

// Trials first .. first + n - 1 of the block, period by period: every step below runs over the trials as
// arrays (the SDK's vector model blocks and noise), so the transcendental functions take several trials per
// instruction. Each trial's figures are, bit for bit, the one-trial composition of the same blocks (a test
// keeps that composition and compares).
void FeedPlatform::simulate_lanes(const SimulationBlock& block, std::size_t first, std::size_t n,
                                  const OutputBuffers& out) {
  const auto param = [&](FeedParam p) { return block.params[p] + first; };
  const double* audience = param(kAudience);
  const double* cpm = param(kCpm);
  const double* elasticity = param(kCpmElasticity);
  const double* cpm_noise = param(kCpmPeriodNoise);
  const double* ctr = param(kCtr);
  const double* cvr = param(kCvr);
  const double* carryover = param(kConversionCarryover);
  const double* paid_engagement_rate = param(kPaidEngagementRate);
  const double* dispersion = param(kReachDispersion);
  const double* fatigue_decay = param(kFatigueDecay);
  const double* fatigue_floor = param(kFatigueFloor);
  const double* organic_reach_rate = param(kOrganicReachRate);
  const double* organic_ctr = param(kOrganicCtr);
  const double* discovery = param(kDiscoveryImpressions);
  const double* sustainable_per_week = param(kSustainablePostsPerWeek);
  const double* overposting = param(kOverpostingElasticity);
  const double* organic_noise = param(kOrganicNoise);
  const double* follow_rate = param(kFollowRate);
  const double* halo_follow_rate = param(kHaloFollowRate);
  const double* pending = param(kConversionsPending);
  const double weeks_per_period = block.period_days / 7.0;
  const std::uint64_t first_trial = block.first_trial + first;

  // State carried from period to period, one element per trial.
  double followers[kLanes], reached[kLanes], cumulative_impressions[kLanes], conversion_stock[kLanes],
      pending_decay[kLanes];
  // Per-trial constants.
  double organic_engagement_per_impression[kLanes], format_weight[kLanes];
  for (std::size_t i = 0; i < n; ++i) {
    out.audience[first + i] = audience[i];
    followers[i] = param(kFollowers)[i];
    // People reached before the horizon are not new again: start the reach curve where they left it.
    reached[i] = std::fmin(param(kReachedBefore)[i], audience[i]);
    cumulative_impressions[i] = models::impressions_for_reach(reached[i], audience[i], dispersion[i]);
    conversion_stock[i] = 0.0;
    pending_decay[i] = 1.0;  // decay^t
    // Sources give organic engagement per follower per post; per impression it is that over the reach rate.
    const double rate = organic_reach_rate[i];
    organic_engagement_per_impression[i] = rate > 0.0 ? param(kOrganicEngagementRate)[i] / rate : 0.0;
    // The format's weight scales what each post earns, not how many the team can craft well.
    format_weight[i] = block.plan.post_format == PostFormat::kSimple  ? param(kSimplePostWeight)[i]
                       : block.plan.post_format == PostFormat::kVideo ? param(kVideoPostWeight)[i]
                                                                      : 1.0;
  }

  double paid[kLanes], organic[kLanes], scratch[kLanes], reach_so_far[kLanes], fatigue[kLanes];
  for (std::size_t t = 0; t < block.periods; ++t) {
    const auto period = static_cast<std::uint32_t>(t);
    const double spend = block.plan.paid_spend[t];
    const double posts = block.plan.organic_posts[t];

    if (spend > 0.0) {
      block.noise.mean_one_log_normal(first_trial, n, period, kCpmNoiseDraw, cpm_noise, scratch);
      for (std::size_t i = 0; i < n; ++i) scratch[i] = cpm[i] * scratch[i];
      models::impressions_bought(spend, scratch, audience, elasticity, paid, n);
    } else {
      std::fill(paid, paid + n, 0.0);
    }
    if (posts > 0.0) {
      double* quality = organic;  // becomes the organic impressions below
      if (weeks_per_period > 0.0) {
        models::posting_quality(posts / weeks_per_period, sustainable_per_week, overposting, quality, n);
      } else {
        std::fill(quality, quality + n, 1.0);
      }
      block.noise.mean_one_log_normal(first_trial, n, period, kOrganicNoiseDraw, organic_noise, scratch);
      for (std::size_t i = 0; i < n; ++i) {
        organic[i] = posts * quality[i] * format_weight[i] *
                     models::organic_impressions_per_post(followers[i], organic_reach_rate[i], discovery[i]) *
                     scratch[i];
      }
    } else {
      std::fill(organic, organic + n, 0.0);
    }

    for (std::size_t i = 0; i < n; ++i) cumulative_impressions[i] += paid[i] + organic[i];
    models::negative_binomial_reach(cumulative_impressions, audience, dispersion, reach_so_far, n);
    double* new_reach = scratch;
    // Selects rather than std::fmax, which GCC calls out of line (it keeps fmax's NaN rules): the same values
    // here, where nothing is NaN, and the loop stays vectorised.
    for (std::size_t i = 0; i < n; ++i) {
      const double gain = reach_so_far[i] - reached[i];
      new_reach[i] = gain > 0.0 ? gain : 0.0;
      reached[i] = reach_so_far[i] > reached[i] ? reach_so_far[i] : reached[i];
      fatigue[i] = models::average_frequency(cumulative_impressions[i], reached[i]);
    }
    models::fatigue_multiplier(fatigue, fatigue_decay, fatigue_floor, fatigue, n);

    for (std::size_t i = 0; i < n; ++i) {
      const double total = paid[i] + organic[i];
      const double paid_new_reach = total > 0.0 ? new_reach[i] * paid[i] / total : 0.0;
      const double clicks = paid[i] * ctr[i] * fatigue[i] + organic[i] * organic_ctr[i];
      const double engagements =
          organic[i] * organic_engagement_per_impression[i] + paid[i] * paid_engagement_rate[i] * fatigue[i];
      const double gained =
          models::followers_gained(engagements, follow_rate[i], paid_new_reach, halo_follow_rate[i]);
      conversion_stock[i] = models::geometric_adstock(conversion_stock[i], clicks * cvr[i], carryover[i]);

      const std::size_t trial = first + i;
      out.row(Output::kSpend, trial)[t] = spend;
      out.row(Output::kPaidImpressions, trial)[t] = paid[i];
      out.row(Output::kOrganicImpressions, trial)[t] = organic[i];
      out.row(Output::kReach, trial)[t] = new_reach[i];
      out.row(Output::kEngagements, trial)[t] = engagements;
      out.row(Output::kClicks, trial)[t] = clicks;
      // Earlier spend's conversions arrive as its carryover implies: (1 - decay) decay^t of them in period t.
      out.row(Output::kConversions, trial)[t] = models::geometric_release(conversion_stock[i], carryover[i]) +
                                                (1.0 - carryover[i]) * pending_decay[i] * pending[i];
      pending_decay[i] *= carryover[i];
      out.row(Output::kFollowersGained, trial)[t] = gained;
      followers[i] += gained;
    }
  }
}

}  // namespace splitsim::plugins
