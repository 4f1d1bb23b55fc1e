// The bundled example scenarios give the different recommendations the README explains. Fewer trials than
// the files ask for keep this fast; the properties checked hold with a wide margin at any trial count.
#include <gtest/gtest.h>

#include <algorithm>

#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

struct Run {
  v1::Results results;
  const v1::Candidate& best() const {
    return results.candidates(static_cast<int>(results.recommendation().candidate_index()));
  }
  const v1::ChannelAllocation& channel(const std::string& name) const {
    for (const auto& c : best().allocation().channels()) {
      if (c.channel() == name) return c;
    }
    throw std::runtime_error("no channel " + name);
  }
  const v1::KpiSummary& kpi(v1::Kpi k) const {
    for (const auto& s : best().kpis()) {
      if (s.kpi() == k) return s;
    }
    throw std::runtime_error("no kpi");
  }
};

Run run_example(const std::string& file, int trials = 200, const std::string& search = "") {
  const auto out = testing::temp_dir() / "results.pb";
  std::vector<std::string> args{"run", (testing::source_dir() / "scenarios" / file).string(), "--trials",
                                std::to_string(trials), "-o", out.string()};
  if (!search.empty()) args.insert(args.end(), {"--search", search});
  const auto r = testing::run_splitsim(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return {load_results(out)};
}

TEST(ExampleScenarios, SoloCreatorPutsTheirTimeIntoTikTokVideos) {
  // Engagement per euro: TikTok's discovery and engagement per view beat ads' 0.5% engagement rate.
  const auto run = run_example("solo_creator.textproto");
  EXPECT_GE(run.best().allocation().organic_share(), 0.5);
  EXPECT_GT(run.channel("tiktok").organic_budget(), run.channel("instagram").organic_budget());
  EXPECT_LE(run.best().allocation().planned_team_hours(), run.best().allocation().team_capacity_hours());
}

TEST(ExampleScenarios, MidSizeTeamLeansOnFacebookConversionsForItsSalesTarget) {
  const auto run = run_example("mid_size_multi_network.textproto");
  // The minimum organic share binds: ads convert more surely than posts.
  EXPECT_NEAR(run.best().allocation().organic_share(), 0.1, 1e-9);
  for (const char* other : {"instagram", "tiktok", "youtube"}) {
    EXPECT_GT(run.channel("facebook").paid_budget(), run.channel(other).paid_budget()) << other;
  }
  EXPECT_GT(run.kpi(v1::CONVERSIONS).prob_target(), 0.5);
  EXPECT_LT(run.kpi(v1::CONVERSIONS).prob_target(), 0.95);
}

TEST(ExampleScenarios, EnterpriseLaunchBuysReachWhereImpressionsAreCheapAndAudiencesLarge) {
  const auto run = run_example("enterprise_launch.textproto", 100);
  // TikTok and YouTube, the cheapest impressions over large audiences, take most of the paid money; X's
  // small audience none. (Which of them leads moves with the trials: the optimum is flat.)
  const double paid = run.best().allocation().paid_budget();
  EXPECT_GE(run.channel("tiktok").paid_budget() + run.channel("youtube").paid_budget(), 0.5 * paid);
  EXPECT_EQ(run.channel("x").paid_budget(), 0.0);
  // Facebook and Instagram overlap (0.7): paying for both buys the same people twice.
  EXPECT_EQ(std::min(run.channel("facebook").paid_budget(), run.channel("instagram").paid_budget()), 0.0);
  // The fixed team's cost is the organic budget whatever the split, and its plan can be staffed in 90% of
  // outcomes (the scenario's chance constraint): the results name each role's hours against its capacity.
  EXPECT_TRUE(run.best().infeasible().empty()) << run.best().infeasible();
  const auto& use = run.results.recommendation().team_use();
  ASSERT_EQ(use.roles_size(), 5);
  for (const auto& role : use.roles()) {
    EXPECT_LE(role.hours_per_period(), role.capacity_per_period() + 1e-9) << role.role();
  }
  EXPECT_LE(run.kpi(v1::REACH).p95(), 20'000'000.0) << "never above the market";
  // Few plans keep the chance constraint, and a local search drifts across its edge: the optimizer still
  // ends on a kept plan (it restores one between its best kept and broken plans). How near the grid's best
  // it ends hangs on single trials at the constraint's edge: at the file's 300 trials it reached 83% of the
  // grid's P5 with glibc's math and 59% (all paid on TikTok, missing the TikTok and YouTube basin) with the
  // deterministic vector math, whose noise differs in the last bits. The bar is what holds for both.
  const auto optimized = run_example("enterprise_launch.textproto", 300, "optimize");
  EXPECT_TRUE(optimized.best().infeasible().empty()) << optimized.best().infeasible();
  EXPECT_GE(optimized.kpi(v1::REACH).p5(), 0.55 * run.kpi(v1::REACH).p5());
}

TEST(ExampleScenarios, SmallBusinessBoostsFacebookRatherThanPosting) {
  const auto run = run_example("small_business.textproto");
  EXPECT_GE(run.best().allocation().paid_budget(), 0.8 * 6000.0);
  EXPECT_GT(run.channel("facebook").paid_budget(), run.channel("linkedin").paid_budget());
}

TEST(ExampleScenarios, B2BLaunchKeepsLinkedInAtTheMinimumTheLaunchPlanCommitted) {
  // LinkedIn's dear impressions lose to Facebook's on conversions, so its 50% floor binds.
  const auto run = run_example("b2b_linkedin.textproto");
  EXPECT_NEAR(run.channel("linkedin").paid_share(), 0.5, 1e-9);
}

TEST(ExampleScenarios, NextQuarterOptimisedKeepsEveryLimitItStates) {
  const auto run = run_example("next_quarter_optimized.textproto", 150);
  const auto& rec = run.results.recommendation();
  EXPECT_EQ(rec.strategy(), "optimize");
  EXPECT_GE(run.channel("facebook").paid_budget(), 18000 * 0.8 - 0.01);  // within 20% of today's spend
  EXPECT_LE(run.channel("facebook").paid_budget(), 18000 * 1.2 + 0.01);
  EXPECT_GE(run.channel("tiktok").paid_budget(), 3000 - 0.01);  // the committed test budget
  EXPECT_LE(run.channel("linkedin").paid_share(), 0.25 + 1e-9);
  EXPECT_LE(run.kpi(v1::CPA).mean(), 30.0);
  EXPECT_EQ(run.kpi(v1::TEAM_SHORTFALL_HOURS).mean(), 0.0);
  double pacing = 0.0;
  for (double share : run.best().allocation().paid_pacing()) pacing += share;
  EXPECT_NEAR(pacing, 1.0, 1e-9);
  ASSERT_EQ(rec.frontier_size(), 5);
  for (int i = 1; i < rec.frontier_size(); ++i) {
    EXPECT_GE(rec.frontier(i).kpi().mean(), rec.frontier(i - 1).kpi().mean());
  }
  EXPECT_EQ(rec.marginal_returns_size(), 4);
}

TEST(ExampleScenarios, MediaOnlyBrandComparesTodaysPlanAndKeepsItsRiskLimits) {
  const auto run = run_example("media_only_current_plan.textproto");
  const auto& rec = run.results.recommendation();
  // Media money buys media only: all of it paid, the team's cost beside it in the all-in figures.
  EXPECT_NEAR(run.best().allocation().paid_budget(), 30000.0, 1e-6);
  EXPECT_EQ(run.best().allocation().organic_budget(), 0.0);
  EXPECT_GT(run.kpi(v1::CPA).ratio_of_means(), run.kpi(v1::MEDIA_CPA).ratio_of_means());
  // Today's plan is shown beside the recommendation, and the team's hours by role.
  ASSERT_TRUE(rec.has_baseline());
  EXPECT_EQ(rec.baseline().channels_size(), 3);
  EXPECT_EQ(rec.team_use().roles_size(), 2);
  // The chance constraint holds: CPA at most 70 in at least 90% of outcomes; TikTok is off or a real test.
  EXPECT_TRUE(run.best().infeasible().empty()) << run.best().infeasible();
  const double tiktok = run.channel("tiktok").paid_budget();
  EXPECT_TRUE(tiktok == 0.0 || tiktok >= 1500.0 - 1e-6) << tiktok;
}

}  // namespace
}  // namespace splitsim
