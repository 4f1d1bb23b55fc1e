// Summary statistics against samples whose answers are known by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "stats/summary.hpp"

namespace splitsim {
namespace {

std::vector<double> one_to_hundred() {
  std::vector<double> values(100);
  std::iota(values.begin(), values.end(), 1.0);
  return values;
}

TEST(Summary, MeanSdAndPercentilesOfOneToHundred) {
  auto values = one_to_hundred();
  std::reverse(values.begin(), values.end());  // order must not matter
  const auto s = summarize(values);
  EXPECT_DOUBLE_EQ(s.mean, 50.5);
  EXPECT_NEAR(s.sd, 29.011491975882016, 1e-12);  // sqrt(100 * 101 / 12)
  EXPECT_DOUBLE_EQ(s.p5, 5.95);                  // type 7: 1 + 0.05 * 99
  EXPECT_DOUBLE_EQ(s.p50, 50.5);
  EXPECT_DOUBLE_EQ(s.p95, 95.05);
  EXPECT_DOUBLE_EQ(s.cvar5, 3.0);  // mean of 1..5
  EXPECT_FALSE(s.prob_target.has_value());
}

TEST(Summary, ProbabilityOfTargetCountsValuesAtOrAboveIt) {
  const auto values = one_to_hundred();
  EXPECT_DOUBLE_EQ(*summarize(values, 91.0).prob_target, 0.10);
  EXPECT_DOUBLE_EQ(*summarize(values, 0.0).prob_target, 1.0);
  EXPECT_DOUBLE_EQ(*summarize(values, 100.5).prob_target, 0.0);
}

TEST(Summary, ConstantValuesHaveZeroSpreadExactly) {
  const std::vector<double> values(1000, 0.1);
  const auto s = summarize(values);
  EXPECT_EQ(s.sd, 0.0);
  EXPECT_EQ(s.mean, 0.1);
  EXPECT_EQ(s.p5, 0.1);
  EXPECT_EQ(s.p95, 0.1);
  EXPECT_EQ(s.cvar5, 0.1);
}

TEST(Summary, SingleValueAndEmptyInput) {
  const std::vector<double> one{42.0};
  const auto s = summarize(one);
  EXPECT_EQ(s.mean, 42.0);
  EXPECT_EQ(s.sd, 0.0);
  EXPECT_EQ(s.p5, 42.0);
  EXPECT_EQ(s.p95, 42.0);
  EXPECT_EQ(summarize(std::vector<double>{}).mean, 0.0);
}

TEST(Summary, PercentileInterpolatesBetweenOrderStatistics) {
  const std::vector<double> sorted{10.0, 20.0};
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 0.0), 10.0);
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 0.25), 12.5);
  EXPECT_DOUBLE_EQ(percentile_sorted(sorted, 1.0), 20.0);
}

TEST(Summary, MeanIsAccurateForManySmallValuesOnALargeOne) {
  // Naive summation loses the small values; the compensated sum keeps them.
  std::vector<double> values(1'000'001, 1e-3);
  values[0] = 1e12;
  const auto s = summarize(values);
  EXPECT_NEAR(s.mean * static_cast<double>(values.size()), 1e12 + 1000.0, 1e-3);
}

}  // namespace
}  // namespace splitsim
