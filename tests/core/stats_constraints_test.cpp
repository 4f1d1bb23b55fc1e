// Constraints on any statistic (percentiles, quantiles, chance constraints), ratio KPIs read as the ratio of
// expected totals, labels that follow each KPI's direction, and the runner-up compared on the objective's
// own statistic. Checked against cases known in closed form: conversions = paid spend x a rate drawn
// normally per trial, so P(conversions >= X) and every quantile follow from the normal distribution.
#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <regex>

#include "base/errors.hpp"
#include "engine/engine.hpp"
#include "output/formatters.hpp"
#include "output/long_csv_view.hpp"
#include "run/scenario_run.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/grid.hpp"
#include "search/objective.hpp"
#include "search/split_evaluator.hpp"
#include "stats/paired_bootstrap.hpp"
#include "stats/summary.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// Per period: conversions = paid spend x rate (rate drawn once per trial), impressions 100 per unit of spend,
// one engagement per organic post. No saturation, so every figure is known in closed form.
void linear_rate_model(const SimulationBlock& block, const OutputBuffers& out) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    const double rate = block.param(0, i);
    out.audience[i] = 1e9;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double spend = block.plan.paid_spend[t], posts = block.plan.organic_posts[t];
      out.row(Output::kSpend, i)[t] = spend;
      out.row(Output::kPaidImpressions, i)[t] = 100.0 * spend;
      out.row(Output::kOrganicImpressions, i)[t] = 100.0 * posts;
      out.row(Output::kReach, i)[t] = 0.0;
      out.row(Output::kEngagements, i)[t] = posts;
      out.row(Output::kClicks, i)[t] = spend;
      out.row(Output::kConversions, i)[t] = spend * rate;
      out.row(Output::kFollowersGained, i)[t] = 0.0;
    }
  }
}

struct World {
  PluginRegistry registry;
  LoadedScenario loaded;
  explicit World(const std::string& text) {
    PluginInfo info{"linear_rate", "1.0", "conversions = spend x a normal rate", {}};
    info.params = {{"rate", "conversions per money", Distribution::normal(0.01, 0.002), 0, 1, ""}};
    registry.add(testing::make_platform(info, linear_rate_model));
    loaded = parse_scenario(text, false, "s.textproto");
  }
  v1::Results run() const { return run_scenario(loaded, registry, 1); }
  ResolvedScenario resolved() const { return resolve_scenario(loaded, registry); }
};

// One channel, 10,000 over one period; organic posts cost 10 and bring one engagement each, so the more
// organic the better for ENGAGEMENTS, and the constraints on conversions decide how far organic may go.
std::string one_channel(const std::string& constraints, const std::string& objective = "kpi: ENGAGEMENTS",
                        const std::string& rate = "normal { mean: 0.01 sd: 0.002 }") {
  return "budget { total: 10000 } horizon { periods: 1 } trials: 20000 seed: 7\n"
         "objective { " +
         objective +
         " }\n"
         "search { grid { organic_step: 0.05 channel_step: 1 } }\n"
         "channels { name: \"c\" plugin: \"linear_rate\" organic { cost_per_post: 10 } params { name: "
         "\"rate\" " +
         rate + " } }\n" + constraints;
}

double recommended_organic_share(const v1::Results& results) {
  return results.candidates(static_cast<int>(results.recommendation().candidate_index()))
      .allocation()
      .organic_share();
}

std::string input_error(const World& world) {
  try {
    world.run();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// z-quantiles of the standard normal used below.
constexpr double kZ20 = -0.8416212335729143;  // Phi^-1(0.2)
constexpr double kZ10 = -1.2815515655446004;  // Phi^-1(0.1)

TEST(ChanceConstraint, BindsWhereTheNormalDistributionSays) {
  // P(conversions >= X) >= 0.8 with conversions = paid x rate: paid x (0.01 + 0.002 z_0.2) >= X. X is chosen
  // so that the boundary lies at an organic share of 0.275, midway between grid points 0.25 and 0.30.
  const double x = 7250.0 * (0.01 + 0.002 * kZ20);
  const World chance(
      one_channel("constraints { kpi: CONVERSIONS at_least: " + std::to_string(x) + " probability: 0.8 }"));
  const auto results = chance.run();
  EXPECT_NEAR(recommended_organic_share(results), 0.25, 1e-9);
  // The share at 0.25 (paid 7,500) is P(rate >= X / 7,500), known in closed form.
  const auto& best = results.candidates(static_cast<int>(results.recommendation().candidate_index()));
  const auto& figures = find_kpi(best, v1::CONVERSIONS).constraint_figures();
  ASSERT_EQ(figures.size(), 1);
  const double expected = 0.5 * std::erfc((x / 7500.0 - 0.01) / 0.002 / std::sqrt(2.0));
  EXPECT_NEAR(figures[0].value(), expected, 0.01);
  EXPECT_GE(figures[0].steering(), x);  // the value kept in 80% of trials reaches X

  // The same limit on the mean allows more organic work: paid >= X / 0.01, an organic share up to 0.39.
  const World mean(one_channel("constraints { kpi: CONVERSIONS at_least: " + std::to_string(x) + " }"));
  EXPECT_NEAR(recommended_organic_share(mean.run()), 0.35, 1e-9);
}

TEST(ChanceConstraint, OnACostMeansAtMostTheLimit) {
  // P(CPA <= L) >= 0.9 with CPA = 10,000 / (paid x rate): rate >= 10,000 / (paid L) in 90% of trials.
  const double limit = 10000.0 / (7250.0 * (0.01 + 0.002 * kZ10));
  const World world(
      one_channel("constraints { kpi: CPA at_most: " + std::to_string(limit) + " probability: 0.9 }"));
  EXPECT_NEAR(recommended_organic_share(world.run()), 0.25, 1e-9);
}

TEST(QuantileConstraint, P90AndQuantileOfACostBindWhereTheNormalDistributionSays) {
  // CPA's P90 is 10,000 / (paid x rate's 10% quantile): at most L exactly when paid >= 7,250.
  const double limit = 10000.0 / (7250.0 * (0.01 + 0.002 * kZ10));
  const World p90(
      one_channel("constraints { kpi: CPA statistic: P90 at_most: " + std::to_string(limit) + " }"));
  EXPECT_NEAR(recommended_organic_share(p90.run()), 0.25, 1e-9);
  const World quantile(one_channel(
      "constraints { kpi: CPA statistic: QUANTILE quantile: 0.9 at_most: " + std::to_string(limit) + " }"));
  EXPECT_NEAR(recommended_organic_share(quantile.run()), 0.25, 1e-9);
  // P5 of conversions (a quantile of a KPI that is maximised) bounds from below the same way.
  const double p5 = 7250.0 * (0.01 + 0.002 * -1.6448536269514722);
  const World low(
      one_channel("constraints { kpi: CONVERSIONS statistic: P5 at_least: " + std::to_string(p5) + " }"));
  EXPECT_NEAR(recommended_organic_share(low.run()), 0.25, 1e-9);
}

TEST(ChanceConstraint, InfeasibleNamesTheBindingConstraintAndTheBestValue) {
  // At best (all paid, 10,000) P(conversions >= 120) = P(rate >= 0.012) = P(z >= 1) = 0.159.
  const World world(one_channel("constraints { kpi: CONVERSIONS at_least: 120 probability: 0.8 }"));
  const std::string message = input_error(world);
  ASSERT_FALSE(message.empty());
  EXPECT_NE(message.find("constraints[0]"), std::string::npos) << message;
  EXPECT_NE(message.find("P(CONVERSIONS >= 120) >= 0.8) binds"), std::string::npos) << message;
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(message, match, std::regex("best any candidate achieves is a share of ([0-9.]+)")))
      << message;
  EXPECT_NEAR(std::stod(match[1]), 0.5 * std::erfc(1.0 / std::sqrt(2.0)), 0.01) << message;
}

TEST(ChanceConstraint, InfeasibleThroughTheCliExitsTwoWithNoResultsFile) {
  const auto dir = testing::temp_dir();
  const auto scenario = testing::write_file(
      dir, "s.textproto",
      "budget { total: 6000 currency: \"USD\" } horizon { periods: 4 } trials: 50 seed: 1\n"
      "objective { kpi: CONVERSIONS }\n"
      "search { grid { organic_step: 0.5 channel_step: 1 } }\n"
      "channels { name: \"fb\" plugin: \"meta\" organic { cost_per_post: 50 } }\n"
      "constraints { kpi: CONVERSIONS at_least: 1e9 probability: 0.5 }\n");
  const auto out = dir / "r.pb";
  const auto r = testing::run_splitsim({"run", scenario.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("constraints[0] (P(CONVERSIONS >= 1e+09) >= 0.5) binds"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(ConstraintValidation, RefusesMalformedConstraintsNamingTheField) {
  const auto problems = [](const std::string& constraint) {
    const World world(one_channel(constraint));
    try {
      validate_scenario(world.loaded, world.registry);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(
      problems("constraints { kpi: CPA at_most: 40 probability: 1.5 }").find("constraints[0].probability"),
      std::string::npos);
  EXPECT_NE(problems("constraints { kpi: CPA at_most: 40 at_least: 1 probability: 0.5 }")
                .find("a chance constraint takes one limit"),
            std::string::npos);
  EXPECT_NE(problems("constraints { kpi: CPA at_most: 40 statistic: P90 probability: 0.5 }")
                .find("constraints[0].statistic"),
            std::string::npos);
  EXPECT_NE(
      problems("constraints { kpi: CPA at_most: 40 statistic: QUANTILE }").find("constraints[0].quantile"),
      std::string::npos);
  EXPECT_NE(problems("constraints { kpi: CPA at_most: 40 statistic: QUANTILE quantile: 1 }")
                .find("constraints[0].quantile: must be in (0, 1)"),
            std::string::npos);
  EXPECT_NE(
      problems("constraints { kpi: CPA at_most: 40 quantile: 0.5 }").find("only with statistic: QUANTILE"),
      std::string::npos);
  EXPECT_NE(
      problems("constraints { kpi: CPA at_most: 40 statistic: MEAN_MINUS_SD }").find("cannot be limited"),
      std::string::npos);
  EXPECT_EQ(problems("constraints { kpi: CPA at_most: 40 statistic: P90 }"), "");
  EXPECT_EQ(problems("constraints { kpi: CONVERSIONS at_least: 40 probability: 0.9 }"), "");
}

TEST(RatioKpis, HeadlineIsTotalCostOverMeanConversions) {
  // The rate varies per trial: the mean of per-trial CPAs (Jensen) is above cost / mean conversions.
  const World world(one_channel("", "kpi: CPA"));
  const auto results = world.run();
  for (const auto& candidate : results.candidates()) {
    if (candidate.allocation().organic_share() >= 1.0) continue;
    const auto& cpa = find_kpi(candidate, v1::CPA);
    const double cost =
        find_kpi(candidate, v1::PAID_SPEND).mean() + find_kpi(candidate, v1::ORGANIC_COST).mean();
    ASSERT_TRUE(cpa.has_ratio_of_means());
    EXPECT_DOUBLE_EQ(cpa.ratio_of_means(), cost / find_kpi(candidate, v1::CONVERSIONS).mean());
    EXPECT_GT(cpa.mean(), cpa.ratio_of_means());
    // A MEAN objective on a ratio KPI is the ratio of expected totals.
    EXPECT_DOUBLE_EQ(candidate.objective_value(), cpa.ratio_of_means());
  }
  EXPECT_FALSE(find_kpi(results.candidates(0), v1::CONVERSIONS).has_ratio_of_means());
}

TEST(RatioKpis, OnADeterministicPluginTheRatioOfTotalsIsTheRatio) {
  const World world(one_channel("", "kpi: CPA", "fixed: 0.01"));
  const auto results = world.run();
  const auto& best = results.candidates(static_cast<int>(results.recommendation().candidate_index()));
  const auto& cpa = find_kpi(best, v1::CPA);
  EXPECT_DOUBLE_EQ(cpa.ratio_of_means(), 10000.0 / find_kpi(best, v1::CONVERSIONS).mean());
  EXPECT_DOUBLE_EQ(cpa.ratio_of_means(), cpa.mean());
  // Every other ratio too: CPM = 1000 paid / paid impressions, CPC = cost / clicks, ROAS without a value 0.
  EXPECT_DOUBLE_EQ(find_kpi(best, v1::CPM).ratio_of_means(), 10.0);
  EXPECT_DOUBLE_EQ(find_kpi(best, v1::CPC).ratio_of_means(), 10000.0 / find_kpi(best, v1::CLICKS).mean());
  EXPECT_DOUBLE_EQ(find_kpi(best, v1::ROAS).ratio_of_means(), 0.0);
}

TEST(Labels, CostTargetsReadAtMostAndMarginalReturnsOfARatioReadAsAChange) {
  const World cost(one_channel("", "kpi: CPA target: 150"));
  const auto table = format_table(cost.run(), 5);
  EXPECT_NE(table.find("P(<=target)"), std::string::npos) << table;
  EXPECT_EQ(table.find("P(>=target)"), std::string::npos) << table;
  EXPECT_NE(table.find("change in cpa per 1,000"), std::string::npos) << table;
  EXPECT_EQ(table.find(": cpa per 1,000"), std::string::npos) << table;
  EXPECT_NE(table.find("cpa, ratio of totals"), std::string::npos) << table;
  EXPECT_NE(table.find("cpa, per trial"), std::string::npos) << table;

  const World count(one_channel("", "kpi: CONVERSIONS target: 50"));
  const auto counts = format_table(count.run(), 5);
  EXPECT_NE(counts.find("P(>=target)"), std::string::npos) << counts;
  EXPECT_NE(counts.find("Marginal return at this split: conversions per 1,000"), std::string::npos) << counts;
}

TEST(Labels, ProbabilityOfACostTargetCountsTrialsAtOrBelowIt) {
  const World world(one_channel("", "kpi: CPA target: 150"));
  const auto results = world.run();
  for (const auto& candidate : results.candidates()) {
    if (candidate.allocation().organic_share() >= 1.0) continue;
    // CPA <= 150 exactly when rate >= 10,000 / (150 paid).
    const double paid = candidate.allocation().paid_budget();
    const double expected = 0.5 * std::erfc((10000.0 / (150.0 * paid) - 0.01) / 0.002 / std::sqrt(2.0));
    EXPECT_NEAR(find_kpi(candidate, v1::CPA).prob_target(), expected, 0.01) << paid;
  }
}

TEST(ConstraintsTable, ShowsEachConstraintsFigureAtTheRecommendation) {
  const double x = 7250.0 * (0.01 + 0.002 * kZ20);
  const World world(
      one_channel("constraints { kpi: CONVERSIONS at_least: " + std::to_string(x) +
                  " probability: 0.8 }\nconstraints { kpi: CPA statistic: P90 at_most: 1000 }"));
  const auto results = world.run();
  const auto table = format_table(results, 5);
  EXPECT_NE(table.find("Constraints at this split:"), std::string::npos) << table;
  EXPECT_NE(table.find("P(CONVERSIONS >= "), std::string::npos) << table;
  EXPECT_NE(table.find("P90 CPA <= 1000"), std::string::npos) << table;
  // The CSV carries the same figures, one row per constraint and candidate.
  const auto csv = format_long_csv(results);
  EXPECT_NE(csv.find(",constraint_0,,,,,CONVERSIONS,"), std::string::npos);
  EXPECT_NE(csv.find(",constraint_1,,,,,CPA,"), std::string::npos);
}

// Two channels: "safe" converts at 1% +- 0.05%, "risky" at 1.1% +- 0.4%. On P10 all-safe wins (93.6
// against 79 for half and half), yet half and half has the higher mean and wins in about 60% of trials.
std::string safe_and_risky() {
  return "budget { total: 10000 } horizon { periods: 1 } trials: 4000 seed: 3\n"
         "objective { kpi: CONVERSIONS statistic: P10 }\n"
         "search { organic_share { max: 0 } grid { organic_step: 1 channel_step: 0.5 } }\n"
         "channels { name: \"safe\" plugin: \"linear_rate\" organic { cost_per_post: 10 } "
         "params { name: \"rate\" normal { mean: 0.01 sd: 0.0005 } } }\n"
         "channels { name: \"risky\" plugin: \"linear_rate\" organic { cost_per_post: 10 } "
         "params { name: \"rate\" normal { mean: 0.011 sd: 0.004 } } }\n";
}

TEST(Comparison, OnAP10ObjectiveReportsTheP10Difference) {
  const World world(safe_and_risky());
  const auto results = world.run();
  const auto& rec = results.recommendation();
  const auto& best = results.candidates(static_cast<int>(rec.candidate_index()));
  ASSERT_DOUBLE_EQ(best.allocation().channels(0).paid_share(), 1.0);
  ASSERT_GE(rec.runner_ups_size(), 1);
  const auto& c = rec.runner_ups(0);
  EXPECT_EQ(c.statistic(), v1::P10);

  // The same difference, computed here on the comparison trials.
  const auto scenario = world.resolved();
  const Engine engine(scenario, TrialSet::kComparison);
  const SplitEvaluator evaluator(engine);
  const auto splits = generate_candidates(scenario);
  auto a = evaluator.objective_kpi_per_trial(splits[rec.candidate_index()]);
  auto b = evaluator.objective_kpi_per_trial(splits[c.candidate_index()]);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  const double p10 = percentile_sorted(a, 0.1) - percentile_sorted(b, 0.1);
  EXPECT_DOUBLE_EQ(c.statistic_difference(), p10);
  EXPECT_GT(c.statistic_difference(), 0.0);
  EXPECT_LT(c.statistic_ci_low(), c.statistic_difference());
  EXPECT_GT(c.statistic_ci_high(), c.statistic_difference());
  EXPECT_GT(c.statistic_ci_low(), 0.0);  // 14 conversions apart on 4,000 trials: told apart
  // Beside it, the mean difference (the runner-up is better on average) and the share of trials won.
  EXPECT_LT(c.mean_difference(), 0.0);
  EXPECT_LT(c.prob_better(), 0.5);
  EXPECT_NE(rec.explanation().find("P10 CONVERSIONS +"), std::string::npos) << rec.explanation();
  EXPECT_NE(rec.explanation().find("does worse on average"), std::string::npos) << rec.explanation();
  EXPECT_NE(rec.explanation().find("does worse in most trials"), std::string::npos) << rec.explanation();
}

TEST(Comparison, BootstrapIsTheSameOnOneAndTwoThreads) {
  const World world(safe_and_risky());
  v1::Results one, two;
  tbb::task_arena(1).execute([&] { one = world.run(); });
  tbb::task_arena(2).execute([&] { two = run_scenario(world.loaded, world.registry, 2); });
  ASSERT_EQ(one.recommendation().runner_ups_size(), two.recommendation().runner_ups_size());
  for (int i = 0; i < one.recommendation().runner_ups_size(); ++i) {
    const auto& a = one.recommendation().runner_ups(i);
    const auto& b = two.recommendation().runner_ups(i);
    EXPECT_EQ(a.statistic_ci_low(), b.statistic_ci_low());
    EXPECT_EQ(a.statistic_ci_high(), b.statistic_ci_high());
    EXPECT_EQ(a.statistic_difference(), b.statistic_difference());
  }
}

TEST(PairedBootstrap, IntervalCoversAKnownShiftAndDependsOnlyOnItsAddress) {
  std::vector<double> a(500), b(500);
  for (std::size_t i = 0; i < a.size(); ++i) {
    b[i] = static_cast<double>((i * 7919) % 500);
    a[i] = b[i] + 3.0;  // every quantile moves by exactly 3
  }
  const SampleStatistic median = [](std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    return percentile_sorted(v, 0.5);
  };
  const auto interval = paired_bootstrap(a, b, median, 42, 1);
  EXPECT_DOUBLE_EQ(interval.low, 3.0);
  EXPECT_DOUBLE_EQ(interval.high, 3.0);
  std::vector<double> noise(500);
  for (std::size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<double>((i * 31) % 97);
  const auto first = paired_bootstrap(noise, b, median, 42, 1);
  const auto again = paired_bootstrap(noise, b, median, 42, 1);
  const auto other = paired_bootstrap(noise, b, median, 42, 2);
  EXPECT_EQ(first.low, again.low);
  EXPECT_EQ(first.high, again.high);
  EXPECT_TRUE(first.low != other.low || first.high != other.high);
  EXPECT_LT(first.low, first.high);
}

}  // namespace
}  // namespace splitsim
