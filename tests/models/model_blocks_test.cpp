// Properties of the SDK's model blocks: bounds, monotonicity, concavity.
#include <gtest/gtest.h>

#include <splitsim/models/auction.hpp>
#include <splitsim/models/reach.hpp>

namespace splitsim::models {
namespace {

TEST(PoissonReach, NeverAboveAudienceOrImpressions) {
  for (double audience : {1.0, 1e3, 1e6}) {
    for (double impressions : {0.0, 0.5, 10.0, 1e3, 1e6, 1e9}) {
      const double r = poisson_reach(impressions, audience);
      EXPECT_LE(r, audience);
      EXPECT_LE(r, impressions);
      EXPECT_GE(r, 0.0);
    }
  }
}

TEST(PoissonReach, IncreasingAndConcave) {
  const double audience = 1e5;
  double last = 0.0, last_gain = 1e300;
  for (int k = 1; k <= 20; ++k) {
    const double r = poisson_reach(k * 2e4, audience);
    const double gain = r - last;
    EXPECT_GT(gain, 0.0);
    EXPECT_LT(gain, last_gain);
    last = r;
    last_gain = gain;
  }
}

TEST(PoissonReach, KnownValue) {
  // One impression per person on average reaches 1 - 1/e of the audience.
  EXPECT_NEAR(poisson_reach(1e6, 1e6), 1e6 * (1 - std::exp(-1.0)), 1e-6);
  EXPECT_EQ(poisson_reach(0.0, 1e6), 0.0);
  EXPECT_EQ(poisson_reach(5.0, 0.0), 0.0);
}

TEST(AuctionCost, CpmRisesWithSpendAndEqualsBaseAtZero) {
  EXPECT_DOUBLE_EQ(effective_cpm(0.0, 10.0, 1e6, 0.3), 10.0);
  double last = 0.0;
  for (double spend : {0.0, 1e2, 1e3, 1e4, 1e5}) {
    const double cpm = effective_cpm(spend, 10.0, 1e6, 0.3);
    EXPECT_GE(cpm, last);
    last = cpm;
  }
  EXPECT_DOUBLE_EQ(effective_cpm(1e5, 10.0, 1e6, 0.0), 10.0);  // no elasticity: flat CPM
}

TEST(AuctionCost, ImpressionsIncreaseWithDiminishingReturns) {
  double last = 0.0, last_gain = 1e300;
  for (int k = 1; k <= 10; ++k) {
    const double impressions = impressions_bought(k * 5'000.0, 10.0, 1e6, 0.3);
    const double gain = impressions - last;
    EXPECT_GT(gain, 0.0);
    EXPECT_LT(gain, last_gain);
    last = impressions;
    last_gain = gain;
  }
  EXPECT_EQ(impressions_bought(0.0, 10.0, 1e6, 0.3), 0.0);
  EXPECT_DOUBLE_EQ(impressions_bought(100.0, 10.0, 1e6, 0.0), 10'000.0);  // flat CPM: 1000 x spend / CPM
}

}  // namespace
}  // namespace splitsim::models
