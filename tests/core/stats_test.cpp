// Summary statistics against samples whose answers are known by hand, and the compensated sums under them.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "stats/compensated_sum.hpp"
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

TEST(CompensatedSum, WithinOneUlpOfTheExactSumAtEveryLengthAndTerm) {
  // Skewed values of mixed sign, at lengths around the four chains' remainders: the sum (and the sum of
  // squares) against one in quadruple precision, rounded once.
  std::mt19937_64 rng(9);
  std::lognormal_distribution<double> skewed(0.0, 3.0);
  std::bernoulli_distribution negative(0.3);
  for (const std::size_t n : {1u, 2u, 3u, 4u, 5u, 7u, 8u, 9u, 400u, 1001u, 100003u}) {
    std::vector<double> values(n);
    for (auto& v : values) v = negative(rng) ? -skewed(rng) : skewed(rng);
    __float128 exact = 0, exact_squares = 0;
    for (const double v : values) {
      exact += v;
      exact_squares += static_cast<__float128>(v * v);
    }
    const double sum = compensated_sum(values),
                 squares = compensated_sum(values, [](double v) { return v * v; });
    EXPECT_LE(std::abs(sum - static_cast<double>(exact)), std::abs(std::nextafter(sum, 2 * sum) - sum)) << n;
    EXPECT_LE(std::abs(squares - static_cast<double>(exact_squares)),
              std::abs(std::nextafter(squares, 2 * squares) - squares))
        << n;
  }
}

TEST(CompensatedSum, CancellationLeavesExactlyTheSmallTerms) {
  // 1e17 and -1e17 in different chains and the same one, with ones between: a plain sum returns 0 or 2.
  for (const std::vector<double>& values :
       {std::vector<double>{1e17, 1.0, -1e17, 1.0, 1.0}, std::vector<double>{1e17, 1.0, 1.0, 1.0, -1e17, 1.0},
        std::vector<double>{1.0, 1e17, 1.0, 1.0, 1.0, -1e17, 1.0, 1.0}})
    EXPECT_EQ(compensated_sum(values), static_cast<double>(values.size() - 2));
}

}  // namespace
}  // namespace splitsim
