// Parameter draws: inside the valid range, the intended shape, and addressed (not sequential) randomness.
#include "engine/parameter_sampler.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "stats/summary.hpp"

namespace splitsim {
namespace {

ResolvedParameter param(Distribution d, double lo, double hi) {
  ResolvedParameter p;
  p.spec.name = "x";
  p.spec.min = lo;
  p.spec.max = hi;
  p.distribution = d;
  return p;
}

std::vector<double> draw(Distribution d, double lo, double hi, std::uint64_t n = 20000,
                         std::uint64_t seed = 1) {
  return draw_parameters({param(d, lo, hi)}, seed, 0, n)[0];
}

TEST(ParameterSampler, FixedIsConstant) {
  const auto values = draw(Distribution::fixed(3.5), 0, 10, 100);
  EXPECT_TRUE(std::all_of(values.begin(), values.end(), [](double v) { return v == 3.5; }));
}

TEST(ParameterSampler, UniformMeanAndRange) {
  const auto values = draw(Distribution::uniform(2, 4), 0, 10);
  const auto s = summarize(values);
  EXPECT_NEAR(s.mean, 3.0, 4 * (2 / std::sqrt(12.0)) / std::sqrt(20000.0));
  EXPECT_GE(*std::min_element(values.begin(), values.end()), 2.0);
  EXPECT_LE(*std::max_element(values.begin(), values.end()), 4.0);
}

TEST(ParameterSampler, LogNormalMedianAndMean) {
  const auto values = draw(Distribution::log_normal(12, 0.3), 0, 1e6);
  const auto s = summarize(values);
  EXPECT_NEAR(s.p50, 12.0, 0.15);
  EXPECT_NEAR(s.mean, 12.0 * std::exp(0.045), 0.1);
}

TEST(ParameterSampler, BetaMean) {
  const auto values = draw(Distribution::beta_mean(0.009, 200), 0, 1);
  EXPECT_NEAR(summarize(values).mean, 0.009, 0.0002);
}

TEST(ParameterSampler, TruncationKeepsDrawsInsideTheValidRange) {
  // A wide normal around 0.5 on [0.4, 0.6]: many draws would fall outside without truncation.
  const auto values = draw(Distribution::normal(0.5, 1.0), 0.4, 0.6);
  EXPECT_GE(*std::min_element(values.begin(), values.end()), 0.4);
  EXPECT_LE(*std::max_element(values.begin(), values.end()), 0.6);
  // Truncating a wide normal gives nearly uniform draws: both tails are populated.
  EXPECT_LT(summarize(values).p5, 0.42);
  EXPECT_GT(summarize(values).p95, 0.58);
}

TEST(ParameterSampler, DrawsDependOnTrialNotOnHowManyTrials) {
  const auto short_run = draw(Distribution::normal(0, 1), -10, 10, 10);
  const auto long_run = draw(Distribution::normal(0, 1), -10, 10, 1000);
  for (std::size_t i = 0; i < short_run.size(); ++i) EXPECT_EQ(short_run[i], long_run[i]);
}

TEST(ParameterSampler, SeedAndChannelChangeTheDraws) {
  const auto p = param(Distribution::normal(0, 1), -10, 10);
  const auto a = draw_parameters({p}, 1, 0, 100)[0];
  EXPECT_NE(a, draw_parameters({p}, 2, 0, 100)[0]);
  EXPECT_NE(a, draw_parameters({p}, 1, 1, 100)[0]);
  EXPECT_EQ(a, draw_parameters({p}, 1, 0, 100)[0]);
}

TEST(ParameterSampler, ParametersOfAChannelAreIndependentStreams) {
  const auto p = param(Distribution::uniform(0, 1), 0, 1);
  const auto values = draw_parameters({p, p}, 1, 0, 100);
  EXPECT_NE(values[0], values[1]);
}

}  // namespace
}  // namespace splitsim
