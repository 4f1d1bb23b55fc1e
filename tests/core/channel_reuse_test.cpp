// A grid's engine reuses a channel's per-trial figures for a later split with the same channel plan, and
// its evaluator the channel's summaries: every figure must be the bits a fresh simulation gives.
#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <atomic>
#include <set>

#include "base/errors.hpp"
#include "engine/channel_outcome_cache.hpp"
#include "engine/engine.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/grid.hpp"
#include "search/split_evaluator.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// The bundled mid-size example (four networks, a team, every parameter uncertain) at fewer trials, its
// team a single person, so that the team's shortfall, which adds every channel's community hours period by
// period, is not zero.
struct MidSize {
  PluginRegistry registry = testing::bundled_registry();
  LoadedScenario loaded;
  ResolvedScenario scenario;
  MidSize() {
    loaded = load_scenario(testing::source_dir() / "scenarios" / "mid_size_multi_network.textproto");
    loaded.scenario.set_trials(150);
    loaded.scenario.mutable_team()->set_preset("solo");
    scenario = resolve_scenario(loaded, registry);
  }
};

// Splits of the grid that share channel plans, and some that do not: every 7th of its first 2,000.
std::vector<CandidateSplit> some_splits(const ResolvedScenario& scenario) {
  const auto all = generate_candidates(scenario);
  std::vector<CandidateSplit> splits;
  for (std::size_t i = 0; i < all.size() && i < 2000; i += 7) splits.push_back(all[i]);
  return splits;
}

TEST(ChannelReuse, TheEngineGivesTheBitsOfAFreshSimulationForAnyThreadCount) {
  const MidSize w;
  ASSERT_TRUE(w.scenario.team.present);  // community hours are kept period by period too
  const auto splits = some_splits(w.scenario);
  const Engine fresh(w.scenario, TrialSet::kSearch);
  for (const int threads : {1, 2}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    Engine reusing(w.scenario, TrialSet::kSearch);
    reusing.reuse_channel_outcomes();
    std::set<std::uint64_t> ids;
    std::size_t reused = 0;
    TrialKpis kpis;
    for (const auto& split : splits) {
      reusing.simulate_into(split, kpis);
      const auto expected = fresh.simulate(split);
      ASSERT_EQ(kpis.totals, expected.totals);
      ASSERT_EQ(kpis.channels, expected.channels);
      for (const auto id : kpis.channel_outcomes) {
        EXPECT_NE(id, 0u);
        reused += !ids.insert(id).second;
      }
    }
    // Most channel plans recur in a grid: most channels were not simulated again.
    EXPECT_GT(reused, 2 * ids.size()) << threads << " threads";
    // And the team is short in some trials, so the community hours kept period by period were compared.
    const auto& shortfall = kpis.totals[kpi_index(v1::TEAM_SHORTFALL_HOURS)];
    EXPECT_GT(std::count_if(shortfall.begin(), shortfall.end(), [](double h) { return h > 0; }), 0);
  }
}

TEST(ChannelReuse, TheEvaluatorGivesTheSameCandidatesAsWithoutReuse) {
  const MidSize w;
  const auto splits = some_splits(w.scenario);
  const Engine fresh_engine(w.scenario, TrialSet::kSearch);
  Engine reusing_engine(w.scenario, TrialSet::kSearch);
  reusing_engine.reuse_channel_outcomes();
  const SplitEvaluator fresh(fresh_engine), reusing(reusing_engine);
  const auto expected = fresh.evaluate_all(splits);
  const auto got = reusing.evaluate_all(splits);  // in parallel: kept and found concurrently
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    ASSERT_EQ(got[i].SerializeAsString(), expected[i].SerializeAsString()) << "split " << i;
}

TEST(ChannelReuse, APlanIsKnownByEveryFigureOfIt) {
  const MidSize w;
  Engine engine(w.scenario, TrialSet::kSearch);
  engine.reuse_channel_outcomes();
  // The same paid shares, organic shares moved between the last two channels: the first two channels keep
  // their plans, the last two do not.
  const auto a = engine.simulate({0.3, {0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}});
  const auto b = engine.simulate({0.3, {0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.5, 0.0}});
  EXPECT_EQ(a.channel_outcomes[0], b.channel_outcomes[0]);
  EXPECT_EQ(a.channel_outcomes[1], b.channel_outcomes[1]);
  EXPECT_NE(a.channel_outcomes[2], b.channel_outcomes[2]);
  EXPECT_NE(a.channel_outcomes[3], b.channel_outcomes[3]);
  // Period flows are never taken from a kept outcome.
  const auto flows = engine.simulate({0.3, {0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}}, true);
  EXPECT_FALSE(flows.periods.empty());
  EXPECT_EQ(flows.totals, a.totals);
}

TEST(ChannelOutcomeCache, KeepsTheMostRecentlyUsedAndTheFirstOfTwoEqualOutcomes) {
  ChannelOutcomeCache cache(2);
  const auto key = [](double figure) { return ChannelOutcomeKey{0, {figure, 1.0}}; };
  const auto one = cache.keep(key(1), std::make_shared<ChannelOutcome>());
  const auto again = cache.keep(key(1), std::make_shared<ChannelOutcome>());
  EXPECT_EQ(again, one);  // the first one kept stays
  const auto two = cache.keep(key(2), std::make_shared<ChannelOutcome>());
  EXPECT_NE(one->id, two->id);
  EXPECT_EQ(cache.find(key(1)), one);  // 1 is now the most recent
  cache.keep(key(3), std::make_shared<ChannelOutcome>());
  EXPECT_EQ(cache.find(key(2)), nullptr);  // 2 went
  EXPECT_EQ(cache.find(key(1)), one);
  EXPECT_NE(cache.find(key(3)), nullptr);
  // Bit for bit: -0.0 is not 0.0, another channel is another key.
  EXPECT_EQ(cache.find(ChannelOutcomeKey{0, {-0.0, 1.0}}), nullptr);
  cache.keep(ChannelOutcomeKey{0, {0.0, 1.0}}, std::make_shared<ChannelOutcome>());
  EXPECT_EQ(cache.find(ChannelOutcomeKey{0, {-0.0, 1.0}}), nullptr);
  EXPECT_EQ(cache.find(ChannelOutcomeKey{1, {0.0, 1.0}}), nullptr);
}

TEST(ChannelReuse, NothingIsKeptFromASimulationThatFailed) {
  std::atomic<int> calls{0};
  PluginRegistry registry;
  PluginInfo info{"flaky", "1.0", "test model", {}};
  info.params = {{"audience", "people", Distribution::fixed(1e5), 1, 1e9, ""}};
  registry.add(testing::make_platform(info, [&](const SimulationBlock& block, const OutputBuffers& out) {
    ++calls;
    for (std::size_t i = 0; i < block.trials; ++i) {
      out.audience[i] = 1e5;
      for (std::size_t t = 0; t < block.periods; ++t) {
        for (int o = 0; o < kOutputCount; ++o) out.row(static_cast<Output>(o), i)[t] = 0.0;
        out.row(Output::kSpend, i)[t] = block.plan.paid_spend[t];
      }
    }
    // The first split's last block is impossible: more reach than impressions.
    if (calls <= 2 && block.first_trial + block.trials == 200) out.row(Output::kReach, 0)[0] = 1.0;
  }));
  const auto loaded = parse_scenario(
      "budget { total: 1000 } horizon { periods: 4 } objective { kpi: CLICKS } seed: 3 trials: 200 "
      "channels { name: \"a\" plugin: \"flaky\" organic { cost_per_post: 10 } }",
      false, "s.textproto");
  const auto scenario = resolve_scenario(loaded, registry);
  tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
  Engine engine(scenario, TrialSet::kSearch, 100);
  engine.reuse_channel_outcomes();
  EXPECT_THROW(engine.simulate({0.0, {1.0}, {0.0}}), PluginError);
  calls = 10;  // from now on every block is sound
  const auto kpis = engine.simulate({0.0, {1.0}, {0.0}});
  EXPECT_EQ(calls, 12);  // simulated again, not taken from the failed split
  EXPECT_EQ(kpis.channels[0][kpi_index(v1::REACH)], std::vector<double>(200, 0.0));
}

}  // namespace
}  // namespace splitsim
