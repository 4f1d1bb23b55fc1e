// Parameter draws turn uniforms into values through ParameterQuantile: beta draws come from a table within
// 1e-12 relative of Boost's quantile at every probability a uniform can give, normal and log-normal draws are
// Boost's own bit for bit, and a column gives what each of its values alone gives.
#include "engine/parameter_quantile.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "engine/beta_quantile_table.hpp"
#include "engine/parameter_sampler.hpp"
#include "feed_platform.hpp"
#include "instagram_defaults.hpp"
#include "linkedin_defaults.hpp"
#include "meta_defaults.hpp"
#include "pinterest_defaults.hpp"
#include "snapchat_defaults.hpp"
#include "tiktok_defaults.hpp"
#include "x_defaults.hpp"
#include "youtube_defaults.hpp"

namespace splitsim::plugins {
namespace {

std::vector<FeedDefaults> networks() {
  return {meta_defaults(),    instagram_defaults(), tiktok_defaults(),    linkedin_defaults(),
          youtube_defaults(), x_defaults(),         pinterest_defaults(), snapchat_defaults()};
}

// Uniforms as RandomStream gives them (centres of 2^53 cells): both extremes, every power of two on the way
// to each, and random ones.
std::vector<double> uniforms(int random_count, std::uint64_t seed = 15) {
  std::vector<double> u = {0x1.0p-54, 1.0 - 0x1.0p-53, 0.5};
  for (int e = 2; e <= 53; ++e) {
    u.push_back(std::ldexp(1.0, -e));
    u.push_back(1.0 - std::ldexp(1.0, -e));
  }
  std::mt19937_64 rng(seed);
  for (int i = 0; i < random_count; ++i) u.push_back((static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53);
  return u;
}

// The draws of a whole column against truncated_quantile (Boost) one value at a time; returns the worst
// relative difference.
double worst_relative_difference(const Distribution& d, double lo, double hi, const std::vector<double>& u) {
  std::vector<double> x(u.size());
  ParameterQuantile(d, lo, hi)(u.data(), x.data(), u.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const double reference = truncated_quantile(d, lo, hi, u[i]);
    const double scale = std::max(std::abs(reference), std::numeric_limits<double>::min());
    const double difference = std::abs(x[i] - reference) / scale;
    EXPECT_TRUE(difference <= 1e-12) << describe(d) << " on [" << lo << ", " << hi << "] at u = " << u[i]
                                     << ": " << x[i] << " against Boost's " << reference;
    worst = std::max(worst, difference);
  }
  return worst;
}

TEST(ParameterQuantile, BetaDrawsOfEveryBundledDefaultAreBoostsWithin1e12) {
  const auto u = uniforms(20000);
  int checked = 0;
  double worst = 0.0;
  for (const auto& network : networks()) {
    for (const auto& spec : network.params) {
      if (spec.default_value.kind != DistributionKind::kBeta) continue;
      worst = std::max(worst, worst_relative_difference(spec.default_value, spec.min, spec.max, u));
      // The whole range converged: no piece is left to Boost, which would cost what the table saves.
      const auto table =
          shared_beta_quantile_table(spec.default_value.a, spec.default_value.b, 0x1.0p-54, 1.0 - 0x1.0p-53);
      EXPECT_EQ(table->exact_pieces(), 0u) << network.name << " " << spec.name;
      EXPECT_LE(table->pieces(), 32u) << network.name << " " << spec.name;
      ++checked;
    }
  }
  EXPECT_GE(checked, 40);
  RecordProperty("worst_relative_difference", std::to_string(worst));
}

TEST(ParameterQuantile, BetaDrawsOfOtherShapesAndNarrowRangesAreBoostsWithin1e12) {
  // Shapes from U-shaped (both below 1) to very concentrated, truncated to random ranges inside the support.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> log10_shape(-0.7, 4.3), unit(0.0, 1.0);
  const auto u = uniforms(2000);
  for (int c = 0; c < 40; ++c) {
    const auto d = Distribution::beta(std::pow(10.0, log10_shape(rng)), std::pow(10.0, log10_shape(rng)));
    worst_relative_difference(d, 0.0, 1.0, u);
    // A range between two quantiles of the shape: the table covers only the probabilities it can take.
    const double a = unit(rng), b = unit(rng);
    worst_relative_difference(d, truncated_quantile(d, 0.0, 1.0, std::min(a, b)),
                              truncated_quantile(d, 0.0, 1.0, std::max(a, b)), u);
  }
}

TEST(ParameterQuantile, NormalAndLogNormalDrawsAreBoostsBitForBit) {
  const auto u = uniforms(5000);
  for (const auto& [d, lo, hi] : {std::tuple{Distribution::normal(0.5, 1.0), 0.4, 0.6},
                                  std::tuple{Distribution::normal(3.0, 2.0), -HUGE_VAL, HUGE_VAL},
                                  std::tuple{Distribution::log_normal(12.0, 0.4), 0.5, 1000.0},
                                  std::tuple{Distribution::log_normal(1000.0, 1.2), 0.0, 1e9}}) {
    std::vector<double> x(u.size());
    ParameterQuantile(d, lo, hi)(u.data(), x.data(), u.size());
    for (std::size_t i = 0; i < u.size(); ++i) ASSERT_EQ(x[i], truncated_quantile(d, lo, hi, u[i])) << u[i];
  }
}

TEST(ParameterQuantile, AColumnGivesWhatEachValueAloneGivesEvenInPlace) {
  const auto u = uniforms(3000);
  const ParameterQuantile quantile(Distribution::beta_mean(0.004, 150), 0.0, 1.0);
  std::vector<double> column(u.size()), in_place = u;
  quantile(u.data(), column.data(), u.size());
  quantile(in_place.data(), in_place.data(), in_place.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    double alone;
    quantile(&u[i], &alone, 1);
    ASSERT_EQ(column[i], alone) << u[i];
    ASSERT_EQ(in_place[i], alone) << u[i];
  }
}

TEST(ParameterQuantile, DrawsKeepInsideTheRangeAndARangeWithoutProbabilityGivesItsMedian) {
  const auto u = uniforms(2000);
  std::vector<double> x(u.size());
  ParameterQuantile(Distribution::beta_mean(0.01, 200), 0.02, 0.05)(u.data(), x.data(), x.size());
  EXPECT_GE(*std::min_element(x.begin(), x.end()), 0.02);
  EXPECT_LE(*std::max_element(x.begin(), x.end()), 0.05);
  // Beta(1, 1e4) puts no probability a double can hold above 0.9: every draw is the range's end.
  const auto empty = Distribution::beta(1.0, 1e4);
  ParameterQuantile(empty, 0.9, 1.0)(u.data(), x.data(), x.size());
  for (const double v : x) ASSERT_EQ(v, truncated_quantile(empty, 0.9, 1.0, 0.5));
}

}  // namespace
}  // namespace splitsim::plugins
