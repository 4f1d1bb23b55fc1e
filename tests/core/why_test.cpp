// Today's plan as a baseline, minimum viable spend, and why the recommendation wins (the inputs that decide
// it, a flat optimum, a choice resting on benchmark defaults).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "base/errors.hpp"
#include "output/formatters.hpp"
#include "output/long_csv_view.hpp"
#include "run/scenario_run.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/grid.hpp"
#include "search/sensitivity.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// Per period, conversions = a (1 - exp(-spend / kappa)) + b posts: noise only through drawn parameters.
void response_model(const SimulationBlock& block, const OutputBuffers& out) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    const double a = block.param(0, i), kappa = block.param(1, i), b = block.param(2, i);
    out.audience[i] = 1e9;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double spend = block.plan.paid_spend[t], posts = block.plan.organic_posts[t];
      out.row(Output::kSpend, i)[t] = spend;
      out.row(Output::kPaidImpressions, i)[t] = 100.0 * spend;
      out.row(Output::kOrganicImpressions, i)[t] = 100.0 * posts;
      out.row(Output::kReach, i)[t] = 0.0;
      out.row(Output::kEngagements, i)[t] = 0.0;
      out.row(Output::kClicks, i)[t] = 0.0;
      out.row(Output::kConversions, i)[t] = a * -std::expm1(-spend / kappa) + b * posts;
      out.row(Output::kFollowersGained, i)[t] = 0.0;
    }
  }
}

// `a`'s default is uncertain (a benchmark figure); kappa and b are fixed.
PluginInfo response_info() {
  PluginInfo info{"response", "1.0", "response test model", {}};
  info.params = {{"a", "conversions per period at saturation", Distribution::uniform(5, 15), 0, 1e9, ""},
                 {"kappa", "money", Distribution::fixed(100), 1e-6, 1e9, ""},
                 {"b", "conversions per post", Distribution::fixed(0), 0, 1e9, ""}};
  return info;
}

struct World {
  PluginRegistry registry;
  LoadedScenario loaded;
  explicit World(const std::string& text) {
    registry.add(testing::make_platform(response_info(), response_model));
    loaded = parse_scenario(text, false, "s.textproto");
  }
  v1::Results run(std::size_t threads = 1) const { return run_scenario(loaded, registry, threads); }
};

std::string channel(const std::string& name, const std::string& a, double kappa,
                    const std::string& extra = "") {
  return "channels { name: \"" + name + "\" plugin: \"response\" organic { cost_per_post: 10 } " +
         (a.empty() ? "" : "params { name: \"a\" " + a + " } ") +
         "params { name: \"kappa\" fixed: " + std::to_string(kappa) + " } " + extra + " }\n";
}

std::string scenario(const std::string& channels, const std::string& search, const std::string& extra = "") {
  return "budget { total: 6000 } horizon { periods: 4 } trials: 400 seed: 7\n"
         "objective { kpi: CONVERSIONS }\n"
         "search { organic_share { max: 0 } " +
         search + " }\n" + channels + extra;
}

const std::string kGrid = "grid { channel_step: 0.1 }";
const std::string kOptimize = "optimize { max_evaluations: 200 frontier: 1 }";

const v1::Candidate& recommended(const v1::Results& r) {
  return r.candidates(static_cast<int>(r.recommendation().candidate_index()));
}

TEST(Baseline, TodaysPlanIsShownBesideTheRecommendationWithItsGainAndInterval) {
  // Today all the money is on the weak channel: the recommendation moves it and gains conversions.
  const World w(scenario(channel("strong", "fixed: 30", 400, "current_paid: 0") +
                             channel("weak", "uniform { min: 4 max: 8 }", 400, "current_paid: 6000"),
                         kGrid));
  const auto results = w.run();
  const auto& rec = results.recommendation();
  ASSERT_TRUE(rec.has_baseline());
  const auto& baseline = rec.baseline();
  ASSERT_EQ(baseline.channels_size(), 2);
  EXPECT_DOUBLE_EQ(baseline.channels(0).current_paid(), 0.0);
  EXPECT_NEAR(baseline.channels(1).current_paid(), 6000.0, 1e-6);
  const auto& alloc = recommended(results).allocation();
  for (int c = 0; c < 2; ++c) {
    EXPECT_NEAR(baseline.channels(c).recommended_paid(), alloc.channels(c).paid_budget(), 1e-6);
  }
  // The gain, trial by trial, with its interval: clearly positive here.
  EXPECT_GT(baseline.gain().mean_difference(), 0.0);
  EXPECT_LE(baseline.gain().ci_low(), baseline.gain().mean_difference());
  EXPECT_GE(baseline.gain().ci_high(), baseline.gain().mean_difference());
  EXPECT_GT(baseline.gain().ci_low(), 0.0);
  EXPECT_GT(baseline.recommended_objective_value(), baseline.objective_value());
  EXPECT_TRUE(baseline.outside_bounds().empty());
  // The table shows it first of the analyses, and the JSON carries the same figures.
  const auto table = format_table(results, 5);
  EXPECT_NE(table.find("Today's plan against the recommendation"), std::string::npos) << table;
  EXPECT_NE(format_json(results).find("\"baseline\""), std::string::npos);
  EXPECT_NE(format_long_csv(results).find("baseline_paid,0,weak"), std::string::npos);
}

TEST(Baseline, IsSimulatedAsGivenEvenOutsideTheScenariosBounds) {
  // Today's plan spends more than the budget and more than the channel's share cap: simulated all the same.
  const World w(scenario(channel("a", "fixed: 30", 400, "current_paid: 7000 paid_share { max: 0.6 }") +
                             channel("b", "fixed: 20", 400),
                         kGrid));
  const auto results = w.run();
  const auto& baseline = results.recommendation().baseline();
  EXPECT_NEAR(baseline.channels(0).current_paid(), 7000.0, 1e-6);
  ASSERT_GE(baseline.outside_bounds_size(), 2);
  EXPECT_NE(baseline.outside_bounds(0).find("budget.total"), std::string::npos) << baseline.outside_bounds(0);
  EXPECT_NE(baseline.outside_bounds(1).find("channels[0].paid_share"), std::string::npos)
      << baseline.outside_bounds(1);
  EXPECT_NE(format_table(results, 5).find("breaks the scenario's bounds"), std::string::npos);
}

TEST(Baseline, PostsPerWeekCostWhatAPostCostsAndNoCurrentFigureMeansNoBaseline) {
  const World w(scenario(channel("a", "fixed: 30", 400, "current_paid: 1000 current_posts_per_week: 2") +
                             channel("b", "fixed: 20", 400),
                         kGrid));
  const auto results = w.run();
  const auto& baseline = results.recommendation().baseline();
  // 2 posts a week for 4 weeks at 10 each.
  EXPECT_NEAR(baseline.allocation().channels(0).organic_budget(), 80.0, 1e-6);
  EXPECT_NEAR(baseline.channels(0).current_posts_per_week(), 2.0, 1e-9);

  const World none(scenario(channel("a", "fixed: 30", 400) + channel("b", "fixed: 20", 400), kGrid));
  EXPECT_FALSE(none.run().recommendation().has_baseline());
}

TEST(Drivers, NameTheParameterAnAnalyticModelMakesDecisive) {
  // Two channels alike but for one's uncertain conversion scale: whether the recommendation (more on the
  // uncertain one) beats the runner-up depends on that draw alone.
  const World w(scenario(
      channel("steady", "fixed: 10", 400) + channel("risky", "uniform { min: 2 max: 20 }", 400), kGrid));
  const auto results = w.run();
  const auto& rec = results.recommendation();
  ASSERT_GT(rec.drivers_size(), 0);
  EXPECT_EQ(rec.drivers(0).channel(), "risky");
  EXPECT_EQ(rec.drivers(0).parameter(), "a");
  EXPECT_EQ(rec.drivers(0).source(), "scenario");
  EXPECT_GT(std::abs(rec.drivers(0).rank_correlation()), 0.9);
  EXPECT_EQ(rec.drivers_size(), 1);  // nothing else is drawn
  EXPECT_NE(format_long_csv(results).find("driver,0,risky,,,,,a,"), std::string::npos);
  EXPECT_NE(rec.explanation().find("risky's a"), std::string::npos) << rec.explanation();
  // The same for any thread count.
  const auto again = w.run(2);
  EXPECT_EQ(again.recommendation().drivers(0).rank_correlation(), rec.drivers(0).rank_correlation());
}

TEST(Drivers, SayWhenTheDecisiveValueIsABenchmarkDefault) {
  const World w(scenario(channel("steady", "fixed: 10", 400) + channel("risky", "", 400), kGrid));
  const auto results = w.run();
  const auto& rec = results.recommendation();
  ASSERT_GT(rec.drivers_size(), 0);
  EXPECT_EQ(rec.drivers(0).channel(), "risky");
  EXPECT_EQ(rec.drivers(0).source(), "default");
  EXPECT_NE(rec.explanation().find("benchmark default"), std::string::npos) << rec.explanation();
}

TEST(Drivers, RankCorrelationIsSpearmans) {
  EXPECT_DOUBLE_EQ(rank_correlation({1, 2, 3, 4}, {10, 20, 30, 1000}), 1.0);
  EXPECT_DOUBLE_EQ(rank_correlation({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
  EXPECT_DOUBLE_EQ(rank_correlation({1, 1, 1, 1}, {4, 3, 2, 1}), 0.0);
  // Ties take their average rank: ranks (1.5, 1.5, 3) against (1, 2, 3).
  EXPECT_NEAR(rank_correlation({5, 5, 9}, {1, 2, 3}), 0.8660254037844386, 1e-12);
}

bool has_warning(const v1::Results& results, const std::string& words) {
  for (const auto& w : results.recommendation().warnings()) {
    if (w.find(words) != std::string::npos) return true;
  }
  return false;
}

TEST(Robustness, AFlatOptimumIsFlaggedAndASharpOneIsNot) {
  // Linear response (kappa far above the spend), two channels alike: every split is as good as another.
  const World flat(scenario(
      channel("a", "uniform { min: 9 max: 11 }", 1e7) + channel("b", "uniform { min: 9 max: 11 }", 1e7),
      kGrid));
  const auto flat_results = flat.run();
  EXPECT_TRUE(has_warning(flat_results, "The optimum is flat"))
      << flat_results.recommendation().explanation();
  EXPECT_NE(format_table(flat_results, 5).find("The optimum is flat"), std::string::npos);
  // One channel converts three times better in every trial: all on it, clearly.
  const World sharp(scenario(
      channel("a", "uniform { min: 29 max: 31 }", 1e7) + channel("b", "uniform { min: 9 max: 11 }", 1e7),
      kGrid));
  EXPECT_FALSE(has_warning(sharp.run(), "flat"));
}

TEST(Robustness, AShareRestingOnBenchmarkDefaultsIsFlagged) {
  // Channel b's figures are all the plugin's defaults, and it gets money.
  const World w(scenario(channel("a", "fixed: 10", 400) +
                             "channels { name: \"b\" plugin: \"response\" organic { cost_per_post: 10 } }\n",
                         kGrid));
  EXPECT_TRUE(has_warning(w.run(), "b's share"));
  const World mine(scenario(channel("a", "fixed: 10", 400) + channel("b", "fixed: 10", 400), kGrid));
  EXPECT_FALSE(has_warning(mine.run(), "benchmark defaults"));
}

void expect_min_paid_kept(const v1::Results& results, int channel, double minimum) {
  for (const auto& c : results.candidates()) {
    if (!c.infeasible().empty()) continue;
    const double paid = c.allocation().channels(channel).paid_budget();
    EXPECT_TRUE(paid <= 0.01 || paid >= minimum - 0.01) << "candidate " << c.index() << " gives " << paid;
  }
}

// Channel z's response is worth a little money (about 630 of 6,000 at the optimum), not 2,500.
std::string small_channel_case(const std::string& search, const std::string& minimum) {
  return scenario(channel("a", "fixed: 30", 200) + channel("b", "fixed: 20", 300) +
                      channel("z", "fixed: 3", 100, minimum),
                  search);
}

TEST(MinPaid, AChannelBelowItsMinimumDropsOutOnTheGridAndWhenOptimizing) {
  for (const auto& search : {kGrid, kOptimize}) {
    const World free(small_channel_case(search, ""));
    const double unconstrained = recommended(free.run()).allocation().channels(2).paid_budget();
    EXPECT_GT(unconstrained, 50.0) << search;
    EXPECT_LT(unconstrained, 1000.0) << search;

    const World w(small_channel_case(search, "min_paid: 2500"));
    const auto results = w.run();
    EXPECT_NEAR(recommended(results).allocation().channels(2).paid_budget(), 0.0, 0.01) << search;
    expect_min_paid_kept(results, 2, 2500.0);
  }
}

TEST(MinPaid, IsNeverBrokenOnTheGridOrByTheOptimizer) {
  // A minimum the channel is worth keeping: on, and at least its minimum.
  for (const auto& search : {kGrid, kOptimize}) {
    const World w(scenario(channel("a", "fixed: 30", 200) + channel("b", "fixed: 20", 300, "min_paid: 2500") +
                               channel("c", "fixed: 12", 150, "min_paid: 800"),
                           search));
    const auto results = w.run();
    expect_min_paid_kept(results, 1, 2500.0);
    expect_min_paid_kept(results, 2, 800.0);
  }
  // Every grid point, not only the reported ones.
  PluginRegistry registry;
  registry.add(testing::make_platform(response_info(), response_model));
  const auto loaded = parse_scenario(
      scenario(channel("a", "fixed: 30", 200) + channel("b", "fixed: 20", 300, "min_paid: 2500"), kGrid),
      false, "s.textproto");
  validate_scenario(loaded, registry);
  const auto resolved = resolve_scenario(loaded, registry);
  const auto grid = generate_candidates(resolved);
  EXPECT_EQ(grid.size(), 7u);  // b at 0%, or 50% to 100% of 6,000
  for (const auto& split : grid) {
    EXPECT_TRUE(split.paid_shares[1] == 0.0 || split.paid_shares[1] * 6000.0 >= 2500.0 - 0.01);
  }
}

TEST(MinPaid, AMinimumNoPlanCanKeepIsRefusedNamingTheField) {
  try {
    const World w(
        scenario(channel("a", "fixed: 30", 200, "min_paid: 9000") + channel("b", "fixed: 20", 300), kGrid));
    validate_scenario(w.loaded, w.registry);
    FAIL() << "a minimum above the budget was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("channels[0].min_paid"), std::string::npos) << e.what();
  }
  // A channel that must be on (a paid share floor) must be able to keep its minimum with the others'.
  try {
    const World w(scenario(channel("a", "fixed: 30", 200, "min_paid: 4000 paid_share { min: 0.1 }") +
                               channel("b", "fixed: 20", 300, "paid_amount { min: 3000 }"),
                           kGrid));
    validate_scenario(w.loaded, w.registry);
    FAIL() << "minimums above the budget were accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("add up to 7000"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace splitsim
