// The optimizer against optima known in closed form, its bounds and constraints, and what it reports:
// runner-ups, the efficient frontier, marginal returns, pacing.
#include "search/optimizer.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <numeric>

#include "base/errors.hpp"
#include "engine/engine.hpp"
#include "output/results_io.hpp"
#include "plugins/plugin_registry.hpp"
#include "run/results_builder.hpp"
#include "run/scenario_run.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "scenario/scenario_validator.hpp"
#include "search/box_simplex.hpp"
#include "search/candidate_statistics.hpp"
#include "search/frontier.hpp"
#include "search/grid.hpp"
#include "search/marginal_returns.hpp"
#include "search/objective.hpp"
#include "search/split_evaluator.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// A noise-free response with a known optimum: per period, conversions = a (1 - exp(-spend / kappa)) from paid
// spend, plus b (1 - exp(-posts / rho)) from posts; a share `carry` of each period's paid conversions comes
// in later periods (geometric carryover). Impressions are 100 per unit of spend; nobody is "reached".
void saturating_model(const SimulationBlock& block, const OutputBuffers& out) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    const double a = block.param(0, i), kappa = block.param(1, i), b = block.param(2, i),
                 rho = block.param(3, i), carry = block.param(4, i);
    out.audience[i] = 1e9;
    double stock = 0.0;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double spend = block.plan.paid_spend[t], posts = block.plan.organic_posts[t];
      stock = a * -std::expm1(-spend / kappa) + carry * stock;
      out.row(Output::kSpend, i)[t] = spend;
      out.row(Output::kPaidImpressions, i)[t] = 100.0 * spend;
      out.row(Output::kOrganicImpressions, i)[t] = 100.0 * posts;
      out.row(Output::kReach, i)[t] = 0.0;
      out.row(Output::kEngagements, i)[t] = 0.0;
      out.row(Output::kClicks, i)[t] = 0.0;
      out.row(Output::kConversions, i)[t] = (1.0 - carry) * stock + b * -std::expm1(-posts / rho);
      out.row(Output::kFollowersGained, i)[t] = 0.0;
    }
  }
}

PluginInfo saturating_info(const std::string& name) {
  PluginInfo info{name, "1.0", "saturating test model", {}};
  info.params = {{"a", "conversions", Distribution::fixed(10), 0, 1e9, ""},
                 {"kappa", "money", Distribution::fixed(100), 1e-6, 1e9, ""},
                 {"b", "conversions", Distribution::fixed(0), 0, 1e9, ""},
                 {"rho", "posts", Distribution::fixed(1), 1e-6, 1e9, ""},
                 {"carry", "decay", Distribution::fixed(0), 0, 0.99, ""}};
  return info;
}

struct World {
  PluginRegistry registry;
  LoadedScenario loaded;
  ResolvedScenario scenario;
  explicit World(const std::string& text) {
    registry.add(testing::make_platform(saturating_info("saturating"), saturating_model));
    loaded = parse_scenario(text, false, "s.textproto");
    validate_scenario(loaded, registry);
    scenario = resolve_scenario(loaded, registry);
  }
  v1::Results run() const { return run_scenario(loaded, registry, 1); }
};

std::string channel(const std::string& name, double a, double kappa, const std::string& extra = "") {
  return "channels { name: \"" + name + "\" plugin: \"saturating\" organic { cost_per_post: 10 } " +
         "params { name: \"a\" fixed: " + std::to_string(a) +
         " } params { name: \"kappa\" fixed: " + std::to_string(kappa) + " } " + extra + " }\n";
}

// All paid, 4 periods, 3 trials (the model has no noise), optimize.
std::string paid_only(const std::string& channels, const std::string& extra = "") {
  return "budget { total: 6000 } horizon { periods: 4 } trials: 3 seed: 1\n"
         "objective { kpi: CONVERSIONS }\n"
         "search { organic_share { max: 0 } optimize { max_evaluations: 400 frontier: 1 } }\n" +
         channels + extra;
}

// The analytic optimum of sum_c T a_c (1 - exp(-x_c / (T kappa_c))) with sum x_c = budget and x_c >= min_c:
// marginal returns a_c / kappa_c exp(-x_c / (T kappa_c)) are equal (lambda) where x_c > min_c.
std::vector<double> analytic_optimum(const std::vector<double>& a, const std::vector<double>& kappa,
                                     const std::vector<double>& min, double budget, double periods) {
  const auto allocation = [&](double lambda) {
    std::vector<double> x(a.size());
    for (std::size_t c = 0; c < a.size(); ++c) {
      const double free = a[c] > 0.0 ? periods * kappa[c] * std::log(a[c] / (kappa[c] * lambda)) : 0.0;
      x[c] = std::max(min[c], free);
    }
    return x;
  };
  double lo = 1e-12, hi = 1e6;
  for (int i = 0; i < 200; ++i) {
    const double mid = std::sqrt(lo * hi);
    const auto x = allocation(mid);
    (std::accumulate(x.begin(), x.end(), 0.0) > budget ? lo : hi) = mid;
  }
  return allocation(std::sqrt(lo * hi));
}

const v1::Candidate& recommended(const v1::Results& r) {
  return r.candidates(static_cast<int>(r.recommendation().candidate_index()));
}

TEST(Optimizer, FindsTheAnalyticOptimumWhereMarginalReturnsAreEqual) {
  const World w(paid_only(channel("a", 30, 200) + channel("b", 20, 300) + channel("c", 12, 150)));
  const auto expected = analytic_optimum({30, 20, 12}, {200, 300, 150}, {0, 0, 0}, 6000, 4);
  const auto results = w.run();
  const auto& alloc = recommended(results).allocation();
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(alloc.channels(c).paid_budget(), expected[static_cast<std::size_t>(c)], 0.01 * 6000)
        << alloc.channels(c).channel();
  }
  EXPECT_EQ(results.recommendation().strategy(), "optimize");
  EXPECT_TRUE(results.recommendation().fresh_trials());
}

TEST(Optimizer, AZeroResponseChannelGetsItsMinimumAndBindingBoundsHold) {
  // Channel z buys nothing but must get 5%; channel a alone would take more than its 30% cap.
  const World w(paid_only(channel("a", 40, 400, "paid_share { max: 0.3 }") + channel("b", 10, 100) +
                          channel("z", 0, 100, "paid_share { min: 0.05 }")));
  const auto results = w.run();
  const auto& alloc = recommended(results).allocation();
  // Within 0.01% of the budget: a numerical optimum, not an exact one.
  EXPECT_NEAR(alloc.channels(0).paid_share(), 0.3, 1e-4);
  EXPECT_NEAR(alloc.channels(2).paid_share(), 0.05, 1e-4);
  EXPECT_NEAR(alloc.channels(1).paid_share(), 0.65, 1e-4);
}

TEST(Optimizer, NeverProposesAPlanOutsideTheBoundsOrOffTheBudget) {
  const World w(
      "budget { total: 5000 } horizon { periods: 3 } trials: 2 objective { kpi: CONVERSIONS }\n"
      "search { organic_share { min: 0.1 max: 0.6 } optimize { max_evaluations: 200 } }\n" +
      channel("a", 30, 200, "paid_share { min: 0.2 max: 0.7 } organic_share { max: 0.5 }") +
      channel("b", 20, 300, "organic_share { min: 0.2 } params { name: \"b\" fixed: 5 }") +
      channel("c", 12, 150, "paid_share { max: 0.4 }"));
  const SplitSpace space(w.scenario, 1.0, 1.0);
  const Engine engine(w.scenario, TrialSet::kSearch);
  const SplitEvaluator evaluator(engine);
  const auto evaluations = optimize_split(space, evaluator, 200).evaluations;
  ASSERT_GE(evaluations.size(), 50u);
  const double paid_lo[] = {0.2, 0, 0}, paid_hi[] = {0.7, 1, 0.4}, organic_lo[] = {0, 0.2, 0},
               organic_hi[] = {0.5, 1, 1};
  for (const auto& e : evaluations) {
    const auto& s = e.split;
    EXPECT_GE(s.organic_share, 0.1 - 1e-12);
    EXPECT_LE(s.organic_share, 0.6 + 1e-12);
    EXPECT_NEAR(std::accumulate(s.paid_shares.begin(), s.paid_shares.end(), 0.0), 1.0, 1e-9);
    EXPECT_NEAR(std::accumulate(s.organic_shares.begin(), s.organic_shares.end(), 0.0), 1.0, 1e-9);
    for (int c = 0; c < 3; ++c) {
      EXPECT_GE(s.paid_shares[c], paid_lo[c] - 1e-12);
      EXPECT_LE(s.paid_shares[c], paid_hi[c] + 1e-12);
      EXPECT_GE(s.organic_shares[c], organic_lo[c] - 1e-12);
      EXPECT_LE(s.organic_shares[c], organic_hi[c] + 1e-12);
    }
    EXPECT_DOUBLE_EQ(s.budget_scale, 1.0);
  }
}

TEST(Optimizer, DoesAtLeastAsWellAsTheBestGridPoint) {
  // Paid and organic both respond; the grid and the optimizer are judged on the same trials.
  const std::string channels =
      channel("a", 30, 200, "params { name: \"b\" fixed: 8 } params { name: \"rho\" fixed: 3 }") +
      channel("b", 20, 300, "params { name: \"b\" fixed: 12 } params { name: \"rho\" fixed: 5 }");
  const std::string base =
      "budget { total: 4000 } horizon { periods: 4 } trials: 2 objective { kpi: CONVERSIONS }\n";
  const World grid(base + "search { grid { organic_step: 0.1 channel_step: 0.1 } }\n" + channels);
  const auto candidates = generate_candidates(grid.scenario);
  const Engine grid_engine(grid.scenario, TrialSet::kSearch);
  double best_grid = 0.0;
  for (const auto& c : SplitEvaluator(grid_engine).evaluate_all(candidates))
    best_grid = std::max(best_grid, find_kpi(c, v1::CONVERSIONS).mean());

  const World optimize(base + "search { optimize { max_evaluations: 300 } }\n" + channels);
  const SplitSpace space(optimize.scenario, 1.0, 1.0);
  const Engine engine(optimize.scenario, TrialSet::kSearch);
  const SplitEvaluator evaluator(engine);
  const auto evaluations = optimize_split(space, evaluator, 300).evaluations;
  const auto& best = best_evaluated(evaluations, optimize.scenario.objective);
  EXPECT_GE(best.candidate.objective_value(), best_grid - 1e-9);
}

TEST(Optimizer, SameSeedSameRecommendationForAnyThreadCount) {
  const auto file = (testing::source_dir() / "scenarios" / "small_business.textproto").string();
  std::string outputs[2];
  for (int threads : {1, 2}) {
    const auto out = testing::temp_dir() / "r.pb";
    const auto r = testing::run_splitsim({"run", file, "--search", "optimize", "--trials", "200", "--threads",
                                          std::to_string(threads), "-o", out.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto results = load_results(out);
    results.mutable_metadata()->clear_execution();
    outputs[threads - 1] = results.SerializeAsString();
  }
  EXPECT_EQ(outputs[0], outputs[1]);
}

TEST(Optimizer, EveryEvaluationIsTheSameForAnyThreadCount) {
  // The starting points are simulated in parallel and each candidate's KPIs summarised in parallel: the
  // search must still see the same evaluations, in the same order, on 1, 2 and 4 threads. The example with
  // limits to keep, pacing to optimise and a money floor exercises every kind of evaluation.
  PluginRegistry registry;
  registry.load_directories({SPLITSIM_BUNDLED_PLUGIN_DIR});
  auto loaded = load_scenario(testing::source_dir() / "scenarios" / "next_quarter_optimized.textproto");
  loaded.scenario.set_trials(64);
  validate_scenario(loaded, registry);
  const ResolvedScenario scenario = resolve_scenario(loaded, registry);
  const SplitSpace space(scenario, 1.0, 1.0);
  const auto search = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    const Engine engine(scenario, TrialSet::kSearch);
    return optimize_split(space, SplitEvaluator(engine), 120);
  };
  const auto one = search(1);
  ASSERT_GT(one.evaluations.size(), 20u);
  for (const int threads : {2, 4}) {
    const auto many = search(threads);
    ASSERT_EQ(many.evaluations.size(), one.evaluations.size()) << threads << " threads";
    EXPECT_EQ(many.converged, one.converged) << threads << " threads";
    for (std::size_t i = 0; i < one.evaluations.size(); ++i) {
      const auto &a = one.evaluations[i], &b = many.evaluations[i];
      EXPECT_EQ(a.x, b.x) << "evaluation " << i << ", " << threads << " threads";
      EXPECT_EQ(a.score, b.score) << "evaluation " << i << ", " << threads << " threads";
      EXPECT_EQ(a.margins, b.margins) << "evaluation " << i << ", " << threads << " threads";
      EXPECT_EQ(a.candidate.SerializeAsString(), b.candidate.SerializeAsString())
          << "evaluation " << i << ", " << threads << " threads";
    }
  }
}

TEST(Optimizer, InfeasibleLimitsAreRefusedNamingTheBindingOne) {
  // Money minimums beyond the budget: refused before running.
  EXPECT_THROW(
      {
        try {
          World w(paid_only(channel("a", 30, 200, "paid_amount { min: 4000 }") +
                            channel("b", 20, 300, "paid_amount { min: 3000 }")));
        } catch (const InputError& e) {
          EXPECT_NE(std::string(e.what()).find("minimum paid amounts add up to 7000"), std::string::npos)
              << e.what();
          throw;
        }
      },
      InputError);
  // A KPI limit no plan can meet: refused after the search, naming the constraint and the closest figure.
  const World w(
      paid_only(channel("a", 30, 200) + channel("b", 20, 300), "constraints { kpi: CPA at_most: 0.5 }\n"));
  try {
    w.run();
    FAIL() << "an impossible CPA was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("constraints[0].at_most: mean CPA"), std::string::npos) << e.what();
  }
}

TEST(Optimizer, HoldsAChannelAtAFixedAmountAndWithinItsChangeFromToday) {
  const World w(paid_only(channel("a", 30, 200, "paid_amount { min: 1000 max: 1000 }") +
                          channel("b", 20, 300, "current_paid: 3000 max_change: 0.1") +
                          channel("c", 40, 150)));
  const auto results = w.run();
  const auto& alloc = recommended(results).allocation();
  EXPECT_NEAR(alloc.channels(0).paid_budget(), 1000.0, 0.02);
  EXPECT_GE(alloc.channels(1).paid_budget(), 2700.0 - 0.02);
  EXPECT_LE(alloc.channels(1).paid_budget(), 3300.0 + 0.02);
}

TEST(Optimizer, AKpiConstraintSteersTheRecommendation) {
  // Without limits the optimum spreads over both channels; "at most 2,000 on paid spend in total" is not a
  // share bound, so only the constraint can make the plan leave budget unspent... on the organic side.
  const std::string channels =
      channel("a", 30, 200, "params { name: \"b\" fixed: 1 } params { name: \"rho\" fixed: 50 }") +
      channel("b", 20, 300);
  const World free(
      "budget { total: 4000 } horizon { periods: 4 } trials: 2 objective { kpi: CONVERSIONS }\n"
      "search { optimize { max_evaluations: 300 frontier: 1 } }\n" +
      channels);
  const World limited(
      "budget { total: 4000 } horizon { periods: 4 } trials: 2 objective { kpi: CONVERSIONS }\n"
      "search { optimize { max_evaluations: 300 frontier: 1 } }\n" +
      channels + "constraints { kpi: PAID_SPEND at_most: 2000 }\n");
  const auto unlimited = free.run();
  EXPECT_GT(find_kpi(recommended(unlimited), v1::PAID_SPEND).mean(), 3000.0);
  const auto results = limited.run();
  EXPECT_LE(find_kpi(recommended(results), v1::PAID_SPEND).mean(), 2000.0 + 1e-6);
  for (const auto& c : results.candidates()) {
    if (c.index() == results.recommendation().candidate_index()) {
      EXPECT_TRUE(c.infeasible().empty());
    }
  }
}

TEST(Optimizer, AnUpToBudgetStopsWhereMoreWouldNotPay) {
  // ROAS falls with every extra unit on a saturating response: spend the least allowed, 30%.
  const World w(
      "budget { total: 6000 up_to: true min_spend_share: 0.3 } horizon { periods: 4 } trials: 2\n"
      "value_per_conversion: 100 objective { kpi: ROAS }\n"
      "search { organic_share { max: 0 } optimize { max_evaluations: 200 frontier: 1 } }\n" +
      channel("a", 30, 200) + channel("b", 20, 300));
  const auto results = w.run();
  const auto& alloc = recommended(results).allocation();
  EXPECT_NEAR(alloc.budget_spent_share(), 0.3, 0.01);
}

TEST(Optimizer, MinCostForTargetFindsTheCheapestPlanReachingIt) {
  // Deterministic response: the cheapest plan reaching 120 conversions equalises marginal returns at the
  // level where the total is 120. Its cost is found by bisection on the budget of the analytic optimum.
  const std::vector<double> a{30, 20}, kappa{200, 300};
  const auto total_at = [&](double budget) {
    const auto x = analytic_optimum(a, kappa, {0, 0}, budget, 4);
    double total = 0.0;
    for (std::size_t c = 0; c < 2; ++c) total += 4 * a[c] * -std::expm1(-x[c] / (4 * kappa[c]));
    return total;
  };
  double lo = 0.0, hi = 6000.0;
  for (int i = 0; i < 100; ++i) (total_at(0.5 * (lo + hi)) < 120.0 ? lo : hi) = 0.5 * (lo + hi);
  const World w(
      "budget { total: 6000 up_to: true } horizon { periods: 4 } trials: 2\n"
      "objective { kpi: CONVERSIONS statistic: MIN_COST_FOR_TARGET target: 120 min_probability: 0.9 }\n"
      "search { organic_share { max: 0 } optimize { max_evaluations: 400 frontier: 1 } }\n" +
      channel("a", 30, 200) + channel("b", 20, 300));
  const auto results = w.run();
  const auto& best = recommended(results);
  EXPECT_GE(find_kpi(best, v1::CONVERSIONS).mean(), 120.0 - 1e-6);
  EXPECT_NEAR(best.objective_value(), hi, 0.02 * hi) << "analytic minimum cost " << hi;
}

TEST(Frontier, TheOptimumNeverFallsAsTheBudgetGrowsAndMarginalReturnsFall) {
  const World w(paid_only(channel("a", 30, 200) + channel("b", 20, 300) + channel("c", 12, 150)));
  const Engine engine(w.scenario, TrialSet::kSearch);
  const SplitEvaluator evaluator(engine);
  const SplitSpace space(w.scenario, 1.0, 1.0);
  const auto optimum =
      best_evaluated(optimize_split(space, evaluator, 200).evaluations, w.scenario.objective).split;
  std::size_t used = 0;
  const FrontierAnchor anchor{optimum, evaluator.evaluate(optimum), true};
  const auto frontier =
      efficient_frontier(evaluator, evaluator, anchor, {2.0, 0.5, 1.0, 1.5, 0.75}, 60, used);
  ASSERT_EQ(frontier.size(), 5u);
  for (std::size_t i = 1; i < frontier.size(); ++i) {
    EXPECT_GT(frontier[i].budget(), frontier[i - 1].budget());
    EXPECT_GE(frontier[i].kpi().mean(), frontier[i - 1].kpi().mean());
  }
  EXPECT_GT(used, 100u);

  // Marginal returns: never negative, and lower at twice the budget (diminishing returns).
  const auto at_one = marginal_returns(evaluator, optimum);
  auto doubled = optimum;
  doubled.budget_scale = 2.0;
  const auto at_two = marginal_returns(evaluator, doubled);
  for (std::size_t c = 0; c < at_one.size(); ++c) {
    EXPECT_GE(at_one[c].paid(), 0.0);
    EXPECT_LT(at_two[c].paid(), at_one[c].paid()) << at_one[c].channel();
  }
  // At the optimum, marginal returns of channels with room are equal (what "optimal" means here).
  EXPECT_NEAR(at_one[0].paid(), at_one[1].paid(), 0.05 * at_one[0].paid());
}

TEST(Frontier, IsReportedWithMarginalReturnsAndRunnerUpsByARun) {
  const World w(
      "budget { total: 6000 } horizon { periods: 4 } trials: 3 seed: 1 objective { kpi: CONVERSIONS }\n"
      "search { organic_share { max: 0 } optimize { max_evaluations: 150 } }\n" +
      channel("a", 30, 200) + channel("b", 20, 300));
  const auto results = w.run();
  const auto& rec = results.recommendation();
  EXPECT_EQ(rec.frontier_size(), 5);
  EXPECT_NEAR(rec.frontier(2).budget(), 6000.0, 1e-6);
  EXPECT_EQ(rec.marginal_returns_size(), 2);
  EXPECT_GT(rec.runner_ups_size(), 0);
  for (const auto& r : rec.runner_ups()) {
    EXPECT_GE(r.mean_difference(), 0.0);  // noise-free: the winner is at least as good in every trial
    EXPECT_LE(r.ci_low(), r.mean_difference());
    EXPECT_GE(r.ci_high(), r.mean_difference());
  }
  EXPECT_NE(rec.explanation().find("trial by trial"), std::string::npos) << rec.explanation();
}

TEST(Comparison, RunnerUpsAreComparedOnTrialsThatDidNotChooseTheWinner) {
  // On the grid's own trials the paired mean difference would equal the difference of the reported means;
  // on trials of their own it does not (the model is noisy), and it is not biased towards the winner.
  const auto out = testing::temp_dir() / "r.pb";
  const auto r = testing::run_splitsim(
      {"run", (testing::source_dir() / "scenarios" / "small_business.textproto").string(), "--trials", "200",
       "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto results = load_results(out);
  const auto& rec = results.recommendation();
  ASSERT_GT(rec.runner_ups_size(), 0);
  const auto& other = results.candidates(static_cast<int>(rec.runner_ups(0).candidate_index()));
  const double reported =
      find_kpi(recommended(results), v1::CONVERSIONS).mean() - find_kpi(other, v1::CONVERSIONS).mean();
  EXPECT_GT(std::abs(rec.runner_ups(0).mean_difference() - reported), 1e-6 * std::abs(reported));
  EXPECT_NE(rec.explanation().find("on new trials"), std::string::npos);
}

TEST(Pacing, FrontLoadingWithCarryoverGivesTheConversionsTheModelImplies) {
  // One channel, 4 periods, 1,000 paid, a linear-enough response (kappa huge: a (1 - e^-x/k) ~ a x / k), and
  // 50% carryover: a unit spent in period u converts (1 - 0.5^(4 - u)) within the horizon.
  const std::string base =
      "budget { total: 1000 } trials: 1 objective { kpi: CONVERSIONS }\n"
      "search { organic_share { max: 0 } grid {} }\n" +
      channel("a", 1e6, 1e6, "params { name: \"carry\" fixed: 0.5 }");
  const auto conversions = [&](const std::string& pacing) {
    const World w(base + "horizon { periods: 4 " + pacing + " }\n");
    return Engine(w.scenario, TrialSet::kSearch)
        .simulate({0.0, {1.0}, {0.0}})
        .totals[kpi_index(v1::CONVERSIONS)][0];
  };
  const auto expected = [](const std::vector<double>& weights) {
    const double total_weight = std::accumulate(weights.begin(), weights.end(), 0.0);
    double total = 0.0;
    for (std::size_t u = 0; u < 4; ++u) {
      const double spend = 1000.0 * weights[u] / total_weight;
      total += 1e6 * -std::expm1(-spend / 1e6) * (1.0 - std::pow(0.5, 4.0 - static_cast<double>(u)));
    }
    return total;
  };
  const double even = conversions(""), front = conversions("pacing { shape: FRONT_LOADED }"),
               custom = conversions("pacing { shape: CUSTOM weights: [0, 0, 1, 3] }");
  EXPECT_NEAR(even, expected({1, 1, 1, 1}), 1e-6);
  EXPECT_NEAR(front, expected({1.5, 1.5 - 1.0 / 3, 0.5 + 1.0 / 3, 0.5}), 1e-6);
  EXPECT_NEAR(custom, expected({0, 0, 1, 3}), 1e-6);
  EXPECT_GT(front, even);
  EXPECT_LT(custom, even);
}

TEST(Pacing, OptimisedSegmentsMoveSpendWhereItConvertsWithinTheHorizon) {
  // With carryover, spend late in the horizon converts partly after it: the optimizer front-loads.
  const World w(
      "budget { total: 2000 } horizon { periods: 6 pacing { optimize_segments: 3 } } trials: 1\n"
      "objective { kpi: CONVERSIONS }\n"
      "search { organic_share { max: 0 } optimize { max_evaluations: 200 frontier: 1 } }\n" +
      channel("a", 50, 100, "params { name: \"carry\" fixed: 0.6 }"));
  const auto results = w.run();
  const auto& pacing = recommended(results).allocation().paid_pacing();
  ASSERT_EQ(pacing.size(), 6);
  EXPECT_NEAR(std::accumulate(pacing.begin(), pacing.end(), 0.0), 1.0, 1e-9);
  EXPECT_GT(pacing[0] + pacing[1], pacing[4] + pacing[5]);
  const auto even_conversions = Engine(w.scenario, TrialSet::kSearch)
                                    .simulate({0.0, {1.0}, {0.0}})
                                    .totals[kpi_index(v1::CONVERSIONS)][0];
  EXPECT_GT(find_kpi(recommended(results), v1::CONVERSIONS).mean(), even_conversions);
}

TEST(BoxSimplex, ProjectsOntoBoundsSummingToOne) {
  const double x[] = {0.9, 0.5, -0.2}, lo[] = {0.0, 0.1, 0.1}, hi[] = {0.6, 1.0, 1.0};
  double out[3];
  ASSERT_TRUE(project_to_box_simplex(x, lo, hi, 3, out));
  EXPECT_NEAR(out[0] + out[1] + out[2], 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(out[0], 0.6);
  EXPECT_DOUBLE_EQ(out[2], 0.1);
  EXPECT_NEAR(out[1], 0.3, 1e-12);
  const double too_high[] = {0.6, 0.6};
  EXPECT_FALSE(project_to_box_simplex(x, too_high, too_high, 2, out));
}

TEST(Objectives, RiskAverseStatisticsReadTheRightFigures) {
  v1::Candidate c;
  auto* k = c.add_kpis();
  k->set_kpi(v1::CONVERSIONS);
  k->set_mean(100);
  k->set_sd(20);
  k->set_p10(75);
  Objective o;
  o.kpi = v1::CONVERSIONS;
  o.statistic = v1::P10;
  EXPECT_EQ(objective_value(c, o), 75);
  o.statistic = v1::MEAN_MINUS_SD;
  o.risk_aversion = 1.5;
  EXPECT_EQ(objective_value(c, o), 70);
  k->set_kpi(v1::CPA);  // a cost: spread counts against it upwards, and lower is better
  o.kpi = v1::CPA;
  EXPECT_EQ(objective_value(c, o), 130);
  EXPECT_TRUE(o.lower_is_better());
}

TEST(OptimizeCli, TheSearchCanBeChosenOnTheCommandLine) {
  const auto file = (testing::source_dir() / "scenarios" / "b2b_linkedin.textproto").string();
  const auto r = testing::run_splitsim({"run", file, "--search", "optimize", "--trials", "100"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Search: optimize"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Efficient frontier"), std::string::npos);
  EXPECT_NE(r.out.find("Marginal return"), std::string::npos);
  const auto validate = testing::run_splitsim(
      {"validate", (testing::source_dir() / "scenarios" / "next_quarter_optimized.textproto").string()});
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  EXPECT_NE(validate.out.find("optimize search (up to 300 candidate evaluations, "), std::string::npos)
      << validate.out;
  const auto bad = testing::run_splitsim({"run", file, "--search", "anneal"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--search must be grid or optimize"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace splitsim
