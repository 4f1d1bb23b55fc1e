// The model blocks' forms over many trials, and the bundled feed kernel built from them: bit for bit the
// one-trial blocks, on random inputs and on the edges a scenario can reach.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <splitsim/models/auction.hpp>
#include <splitsim/models/fatigue.hpp>
#include <splitsim/models/organic.hpp>
#include <splitsim/models/reach.hpp>
#include <vector>

#include "feed_platform.hpp"
#include "linkedin_defaults.hpp"
#include "meta_defaults.hpp"
#include "reference/feed_model_one_trial.hpp"
#include "tiktok_defaults.hpp"

namespace splitsim::plugins {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

// n values: mostly drawn from [low, high], with the listed edges mixed in at fixed places.
std::vector<double> values(std::mt19937_64& random, std::size_t n, double low, double high,
                           std::vector<double> edges = {}) {
  std::uniform_real_distribution<double> u(low, high);
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = !edges.empty() && i % 7 == 3 ? edges[(i / 7) % edges.size()] : u(random);
  return v;
}

constexpr std::size_t kN = 301;  // not a multiple of any vector width or of the 64-trial steps

TEST(VectorModelBlocks, ImpressionsBoughtIsTheOneTrialBlockBitForBit) {
  std::mt19937_64 random(1);
  const auto cpm = values(random, kN, 0.5, 80.0, {0.0});
  const auto audience = values(random, kN, 0.0, 5e7, {0.0, 1.0});
  const auto elasticity = values(random, kN, 0.0, 0.9, {0.0});
  for (double spend : {0.0, 1e-9, 50.0, 12'345.0, 1e9}) {
    std::vector<double> got(kN);
    models::impressions_bought(spend, cpm.data(), audience.data(), elasticity.data(), got.data(), kN);
    for (std::size_t i = 0; i < kN; ++i)
      ASSERT_EQ(bits(got[i]), bits(models::impressions_bought(spend, cpm[i], audience[i], elasticity[i])))
          << "spend " << spend << " trial " << i;
  }
}

TEST(VectorModelBlocks, PostingQualityIsTheOneTrialBlockBitForBit) {
  std::mt19937_64 random(2);
  const auto sustainable = values(random, kN, 0.0, 14.0, {0.0});
  const auto elasticity = values(random, kN, 0.0, 1.0, {0.0, 1.0});
  for (double posts : {0.0, 0.5, 3.0, 21.0, 1e6}) {
    std::vector<double> got(kN);
    models::posting_quality(posts, sustainable.data(), elasticity.data(), got.data(), kN);
    for (std::size_t i = 0; i < kN; ++i)
      ASSERT_EQ(bits(got[i]), bits(models::posting_quality(posts, sustainable[i], elasticity[i])))
          << "posts " << posts << " trial " << i;
  }
}

TEST(VectorModelBlocks, NegativeBinomialReachIsTheOneTrialBlockBitForBit) {
  std::mt19937_64 random(3);
  // Huge frequencies (impressions far above the audience), no impressions, no audience, and dispersions that
  // fall back to Poisson (zero, infinite, NaN).
  const auto impressions = values(random, kN, 0.0, 1e9, {0.0, 1e15, 1.0});
  const auto audience = values(random, kN, 0.0, 1e8, {0.0, 1.0, 10.0});
  const auto dispersion = values(random, kN, 0.05, 50.0, {0.0, kInf, std::nan(""), 1e-9});
  std::vector<double> got(kN);
  models::negative_binomial_reach(impressions.data(), audience.data(), dispersion.data(), got.data(), kN);
  for (std::size_t i = 0; i < kN; ++i) {
    const double expected = models::negative_binomial_reach(impressions[i], audience[i], dispersion[i]);
    ASSERT_EQ(bits(got[i]), bits(expected))
        << impressions[i] << " on " << audience[i] << " k " << dispersion[i];
    ASSERT_LE(got[i], audience[i]);
  }
}

TEST(VectorModelBlocks, FatigueMultiplierIsTheOneTrialBlockBitForBit) {
  std::mt19937_64 random(4);
  const auto frequency = values(random, kN, 0.0, 40.0, {0.0, 1.0, 1e12});
  const auto decay = values(random, kN, 0.0, 2.0, {0.0});
  const auto floor = values(random, kN, 0.0, 1.0, {0.0, 1.0});
  std::vector<double> got(kN);
  models::fatigue_multiplier(frequency.data(), decay.data(), floor.data(), got.data(), kN);
  for (std::size_t i = 0; i < kN; ++i)
    ASSERT_EQ(bits(got[i]), bits(models::fatigue_multiplier(frequency[i], decay[i], floor[i])));
}

// One block of the feed model with every parameter drawn uniformly within its declared range (its ends
// mixed in), and a plan with periods of no spend and no posts.
struct RandomBlock {
  std::vector<std::vector<double>> params;
  std::vector<const double*> pointers;
  std::vector<double> spend, posts;
  SimulationBlock block;

  RandomBlock(const PluginInfo& info, std::size_t trials, std::size_t periods, std::uint32_t seed,
              PostFormat format, double period_days) {
    std::mt19937_64 random(seed);
    for (const auto& spec : info.params) {
      const double high = std::isinf(spec.max) ? std::fmax(spec.min, 0.0) + 1e7 : spec.max;
      params.push_back(values(random, trials, spec.min, std::fmax(spec.min, high), {spec.min, high}));
    }
    for (const auto& p : params) pointers.push_back(p.data());
    spend = values(random, periods, 0.0, 40'000.0, {0.0});
    posts = values(random, periods, 0.0, 30.0, {0.0, 0.5});
    block.first_trial = 4'294'967'000ull;  // the noise counter wraps inside the block
    block.trials = trials;
    block.periods = periods;
    block.period_days = period_days;
    block.params = pointers.data();
    block.plan = {spend.data(), posts.data(), format};
    block.noise = RandomStream(seed, 2, StreamId::kPeriodNoise);
  }
};

struct Outputs {
  std::vector<double> data, audience;
  OutputBuffers out;
  Outputs(std::size_t trials, std::size_t periods)
      : data(static_cast<std::size_t>(kOutputCount) * trials * periods, -7.0),
        audience(trials, -7.0),
        out(OutputBuffers::over(data.data(), audience.data(), trials, periods)) {}
};

TEST(FeedKernel, EveryFigureIsTheOneTrialCompositionOfTheBlocksBitForBit) {
  const FeedPlatform networks[] = {FeedPlatform(meta_defaults()), FeedPlatform(linkedin_defaults()),
                                   FeedPlatform(tiktok_defaults())};
  std::uint32_t seed = 10;
  for (const auto& network : networks) {
    for (std::size_t trials : {1u, 5u, 64u, 65u, 130u}) {
      for (PostFormat format : {PostFormat::kCrafted, PostFormat::kSimple, PostFormat::kVideo}) {
        for (double days : {7.0, 1.0, 30.0, 0.0}) {
          const std::size_t periods = 9;
          const RandomBlock input(network.info(), trials, periods, ++seed, format, days);
          Outputs kernel(trials, periods), reference(trials, periods);
          network.simulate(input.block, kernel.out);
          reference::simulate_feed_one_trial_at_a_time(input.block, reference.out);
          for (std::size_t k = 0; k < kernel.data.size(); ++k) {
            ASSERT_EQ(bits(kernel.data[k]), bits(reference.data[k]))
                << network.info().name << ": output "
                << output_name(static_cast<Output>(k / (trials * periods))) << ", trial "
                << (k % (trials * periods)) / periods << ", period " << k % periods << " of " << trials
                << " trials, seed " << seed;
          }
          ASSERT_EQ(kernel.audience, reference.audience);
        }
      }
    }
  }
}

}  // namespace
}  // namespace splitsim::plugins
