// The engine with in-process platforms: analytic expectations, determinism, common random numbers.
#include "engine/engine.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <atomic>
#include <cmath>

#include "base/errors.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/candidate_statistics.hpp"
#include "splitsim/models/reach.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

using testing::make_platform;
using testing::SimulateFn;

// Writes every output: paid impressions = param 0 per period (or 1000 impressions per unit of spend when
// param 1 is "per_spend" > 0), optional multiplicative noise (param 2), Poisson reach against param 3.
void poisson_model(const SimulationBlock& block, const OutputBuffers& out) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    const double impressions_param = block.param(0, i);
    const double per_spend = block.param(1, i);
    const double noise_sigma = block.param(2, i);
    const double audience = block.param(3, i);
    out.audience[i] = audience;
    double cumulative = 0.0, reached = 0.0;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double noise = block.noise.mean_one_log_normal(block.first_trial + i,
                                                           static_cast<std::uint32_t>(t), 0, noise_sigma);
      const double impressions = (impressions_param + per_spend * block.plan.paid_spend[t]) * noise;
      cumulative += impressions;
      const double reach_now = models::poisson_reach(cumulative, audience);
      out.row(Output::kSpend, i)[t] = block.plan.paid_spend[t];
      out.row(Output::kPaidImpressions, i)[t] = impressions;
      out.row(Output::kOrganicImpressions, i)[t] = 0.0;
      out.row(Output::kReach, i)[t] = reach_now - reached;
      out.row(Output::kEngagements, i)[t] = 0.01 * impressions;
      out.row(Output::kClicks, i)[t] = 0.005 * impressions;
      out.row(Output::kConversions, i)[t] = 0.0005 * impressions;
      out.row(Output::kFollowersGained, i)[t] = block.plan.organic_posts[t];
      reached = reach_now;
    }
  }
}

PluginInfo poisson_info(Distribution impressions, double noise_sigma = 0.0) {
  PluginInfo info{"poisson", "1.0", "test model", {}};
  info.params = {{"impressions", "impressions per period", impressions, 0, 1e9, ""},
                 {"per_spend", "impressions per money", Distribution::fixed(0), 0, 1e6, ""},
                 {"noise", "sigma", Distribution::fixed(noise_sigma), 0, 2, ""},
                 {"audience", "people", Distribution::fixed(1e5), 1, 1e9, ""}};
  return info;
}

struct Fixture {
  PluginRegistry registry;
  ResolvedScenario scenario;
  Fixture(PluginInfo info, const std::string& extra = "", SimulateFn fn = poisson_model) {
    registry.add(make_platform(std::move(info), std::move(fn)));
    const auto loaded = parse_scenario(
        "budget { total: 1200 } horizon { periods: 4 } objective { kpi: REACH target: 50000 } seed: 11 "
        "trials: 4000 "
        "channels { name: \"a\" plugin: \"poisson\" organic { cost_per_post: 10 } } " +
            extra,
        false, "s.textproto");
    scenario = resolve_scenario(loaded, registry);
  }
};

TEST(Engine, PoissonReachConvergesToItsAnalyticExpectation) {
  // Impressions per period ~ U(a, b), 4 periods: I ~ U(4a, 4b); E[reach] = A(1 - A/(4b-4a)(e^{-4a/A} -
  // e^{-4b/A})).
  const double a = 10000, b = 60000, audience = 1e5;
  Fixture f(poisson_info(Distribution::uniform(a, b)));
  const auto kpis = Engine(f.scenario, TrialSet::kSearch).simulate({0.0, {1.0}, {0.0}});
  const auto s = summarize(kpis.totals[kpi_index(v1::REACH)]);
  const double lo = 4 * a, hi = 4 * b;
  const double expected =
      audience * (1 - audience / (hi - lo) * (std::exp(-lo / audience) - std::exp(-hi / audience)));
  const double standard_error = s.sd / std::sqrt(4000.0);
  EXPECT_GT(s.sd, 0.0);
  EXPECT_NEAR(s.mean, expected, 4 * standard_error) << "standard error " << standard_error;
  // And reach never exceeds the audience in any trial.
  EXPECT_LE(s.p95, audience);
}

TEST(Engine, NoRandomnessGivesZeroSpread) {
  Fixture f(poisson_info(Distribution::fixed(20000)));
  const auto outcome =
      summarize_trials(Engine(f.scenario, TrialSet::kSearch).simulate({0.0, {1.0}, {0.0}}), f.scenario);
  const auto& reach = outcome.totals[kpi_index(v1::REACH)];
  EXPECT_EQ(reach.sd, 0.0);
  EXPECT_DOUBLE_EQ(reach.mean, models::poisson_reach(80000, 1e5));
  EXPECT_EQ(*reach.prob_target, 1.0);  // 55,067 >= 50,000 in every trial
}

TEST(Engine, ResultsAreBitIdenticalForAnyThreadCountAndBlockSize) {
  Fixture f(poisson_info(Distribution::log_normal(20000, 0.5), 0.3));
  const CandidateSplit split{0.25, {1.0}, {1.0}};
  TrialKpis reference;
  {
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    reference = Engine(f.scenario, TrialSet::kSearch).simulate(split);
  }
  for (std::size_t block : {1u, 7u, 128u, 5000u}) {
    tbb::global_control two(tbb::global_control::max_allowed_parallelism, 2);
    const auto kpis = Engine(f.scenario, TrialSet::kSearch, block).simulate(split);
    EXPECT_EQ(kpis.totals, reference.totals) << "block " << block;  // exact, element by element
  }
}

TEST(Engine, BlocksKeepTheirOutputsWithinACoresCacheBetweenSixteenAndSixtyFourTrials) {
  EXPECT_EQ(block_trials_for(1), 64u);
  EXPECT_EQ(block_trials_for(13), 64u);   // a quarter of weeks: 52 KiB
  EXPECT_EQ(block_trials_for(52), 64u);   // a year of weeks: 213 KiB
  EXPECT_EQ(block_trials_for(104), 32u);  // two years of weeks: 213 KiB, where 64 trials would take 426
  EXPECT_EQ(block_trials_for(365), 16u);  // a year of days: 16 trials is the floor
  for (std::size_t periods = 1; periods <= 400; ++periods) {
    const std::size_t trials = block_trials_for(periods);
    const std::size_t bytes = trials * periods * kOutputCount * sizeof(double);
    EXPECT_TRUE(trials == 16 || bytes <= 256 * 1024) << periods;
    EXPECT_TRUE(trials == 64 || 2 * bytes > 256 * 1024) << periods;  // and no smaller than it must be
    EXPECT_EQ(trials & (trials - 1), 0u) << periods;
  }
}

TEST(Engine, CandidatesShareTheirRandomNumbers) {
  // Impressions proportional to spend with per-period noise: doubling spend doubles every trial exactly,
  // because both candidates see the same parameter draws and noise (common random numbers).
  auto info = poisson_info(Distribution::fixed(0), 0.4);
  info.params[1].default_value = Distribution::log_normal(100, 0.5);
  Fixture f(info, "channels { name: \"b\" plugin: \"poisson\" organic { cost_per_post: 10 } }");
  const Engine engine(f.scenario, TrialSet::kSearch);
  const auto low = engine.simulate({0.0, {0.25, 0.75}, {0.0, 0.0}});
  const auto high = engine.simulate({0.0, {0.5, 0.5}, {0.0, 0.0}});
  const auto& low_a = low.channels[0][kpi_index(v1::PAID_IMPRESSIONS)];
  const auto& high_a = high.channels[0][kpi_index(v1::PAID_IMPRESSIONS)];
  for (std::size_t t = 0; t < low_a.size(); ++t) ASSERT_DOUBLE_EQ(high_a[t], 2.0 * low_a[t]) << "trial " << t;
}

TEST(Engine, DifferentSeedsGiveDifferentTrials) {
  Fixture f(poisson_info(Distribution::log_normal(20000, 0.5)));
  const auto first = Engine(f.scenario, TrialSet::kSearch).simulate({0.0, {1.0}, {0.0}});
  auto loaded = parse_scenario(
      "budget { total: 1200 } horizon { periods: 4 } objective { kpi: REACH } seed: 12 trials: 4000 "
      "channels { name: \"a\" plugin: \"poisson\" organic { cost_per_post: 10 } }",
      false, "s.textproto");
  const auto other = resolve_scenario(loaded, f.registry);
  EXPECT_NE(Engine(other, TrialSet::kSearch).simulate({0.0, {1.0}, {0.0}}).totals, first.totals);
}

TEST(Engine, PlanSpreadsBudgetEvenlyAndBuysPosts) {
  Fixture f(poisson_info(Distribution::fixed(0)),
            "channels { name: \"b\" plugin: \"poisson\" organic { cost_per_post: 20 } }");
  const auto plans = allocate(f.scenario, {0.25, {0.6, 0.4}, {0.5, 0.5}}).channels;
  // Paid budget 900 over 4 periods; organic 300 split evenly, at 10 and 20 per post.
  EXPECT_DOUBLE_EQ(plans[0].paid_per_period, 900 * 0.6 / 4);
  EXPECT_DOUBLE_EQ(plans[1].paid_per_period, 900 * 0.4 / 4);
  EXPECT_DOUBLE_EQ(plans[0].posts_per_period, 150.0 / 10 / 4);
  EXPECT_DOUBLE_EQ(plans[1].posts_per_period, 150.0 / 20 / 4);
}

TEST(Engine, AnOutputThePluginForgetsToWriteIsCaught) {
  Fixture f(poisson_info(Distribution::fixed(1)), "",
            [](const SimulationBlock& block, const OutputBuffers& out) {
              poisson_model(block, out);
              out.row(Output::kClicks, block.trials - 1)[block.periods - 1] =
                  std::numeric_limits<double>::quiet_NaN();
            });
  try {
    Engine(f.scenario, TrialSet::kSearch).simulate({0.0, {1.0}, {0.0}});
    FAIL();
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("clicks is not finite"), std::string::npos) << e.what();
  }
}

// The buffers are reused from call to call (and split to split, and from a short last block to a full one):
// a value the plugin leaves unwritten must never be one it wrote on an earlier call.
TEST(Engine, AnOutputThePluginLeavesUnwrittenOnALaterCallIsCaught) {
  // In the short last block, and in the first.
  for (const std::size_t skipped_in : {std::size_t{3968}, std::size_t{0}}) {
    std::atomic<int> calls_at_skip{0};
    Fixture f(poisson_info(Distribution::fixed(1)), "",
              [&](const SimulationBlock& block, const OutputBuffers& out) {
                const double kept = out.row(Output::kClicks, 20)[3];
                poisson_model(block, out);
                // From the second split on, trial 20 of this block keeps whatever its clicks held.
                if (block.first_trial == skipped_in && calls_at_skip++ > 0)
                  out.row(Output::kClicks, 20)[3] = kept;
              });
    const Engine engine(f.scenario, TrialSet::kSearch, 128);  // 4000 trials: the last block has 32
    EXPECT_NO_THROW(engine.simulate({0.0, {1.0}, {0.0}}));
    try {
      engine.simulate({0.0, {1.0}, {0.0}});
      ADD_FAILURE() << "an unwritten value in block " << skipped_in << " passed";
    } catch (const PluginError& e) {
      const std::string expected =
          "trial " + std::to_string(skipped_in + 20) + ", period 3: clicks is not finite";
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  }
}

TEST(Engine, ReachAboveImpressionsIsCaught) {
  Fixture f(poisson_info(Distribution::fixed(100)), "",
            [](const SimulationBlock& block, const OutputBuffers& out) {
              poisson_model(block, out);
              out.row(Output::kReach, 0)[0] = 1000;  // more people than the 100 impressions
            });
  EXPECT_THROW(Engine(f.scenario, TrialSet::kSearch).simulate({0.0, {1.0}, {0.0}}), PluginError);
}

}  // namespace
}  // namespace splitsim
