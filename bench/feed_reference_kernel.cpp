// See feed_reference_kernel.hpp. Same model and noise addresses as plugins/common/feed_platform.cpp; the
// transcendental functions are glibc's vector ones, so figures agree with the plugin's to about 1e-13.
#include "feed_reference_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "feed_parameters.hpp"

namespace splitsim::bench {
namespace {

constexpr std::size_t kLanes = 64;

// Philox words to uniforms, then Box-Muller and the mean-one log-normal, all in vector loops.
void log_normal_noise(const SimulationBlock& block, std::uint64_t first_trial, std::size_t n,
                      std::uint32_t period, std::uint32_t draw, const double* sigma, double* factor) {
  double u1[kLanes], u2[kLanes];
  block.noise.uniform2(first_trial, n, period, draw, u1, u2);  // Philox eight counters at a time
#pragma omp simd
  for (std::size_t i = 0; i < n; ++i) {
    const double z = std::sqrt(-2.0 * std::log(u1[i])) * std::cos(6.283185307179586 * u2[i]);
    factor[i] = sigma[i] <= 0.0 ? 1.0 : std::exp(sigma[i] * z - 0.5 * sigma[i] * sigma[i]);
  }
}

}  // namespace

void simulate_feed_reference(const SimulationBlock& block, const OutputBuffers& out) {
  using namespace splitsim::plugins;
  for (std::size_t first = 0; first < block.trials; first += kLanes) {
    const std::size_t n = std::min(kLanes, block.trials - first);
    const auto param = [&](FeedParam p) { return block.params[p] + first; };
    const double *audience = param(kAudience), *cpm = param(kCpm), *elasticity = param(kCpmElasticity),
                 *ctr = param(kCtr), *cvr = param(kCvr), *carryover = param(kConversionCarryover),
                 *paid_rate = param(kPaidEngagementRate), *k = param(kReachDispersion),
                 *decay = param(kFatigueDecay), *floor = param(kFatigueFloor),
                 *reach_rate = param(kOrganicReachRate), *organic_ctr = param(kOrganicCtr),
                 *discovery = param(kDiscoveryImpressions), *sustainable = param(kSustainablePostsPerWeek),
                 *overposting = param(kOverpostingElasticity), *follow = param(kFollowRate),
                 *halo = param(kHaloFollowRate), *pending = param(kConversionsPending);
    const double weeks = block.period_days / 7.0;
    const std::uint64_t first_trial = block.first_trial + first;
    double followers[kLanes], reached[kLanes], cumulative[kLanes], stock[kLanes], pending_decay[kLanes],
        engagement_per_impression[kLanes], weight[kLanes];
    for (std::size_t i = 0; i < n; ++i) {
      out.audience[first + i] = audience[i];
      followers[i] = param(kFollowers)[i];
      reached[i] = std::fmin(param(kReachedBefore)[i], audience[i]);
      const double unreached = std::fmax(1.0 - reached[i] / audience[i], 1e-12);
      cumulative[i] = reached[i] <= 0.0 || audience[i] <= 0.0
                          ? 0.0
                          : audience[i] * k[i] * std::expm1(-std::log(unreached) / k[i]);
      stock[i] = 0.0;
      pending_decay[i] = 1.0;
      engagement_per_impression[i] =
          reach_rate[i] > 0.0 ? param(kOrganicEngagementRate)[i] / reach_rate[i] : 0.0;
      weight[i] = block.plan.post_format == PostFormat::kSimple  ? param(kSimplePostWeight)[i]
                  : block.plan.post_format == PostFormat::kVideo ? param(kVideoPostWeight)[i]
                                                                 : 1.0;
    }
    double paid[kLanes], organic[kLanes], noise[kLanes];
    for (std::size_t t = 0; t < block.periods; ++t) {
      const auto period = static_cast<std::uint32_t>(t);
      const double spend = block.plan.paid_spend[t], posts = block.plan.organic_posts[t];
      std::fill(paid, paid + n, 0.0);
      if (spend > 0.0) {
        log_normal_noise(block, first_trial, n, period, 0, param(kCpmPeriodNoise), noise);
#pragma omp simd
        for (std::size_t i = 0; i < n; ++i) {
          const double base = cpm[i] * noise[i];
          const double reference = audience[i] * base / 1000.0;
          const double effective =
              reference <= 0.0 ? base : base * std::pow(1.0 + spend / reference, elasticity[i]);
          paid[i] = 1000.0 * spend / effective;
        }
      }
      std::fill(organic, organic + n, 0.0);
      if (posts > 0.0) {
        log_normal_noise(block, first_trial, n, period, 1, param(kOrganicNoise), noise);
        const double per_week = weeks > 0.0 ? posts / weeks : 0.0;
#pragma omp simd
        for (std::size_t i = 0; i < n; ++i) {
          const double quality =
              per_week <= sustainable[i] ? 1.0 : std::pow(sustainable[i] / per_week, overposting[i]);
          organic[i] = posts * quality * weight[i] * (followers[i] * reach_rate[i] + discovery[i]) * noise[i];
        }
      }
#pragma omp simd
      for (std::size_t i = 0; i < n; ++i) {
        cumulative[i] += paid[i] + organic[i];
        const double so_far =
            cumulative[i] <= 0.0
                ? 0.0
                : -audience[i] * std::expm1(-k[i] * std::log1p(cumulative[i] / (audience[i] * k[i])));
        const double new_reach = std::fmax(0.0, so_far - reached[i]);
        reached[i] = std::fmax(reached[i], so_far);
        const double frequency = reached[i] > 0.0 ? cumulative[i] / reached[i] : 0.0;
        const double fatigue =
            floor[i] + (1.0 - floor[i]) * std::exp(-decay[i] * std::fmax(0.0, frequency - 1.0));
        const double total = paid[i] + organic[i];
        const double paid_new_reach = total > 0.0 ? new_reach * paid[i] / total : 0.0;
        const double clicks = paid[i] * ctr[i] * fatigue + organic[i] * organic_ctr[i];
        const double engagements =
            organic[i] * engagement_per_impression[i] + paid[i] * paid_rate[i] * fatigue;
        const double gained = engagements * follow[i] + paid_new_reach * halo[i];
        stock[i] = clicks * cvr[i] + carryover[i] * stock[i];
        followers[i] += gained;
        const std::size_t row = (first + i) * block.periods + t;
        out.data[static_cast<int>(Output::kSpend)][row] = spend;
        out.data[static_cast<int>(Output::kPaidImpressions)][row] = paid[i];
        out.data[static_cast<int>(Output::kOrganicImpressions)][row] = organic[i];
        out.data[static_cast<int>(Output::kReach)][row] = new_reach;
        out.data[static_cast<int>(Output::kEngagements)][row] = engagements;
        out.data[static_cast<int>(Output::kClicks)][row] = clicks;
        out.data[static_cast<int>(Output::kConversions)][row] =
            (1.0 - carryover[i]) * stock[i] + (1.0 - carryover[i]) * pending_decay[i] * pending[i];
        pending_decay[i] *= carryover[i];
        out.data[static_cast<int>(Output::kFollowersGained)][row] = gained;
      }
    }
  }
}

}  // namespace splitsim::bench
