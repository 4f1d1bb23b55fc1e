// Properties of the SDK's carryover, saturation, reach-and-frequency, fatigue and organic blocks.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <splitsim/models/carryover.hpp>
#include <splitsim/models/fatigue.hpp>
#include <splitsim/models/organic.hpp>
#include <splitsim/models/reach.hpp>
#include <splitsim/models/saturation.hpp>
#include <vector>

namespace splitsim::models {
namespace {

// --- carryover

TEST(GeometricAdstock, MatchesTheRecurrenceAndItsClosedForm) {
  // A single unit of input: the stock is decay^t afterwards; released effects sum to 1 - decay^T.
  const double decay = 0.6;
  double stock = 0.0, released = 0.0;
  for (int t = 0; t < 10; ++t) {
    stock = geometric_adstock(stock, t == 0 ? 1.0 : 0.0, decay);
    EXPECT_NEAR(stock, std::pow(decay, t), 1e-15);
    released += geometric_release(stock, decay);
  }
  EXPECT_NEAR(released, 1.0 - std::pow(decay, 10), 1e-12);
}

TEST(GeometricAdstock, ZeroDecayMeansNoCarryover) {
  double stock = geometric_adstock(0.0, 5.0, 0.0);
  EXPECT_EQ(geometric_release(stock, 0.0), 5.0);
  stock = geometric_adstock(stock, 0.0, 0.0);
  EXPECT_EQ(stock, 0.0);
}

TEST(WeibullLag, WeightsAreAProbabilityMassThatIsDelayedByTheShape) {
  std::vector<double> geometric_like(30), delayed(30);
  weibull_lag_weights(1.0, 2.0, geometric_like.data(), geometric_like.size());
  weibull_lag_weights(3.0, 4.0, delayed.data(), delayed.size());
  for (const auto* w : {&geometric_like, &delayed}) {
    const double total = std::accumulate(w->begin(), w->end(), 0.0);
    EXPECT_LE(total, 1.0 + 1e-12);
    EXPECT_GT(total, 0.99);
    for (double x : *w) EXPECT_GE(x, 0.0);
  }
  // Shape 1 peaks at lag 0 and decays; shape 3 with scale 4 peaks later (around lag 3).
  EXPECT_EQ(std::max_element(geometric_like.begin(), geometric_like.end()) - geometric_like.begin(), 0);
  EXPECT_EQ(std::max_element(delayed.begin(), delayed.end()) - delayed.begin(), 3);
  // Shape 1 is exactly geometric: the ratio of consecutive weights is exp(-1/scale).
  EXPECT_NEAR(geometric_like[5] / geometric_like[4], std::exp(-0.5), 1e-12);
}

TEST(ApplyLag, ConvolvesAndKeepsTheTotalWhenTheHorizonHoldsTheLag) {
  const double weights[] = {0.5, 0.3, 0.2};
  const double input[] = {10, 0, 0, 4, 0, 0, 0};
  double output[7];
  apply_lag(input, 7, weights, 3, output);
  const double expected[] = {5, 3, 2, 2, 1.2, 0.8, 0};
  for (int t = 0; t < 7; ++t) EXPECT_NEAR(output[t], expected[t], 1e-12) << t;
}

// --- saturation

TEST(Hill, HalfAtHalfSaturationBoundedAndIncreasing) {
  EXPECT_NEAR(hill(100.0, 100.0, 2.0), 0.5, 1e-15);
  EXPECT_EQ(hill(0.0, 100.0, 2.0), 0.0);
  double last = 0.0;
  for (double x = 1.0; x < 1e5; x *= 1.5) {
    const double y = hill(x, 100.0, 2.0);
    EXPECT_GT(y, last);
    EXPECT_LT(y, 1.0);
    last = y;
  }
}

TEST(Hill, ConcaveForShapeAtMostOneAndSShapedAbove) {
  const auto gain = [](double shape, double x) { return hill(x + 1.0, 50.0, shape) - hill(x, 50.0, shape); };
  // Shape 1: every extra unit buys less from the start.
  for (double x = 0.0; x < 200.0; x += 10.0) EXPECT_GT(gain(1.0, x), gain(1.0, x + 10.0));
  // Shape 3: returns first rise (threshold), then fall.
  EXPECT_LT(gain(3.0, 5.0), gain(3.0, 30.0));
  EXPECT_GT(gain(3.0, 60.0), gain(3.0, 150.0));
}

TEST(ExponentialSaturation, KnownValuesAndDiminishingReturns) {
  EXPECT_NEAR(exponential_saturation(50.0, 50.0), 1.0 - std::exp(-1.0), 1e-15);
  EXPECT_EQ(exponential_saturation(0.0, 50.0), 0.0);
  double last = 0.0, last_gain = 1.0;
  for (int k = 1; k < 50; ++k) {
    const double y = exponential_saturation(10.0 * k, 50.0);
    EXPECT_LT(y - last, last_gain);
    last_gain = y - last;
    last = y;
  }
}

// --- reach and frequency

TEST(NegativeBinomialReach, BelowPoissonTendsToItAndStaysBounded) {
  const double audience = 1e5;
  for (double impressions : {1e3, 5e4, 1e5, 1e6}) {
    const double poisson = poisson_reach(impressions, audience);
    double last = 0.0;
    for (double k : {0.5, 2.0, 10.0, 1e3, 1e7}) {
      const double r = negative_binomial_reach(impressions, audience, k);
      EXPECT_LE(r, poisson * (1 + 1e-12));
      EXPECT_LE(r, impressions);
      EXPECT_GE(r, last) << "more even exposure reaches more people";
      last = r;
    }
    EXPECT_NEAR(negative_binomial_reach(impressions, audience, 1e7), poisson, poisson * 1e-5);
  }
  // k = 1 (geometric exposures) in closed form: A * I / (A + I).
  EXPECT_NEAR(negative_binomial_reach(1e5, 1e5, 1.0), 5e4, 1e-6);
}

TEST(NegativeBinomialReach, IncreasingAndConcaveInImpressions) {
  double last = 0.0, last_gain = 1e300;
  for (int k = 1; k <= 20; ++k) {
    const double r = negative_binomial_reach(k * 2e4, 1e5, 2.0);
    EXPECT_GT(r - last, 0.0);
    EXPECT_LT(r - last, last_gain);
    last_gain = r - last;
    last = r;
  }
}

TEST(FrequencyCap, NeverAboveImpressionsOrCapTimesAudienceAndMonotone) {
  const double audience = 1e4;
  for (double cap : {1.0, 2.0, 4.0, 10.0}) {
    double last = 0.0;
    for (double impressions = 1e3; impressions < 1e6; impressions *= 2) {
      const double delivered = frequency_capped_impressions(impressions, audience, cap);
      EXPECT_LE(delivered, impressions * (1 + 1e-12));
      EXPECT_LE(delivered, audience * cap * (1 + 1e-12));
      EXPECT_GE(delivered, last);
      last = delivered;
    }
  }
  // A cap of one delivers exactly the Poisson reach; a cap far above the frequency changes nothing.
  EXPECT_NEAR(frequency_capped_impressions(2e4, audience, 1.0), poisson_reach(2e4, audience), 1e-6);
  EXPECT_NEAR(frequency_capped_impressions(1e3, audience, 50.0), 1e3, 1e-6);
  EXPECT_NEAR(frequency_capped_impressions(1e8, audience, 3.0), 3 * audience, 1e-6);
}

TEST(ImpressionsForReach, InvertsTheReachCurves) {
  for (double k : {0.5, 3.0, 1e12}) {
    for (double impressions : {1e3, 5e4, 3e5}) {
      const double reach = negative_binomial_reach(impressions, 1e5, k);
      EXPECT_NEAR(impressions_for_reach(reach, 1e5, k), impressions, impressions * 1e-6) << k;
    }
  }
  EXPECT_EQ(impressions_for_reach(0.0, 1e5, 3.0), 0.0);
  EXPECT_TRUE(std::isfinite(impressions_for_reach(1e5, 1e5, 3.0))) << "the whole audience: large, finite";
}

TEST(AverageFrequency, ImpressionsPerPersonReached) {
  EXPECT_EQ(average_frequency(300.0, 100.0), 3.0);
  EXPECT_EQ(average_frequency(0.0, 0.0), 0.0);
}

// --- fatigue

TEST(Fatigue, OneUpToTheFirstExposureThenFallingToTheFloor) {
  EXPECT_EQ(fatigue_multiplier(0.5, 0.5, 0.6), 1.0);
  EXPECT_EQ(fatigue_multiplier(1.0, 0.5, 0.6), 1.0);
  double last = 1.0;
  for (double f = 1.5; f < 30.0; f += 0.5) {
    const double m = fatigue_multiplier(f, 0.5, 0.6);
    EXPECT_LT(m, last);
    EXPECT_GE(m, 0.6);
    last = m;
  }
  EXPECT_NEAR(fatigue_multiplier(1e3, 0.5, 0.6), 0.6, 1e-12);
  EXPECT_EQ(fatigue_multiplier(10.0, 0.0, 0.6), 1.0) << "no decay, no fatigue";
}

// --- organic

TEST(Organic, ImpressionsPerPostAreFollowersReachedPlusDiscovery) {
  EXPECT_DOUBLE_EQ(organic_impressions_per_post(10'000, 0.05, 200), 700.0);
}

TEST(Organic, PostingBeyondTheSustainableRateLowersEachPostButNeverTheTotal) {
  EXPECT_EQ(posting_quality(3.0, 5.0, 0.7), 1.0);
  EXPECT_EQ(posting_quality(5.0, 5.0, 0.7), 1.0);
  double last_total = 0.0;
  double last_quality = 1.0;
  for (double posts = 1.0; posts < 40.0; posts += 1.0) {
    const double q = posting_quality(posts, 5.0, 0.7);
    EXPECT_LE(q, last_quality);
    EXPECT_GE(posts * q, last_total) << "more posts never lower total organic output";
    last_quality = q;
    last_total = posts * q;
  }
  EXPECT_NEAR(posting_quality(20.0, 5.0, 0.5), 0.5, 1e-15);
}

TEST(Organic, FollowersGainedFromEngagementAndPaidHalo) {
  EXPECT_DOUBLE_EQ(followers_gained(1000, 0.01, 5000, 0.001), 15.0);
  EXPECT_EQ(followers_gained(0, 0.01, 0, 0.001), 0.0);
}

}  // namespace
}  // namespace splitsim::models
