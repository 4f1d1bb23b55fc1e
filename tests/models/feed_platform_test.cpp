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
Totals simulate(const FeedPlatform& platform, std::vector<double> plan_spend, std::vector<double> plan_posts,
                std::size_t trials = 64, PostFormat format = PostFormat::kCrafted) {
  const std::size_t periods = plan_spend.size();
  std::vector<std::vector<double>> params;
  for (const auto& spec : platform.info().params) params.emplace_back(trials, median_of(spec));
  std::vector<const double*> pointers;
  for (const auto& p : params) pointers.push_back(p.data());
  std::vector<double> data(static_cast<std::size_t>(kOutputCount) * trials * periods), audience(trials);
  SimulationBlock block;
  block.trials = trials;
  block.periods = periods;
  block.params = pointers.data();
  block.plan = {plan_spend.data(), plan_posts.data(), format};
  block.noise = RandomStream(9, 0, StreamId::kPeriodNoise);
  const OutputBuffers out = OutputBuffers::over(data.data(), audience.data(), trials, periods);
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

// A constant plan: the same spend and posts every period.
Totals simulate(const FeedPlatform& platform, double spend, double posts, std::size_t periods = 12) {
  return simulate(platform, std::vector<double>(periods, spend), std::vector<double>(periods, posts));
}

// Organic only, a constant plan of `posts` per period of the given format.
Totals simulate_posts(const FeedPlatform& platform, double posts, PostFormat format) {
  return simulate(platform, std::vector<double>(12, 0.0), std::vector<double>(12, posts), 64, format);
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

TEST(FeedDefaults, ANetworkLeavingAParameterWithoutADefaultIsRefusedByName) {
  auto defaults = meta_defaults();
  defaults.has_default.reset(kCpm);
  try {
    FeedPlatform platform(std::move(defaults));
    FAIL() << "a network without a cpm default was accepted";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("cpm"), std::string::npos) << e.what();
  }
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

const std::vector<double>& output(const Totals& t, Output o) { return t.by_output[static_cast<int>(o)]; }

TEST(FeedPlatform, FatigueLowersClicksPerImpressionAsFrequencyBuilds) {
  // Heavy spend on a small audience: frequency climbs, and each impression earns fewer clicks.
  const FeedPlatform meta(meta_defaults());
  const auto totals = simulate(meta, 60'000.0, 0.0, 8);
  const auto& clicks = output(totals, Output::kClicks);
  const auto& impressions = output(totals, Output::kPaidImpressions);
  EXPECT_LT(clicks[7] / impressions[7], 0.9 * clicks[0] / impressions[0]);
}

TEST(FeedPlatform, PostingBeyondTheSustainableRateEarnsLessPerPostButNeverLessInTotal) {
  // Weekly periods; Meta's sustainable rate is 5 posts a week.
  const FeedPlatform meta(meta_defaults());
  const double at_rate = output(simulate(meta, 0.0, 5.0, 1), Output::kOrganicImpressions)[0];
  const double triple = output(simulate(meta, 0.0, 15.0, 1), Output::kOrganicImpressions)[0];
  EXPECT_GT(triple, at_rate);
  EXPECT_LT(triple, 3.0 * at_rate * 0.7);  // (5/15)^0.5 = 0.58 per post
  const double half = output(simulate(meta, 0.0, 2.5, 1), Output::kOrganicImpressions)[0];
  EXPECT_NEAR(half, at_rate / 2, at_rate * 1e-9) << "within the rate, organic reach is proportional to posts";
}

TEST(FeedPlatform, ConversionsCarryOverIntoLaterPeriods) {
  // One burst of spend in the first period still converts in the next ones, geometrically less each time.
  const FeedPlatform linkedin(linkedin_defaults());
  const auto totals = simulate(linkedin, {10'000.0, 0, 0, 0}, {0, 0, 0, 0});
  const auto& conversions = output(totals, Output::kConversions);
  EXPECT_GT(conversions[1], 0.0);
  EXPECT_LT(conversions[1], conversions[0]);
  EXPECT_LT(conversions[3], conversions[2]);
  EXPECT_EQ(output(totals, Output::kClicks)[1], 0.0);
  // What converts after the horizon is lost: fewer conversions than clicks x cvr in all.
  EXPECT_LT(sum(conversions),
            sum(output(totals, Output::kClicks)) * median_of(param(linkedin, kCvr)) * 1.001);
}

TEST(FeedPlatform, UnevenExposureReachesFewerPeopleThanPoisson) {
  // Reach dispersion is a parameter: its default (3) must reach fewer people than near-Poisson exposure.
  auto defaults = meta_defaults();
  const FeedPlatform uneven(defaults);
  defaults.params[kReachDispersion].default_value = Distribution::fixed(1e6);
  const FeedPlatform even(defaults);
  const double r_uneven = sum(output(simulate(uneven, 20'000.0, 0.0, 4), Output::kReach));
  const double r_even = sum(output(simulate(even, 20'000.0, 0.0, 4), Output::kReach));
  EXPECT_LT(r_uneven, 0.97 * r_even);
  EXPECT_EQ(sum(output(simulate(uneven, 20'000.0, 0.0, 4), Output::kPaidImpressions)),
            sum(output(simulate(even, 20'000.0, 0.0, 4), Output::kPaidImpressions)));
}

TEST(FeedPlatform, CarriedInConversionsArriveAsTheirCarryoverImplies) {
  // No spend, no posts: only the conversions earlier spend left in the pipeline, (1 - 0.5) 0.5^t x 200.
  auto defaults = linkedin_defaults();
  defaults.params[kConversionCarryover].default_value = Distribution::fixed(0.5);
  defaults.params[kConversionsPending].default_value = Distribution::fixed(200);
  const FeedPlatform platform(defaults);
  const auto totals = simulate(platform, 0.0, 0.0, 4);
  const auto& conversions = output(totals, Output::kConversions);
  const double trials = 64;
  EXPECT_NEAR(conversions[0], trials * 100, 1e-9);
  EXPECT_NEAR(conversions[1], trials * 50, 1e-9);
  EXPECT_NEAR(conversions[3], trials * 12.5, 1e-9);
}

TEST(FeedPlatform, PeopleReachedBeforeTheHorizonAreNotNewAgain) {
  auto defaults = meta_defaults();
  const FeedPlatform fresh(defaults);
  defaults.params[kReachedBefore].default_value = Distribution::fixed(600'000);  // of 1,000,000
  const FeedPlatform carried(defaults);
  const auto new_reach = [](const FeedPlatform& p) {
    return output(simulate(p, 20'000.0, 0.0, 4), Output::kReach);
  };
  const auto a = new_reach(fresh), b = new_reach(carried);
  EXPECT_LT(b[0], 0.6 * a[0]);                     // most of the audience was already reached
  EXPECT_LE(sum(b), 64 * 400'000.0 * (1 + 1e-9));  // never more new people than were left
  // Spend and impressions are the same: only who is new differs.
  EXPECT_EQ(sum(output(simulate(fresh, 20'000.0, 0.0, 4), Output::kPaidImpressions)),
            sum(output(simulate(carried, 20'000.0, 0.0, 4), Output::kPaidImpressions)));
}

TEST(FeedPlatform, APostsFormatScalesWhatItEarnsByTheNetworksWeight) {
  const FeedPlatform platform(meta_defaults());
  // The first period: later ones also carry the followers each format's posts won.
  const auto organic = [&](PostFormat f) {
    return simulate_posts(platform, 4.0, f).by_output[static_cast<int>(Output::kOrganicImpressions)][0];
  };
  const auto engagements = [&](PostFormat f) {
    return sum(simulate_posts(platform, 4.0, f).by_output[static_cast<int>(Output::kEngagements)]);
  };
  const double crafted = organic(PostFormat::kCrafted), video = organic(PostFormat::kVideo),
               simple = organic(PostFormat::kSimple);
  ASSERT_GT(crafted, 0.0);
  // The same noise draws in all three: they differ by the weights alone.
  EXPECT_NEAR(video / crafted, median_of(param(platform, kVideoPostWeight)), 1e-9);
  EXPECT_NEAR(simple / crafted, median_of(param(platform, kSimplePostWeight)), 1e-9);
  EXPECT_GT(engagements(PostFormat::kVideo), engagements(PostFormat::kCrafted));
  EXPECT_LT(engagements(PostFormat::kSimple), engagements(PostFormat::kCrafted));
}

}  // namespace
}  // namespace splitsim::plugins
