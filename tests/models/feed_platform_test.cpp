// The bundled feed model: defaults against their cited sources, and the dynamics it claims.
#include "feed_platform.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "engine/parameter_sampler.hpp"
#include "linkedin_defaults.hpp"
#include "meta_defaults.hpp"

namespace splitsim::plugins {
namespace {

double median_of(const ParamSpec& spec) {
  return truncated_quantile(spec.default_value, spec.min, spec.max, 0.5);
}

const ParamSpec& param(const FeedPlatform& p, FeedParam index) { return p.info().params[index]; }

// Simulates `trials` trials at the default medians with a constant plan; returns per-period sums over trials.
struct Totals {
  std::vector<double> by_output[kOutputCount];
};
Totals simulate(const FeedPlatform& platform, double spend, double posts, std::size_t periods = 12,
                std::size_t trials = 64) {
  std::vector<std::vector<double>> params;
  for (const auto& spec : platform.info().params) params.emplace_back(trials, median_of(spec));
  std::vector<const double*> pointers;
  for (const auto& p : params) pointers.push_back(p.data());
  std::vector<double> plan_spend(periods, spend), plan_posts(periods, posts);
  std::vector<double> data(static_cast<std::size_t>(kOutputCount) * trials * periods), audience(trials);
  SimulationBlock block;
  block.trials = trials;
  block.periods = periods;
  block.params = pointers.data();
  block.plan = {plan_spend.data(), plan_posts.data()};
  block.noise = RandomStream(9, 0, StreamId::kPeriodNoise);
  OutputBuffers out;
  out.trials = trials;
  out.periods = periods;
  for (int o = 0; o < kOutputCount; ++o)
    out.data[o] = data.data() + static_cast<std::size_t>(o) * trials * periods;
  out.audience = audience.data();
  platform.simulate(block, out);
  Totals totals;
  for (int o = 0; o < kOutputCount; ++o) {
    totals.by_output[o].assign(periods, 0.0);
    for (std::size_t i = 0; i < trials; ++i) {
      for (std::size_t t = 0; t < periods; ++t)
        totals.by_output[o][t] += out.row(static_cast<Output>(o), i)[t];
    }
  }
  return totals;
}

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

TEST(FeedDefaults, MetaMediansFallInsideTheCitedRanges) {
  const FeedPlatform meta(meta_defaults());
  EXPECT_GE(median_of(param(meta, kCpm)), 9.56);                // US CPM 2024 (narrative.bi)
  EXPECT_LE(median_of(param(meta, kCpm)), 19.80);               // CPM 2024-25 (superads.ai)
  EXPECT_NEAR(median_of(param(meta, kCtr)), 0.009, 0.001);      // 0.90% (WordStream 2017)
  EXPECT_NEAR(median_of(param(meta, kCvr)), 0.0921, 0.01);      // 9.21% (WordStream 2017)
  EXPECT_GE(median_of(param(meta, kOrganicReachRate)), 0.022);  // 2.2% (Ignite 2021)
  EXPECT_LE(median_of(param(meta, kOrganicReachRate)), 0.086);  // 8.6% (Socialinsider 2022)
}

TEST(FeedDefaults, LinkedInMediansFallInsideTheCitedRanges) {
  const FeedPlatform linkedin(linkedin_defaults());
  EXPECT_GE(median_of(param(linkedin, kCpm)), 27.0);  // $27-73
  EXPECT_LE(median_of(param(linkedin, kCpm)), 73.0);
  EXPECT_GE(median_of(param(linkedin, kCtr)), 0.0029);  // 0.29-0.65%
  EXPECT_LE(median_of(param(linkedin, kCtr)), 0.0065);
  EXPECT_GE(median_of(param(linkedin, kOrganicReachRate)), 0.04);  // 4-8% (Smart Insights)
  EXPECT_LE(median_of(param(linkedin, kOrganicReachRate)), 0.08);
}

TEST(FeedDefaults, NetworksDifferAsTheFieldReports) {
  const FeedPlatform meta(meta_defaults()), linkedin(linkedin_defaults());
  EXPECT_GT(median_of(param(linkedin, kCpm)), 2 * median_of(param(meta, kCpm)));  // LinkedIn is dear
  EXPECT_GT(median_of(param(linkedin, kOrganicReachRate)), median_of(param(meta, kOrganicReachRate)));
}

TEST(FeedPlatform, PaidSpendRaisesFollowersAndSoLaterOrganicReach) {
  // The halo: with the same posts, paid exposure adds followers, which see later posts.
  const FeedPlatform meta(meta_defaults());
  const auto organic_only = simulate(meta, 0.0, 3.0);
  const auto with_paid = simulate(meta, 5'000.0, 3.0);
  EXPECT_GT(sum(with_paid.by_output[static_cast<int>(Output::kFollowersGained)]),
            sum(organic_only.by_output[static_cast<int>(Output::kFollowersGained)]));
  const auto last = organic_only.by_output[static_cast<int>(Output::kOrganicImpressions)].size() - 1;
  EXPECT_GT(with_paid.by_output[static_cast<int>(Output::kOrganicImpressions)][last],
            organic_only.by_output[static_cast<int>(Output::kOrganicImpressions)][last]);
  // The first period's posts reach the same followers either way: nobody has followed yet.
  EXPECT_DOUBLE_EQ(with_paid.by_output[static_cast<int>(Output::kOrganicImpressions)][0],
                   organic_only.by_output[static_cast<int>(Output::kOrganicImpressions)][0]);
}

TEST(FeedPlatform, ReachAccumulatesSoLaterPeriodsReachFewerNewPeople) {
  const FeedPlatform linkedin(linkedin_defaults());
  const auto totals = simulate(linkedin, 20'000.0, 0.0);
  const auto& reach = totals.by_output[static_cast<int>(Output::kReach)];
  for (std::size_t t = 1; t < reach.size(); ++t) EXPECT_LT(reach[t], reach[t - 1]) << "period " << t;
}

TEST(FeedPlatform, CostPerConversionRisesWithSpend) {
  // The auction: eight times the spend buys fewer than eight times the conversions.
  const FeedPlatform meta(meta_defaults());
  const double low = sum(simulate(meta, 500.0, 0.0).by_output[static_cast<int>(Output::kConversions)]);
  const double high = sum(simulate(meta, 4'000.0, 0.0).by_output[static_cast<int>(Output::kConversions)]);
  EXPECT_GT(high, low);
  EXPECT_LT(high, 8.0 * low);
}

}  // namespace
}  // namespace splitsim::plugins
