// A search's steps summarise only the KPIs it steers by (SplitEvaluator::steer): whatever the objective and
// the limits, each step must rank, steer and break limits exactly as the whole evaluation does.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>

#include "engine/engine.hpp"
#include "plugins/plugin_registry.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/candidate_statistics.hpp"
#include "search/objective.hpp"
#include "search/split_evaluator.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }

// Two networks whose figures are all uncertain, with the objective and limits given.
std::string scenario_with(const std::string& objective_and_limits) {
  return "budget { total: 20000 } horizon { periods: 4 } trials: 300 seed: 5\n"
         "channels { name: \"facebook\" plugin: \"meta\" organic { cost_per_post: 120 } }\n"
         "channels { name: \"tiktok\" plugin: \"tiktok\" organic { cost_per_post: 200 } }\n" +
         objective_and_limits;
}

TEST(SearchSteps, RankSteerAndBreakLimitsExactlyAsTheWholeEvaluation) {
  const auto registry = testing::bundled_registry();
  const char* cases[] = {
      // A percentile with a target, a mean ratio limit and a chance limit.
      "objective { kpi: CONVERSIONS statistic: P10 target: 40 }\n"
      "constraints { kpi: CPA at_most: 60 }\n"
      "constraints { kpi: REACH at_least: 150000 probability: 0.8 }\n",
      // A ratio KPI as the objective (its headline is the ratio of its parts' means), lower is better.
      "objective { kpi: CPA }\n"
      "constraints { kpi: CLICKS statistic: P90 at_least: 500 }\n",
      // The probability of a target, and a quantile limit.
      "objective { kpi: ROAS statistic: PROB_TARGET target: 0.5 }\n"
      "constraints { kpi: FREQUENCY statistic: QUANTILE quantile: 0.7 at_most: 3 }\n",
      // The least cost reaching a target: the costs are its figure.
      "objective { kpi: CONVERSIONS statistic: MIN_COST_FOR_TARGET target: 30 min_probability: 0.8 }\n",
  };
  const CandidateSplit splits[] = {
      {0.2, {0.5, 0.5}, {0.5, 0.5}}, {0.05, {0.9, 0.1}, {0.3, 0.7}}, {0.6, {0.0, 1.0}, {1.0, 0.0}}};
  for (const char* text : cases) {
    const auto scenario = resolve_scenario(parse_scenario(scenario_with(text), false, "steps"), registry);
    const Engine engine(scenario, TrialSet::kSearch);
    const SplitEvaluator evaluator(engine);
    const auto steering = steering_kpis(scenario);
    for (const auto& split : splits) {
      SearchFigures whole_figures, step_figures;
      const auto whole = evaluator.evaluate(split, &whole_figures);
      const auto step = evaluator.steer(split, step_figures);
      const std::string what = std::string(text) + "split organic " + std::to_string(split.organic_share);
      EXPECT_EQ(bits(step.objective_value()), bits(whole.objective_value())) << what;
      EXPECT_EQ(step.infeasible(), whole.infeasible()) << what;
      EXPECT_EQ(bits(step_figures.steering_value), bits(whole_figures.steering_value)) << what;
      EXPECT_EQ(bits(step_figures.reached), bits(whole_figures.reached)) << what;
      EXPECT_EQ(bits(constraint_excess(step, scenario)), bits(constraint_excess(whole, scenario))) << what;
      const auto margins = constraint_margins(step, scenario, step_figures.reached),
                 whole_margins = constraint_margins(whole, scenario, whole_figures.reached);
      ASSERT_EQ(margins.size(), whole_margins.size()) << what;
      for (std::size_t i = 0; i < margins.size(); ++i)
        EXPECT_EQ(bits(margins[i]), bits(whole_margins[i])) << what;
      // Every steering KPI's totals, field for field; nothing else was summarised.
      for (int k = 0; k < kKpiCount; ++k) {
        const auto& got = step.kpis(k);
        if (steering[static_cast<std::size_t>(k)]) {
          EXPECT_EQ(got.SerializeAsString(), whole.kpis(k).SerializeAsString())
              << what << v1::Kpi_Name(got.kpi());
        } else {
          EXPECT_EQ(got.mean(), 0.0) << what << v1::Kpi_Name(got.kpi());
        }
      }
      for (const auto& channel : step.channels())
        for (const auto& summary : channel.kpis()) EXPECT_EQ(summary.mean(), 0.0) << what;
    }
  }
}

}  // namespace
}  // namespace splitsim
