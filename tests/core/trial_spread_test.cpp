// One split's trials spread over processes (Engine::spread_trials_over), with the processes played by
// threads of this test: every process ends with the figures of one unspread engine, bit for bit; each
// simulates only its own run of blocks; a plugin that fails on one process fails every process alike; and
// a spread engine refuses a second split while one runs.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "base/errors.hpp"
#include "base/process_group.hpp"
#include "engine/engine.hpp"
#include "engine/trial_exchange.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/candidate_statistics.hpp"
#include "test_support.hpp"
#include "thread_group.hpp"

namespace splitsim {
namespace {

using testing::make_platform;
using testing::SimulateFn;
using testing::ThreadGroup;

// Noisy impressions and reach, so that every trial differs; organic posts add followers.
void noisy_model(const SimulationBlock& block, const OutputBuffers& out) {
  for (std::size_t i = 0; i < block.trials; ++i) {
    out.audience[i] = 1e5;
    double reached = 0.0, cumulative = 0.0;
    for (std::size_t t = 0; t < block.periods; ++t) {
      const double noise =
          block.noise.mean_one_log_normal(block.first_trial + i, static_cast<std::uint32_t>(t), 0, 0.4);
      const double impressions = block.param(0, i) * (1.0 + block.plan.paid_spend[t]) * noise;
      cumulative += impressions;
      const double now = 1e5 * (1.0 - std::exp(-cumulative / 1e5));
      out.row(Output::kSpend, i)[t] = block.plan.paid_spend[t];
      out.row(Output::kPaidImpressions, i)[t] = impressions;
      out.row(Output::kOrganicImpressions, i)[t] = 0.0;
      out.row(Output::kReach, i)[t] = now - reached;
      out.row(Output::kEngagements, i)[t] = 0.01 * impressions;
      out.row(Output::kClicks, i)[t] = 0.005 * impressions;
      out.row(Output::kConversions, i)[t] = 0.0005 * impressions;
      out.row(Output::kFollowersGained, i)[t] = block.plan.organic_posts[t];
      reached = now;
    }
  }
}

struct Fixture {
  PluginRegistry registry;
  ResolvedScenario scenario;
  explicit Fixture(SimulateFn fn = noisy_model, int seed = 11) {
    PluginInfo info{"noisy", "1.0", "test model", {}};
    info.params = {{"impressions", "impressions per period", Distribution::log_normal(200, 0.5), 0, 1e9, ""}};
    registry.add(make_platform(std::move(info), std::move(fn)));
    const auto loaded = parse_scenario(
        "budget { total: 1200 } horizon { periods: 6 } objective { kpi: REACH } seed: " +
            std::to_string(seed) +
            " trials: 1000 "
            "channels { name: \"a\" plugin: \"noisy\" organic { cost_per_post: 10 } } "
            "channels { name: \"b\" plugin: \"noisy\" organic { cost_per_post: 20 } } "
            "constraints { kpi: CPM at_most: 500 } constraints { kpi: CPM probability: 0.9 at_most: 800 } "
            "constraints { kpi: CLICKS at_least: 10 }",
        false, "s.textproto");
    scenario = resolve_scenario(loaded, registry);
  }
};

const CandidateSplit kSplit{0.3, {0.6, 0.4}, {0.5, 0.5}};

void expect_same_figures(const TrialKpis& a, const TrialKpis& b, const std::string& where) {
  EXPECT_EQ(a.totals, b.totals) << where;  // exact, element by element
  EXPECT_EQ(a.channels, b.channels) << where;
  EXPECT_EQ(a.periods, b.periods) << where;
}

TEST(TrialSpread, EveryProcessGetsTheBitsOfOneProcessForAnyNumberOfProcessesAndBlocks) {
  const Fixture f;
  for (const bool per_period : {false, true}) {
    const auto reference = Engine(f.scenario, TrialSet::kSearch).simulate(kSplit, per_period);
    // 1000 trials: 16 blocks of 64, or 4 of 256 (five processes: one has none).
    for (const std::size_t block : {64u, 256u}) {
      for (const std::size_t processes : {2u, 3u, 5u}) {
        ThreadGroup group(processes);
        std::vector<TrialKpis> got(processes);
        group.run([&](std::size_t rank, const ProcessGroup& member) {
          Engine engine(f.scenario, TrialSet::kSearch, block);
          engine.spread_trials_over(member);
          engine.simulate_into(kSplit, got[rank], per_period);  // twice: the arrays are reused
          engine.simulate_into(kSplit, got[rank], per_period);
        });
        for (std::size_t r = 0; r < processes; ++r) {
          expect_same_figures(got[r], reference,
                              std::to_string(processes) + " processes, rank " + std::to_string(r) +
                                  ", block " + std::to_string(block) + (per_period ? ", per period" : ""));
        }
      }
    }
  }
}

// A search's step reads a few totals: only they are exchanged, and the figures say they are partial.
TEST(TrialSpread, AStepExchangesOnlyTheTotalsItReadsAndSaysTheRestArePartial) {
  const Fixture f;
  const auto reference = Engine(f.scenario, TrialSet::kSearch).simulate(kSplit);
  KpiMask read{};
  read[kpi_index(v1::REACH)] = read[kpi_index(v1::PAID_SPEND)] = true;
  ThreadGroup group(2);
  std::vector<TrialKpis> got(2);
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    Engine engine(f.scenario, TrialSet::kSearch, 64);
    engine.spread_trials_over(member);
    engine.simulate_into(kSplit, got[rank], false, &read);
  });
  for (std::size_t r = 0; r < 2; ++r) {
    EXPECT_TRUE(got[r].partial);
    EXPECT_EQ(got[r].totals[kpi_index(v1::REACH)], reference.totals[kpi_index(v1::REACH)]) << "rank " << r;
    EXPECT_EQ(got[r].totals[kpi_index(v1::PAID_SPEND)], reference.totals[kpi_index(v1::PAID_SPEND)]);
    EXPECT_NE(got[r].totals[kpi_index(v1::CLICKS)], reference.totals[kpi_index(v1::CLICKS)])
        << "not exchanged";
    EXPECT_THROW(summarize_trials(got[r], f.scenario), std::logic_error) << "never reported as a candidate";
  }
  // On one process every column is whole: nothing is partial.
  TrialKpis whole;
  Engine(f.scenario, TrialSet::kSearch).simulate_into(kSplit, whole, false, &read);
  EXPECT_FALSE(whole.partial);
  EXPECT_EQ(whole.totals, reference.totals);
}

// Every process holds a spread split's figures: each makes a share of the statistics, and all get the bits
// one process makes, for a reported candidate and for a search's step.
TEST(TrialSpread, TheStatisticsAreSharedAndGiveTheBitsOfOneProcess) {
  const Fixture f;
  const auto kpis = Engine(f.scenario, TrialSet::kSearch).simulate(kSplit);
  // Every figure's bits, field by field (a struct's padding holds no figure).
  const auto bits = [](const CandidateOutcome& o) {
    std::string b;
    const auto add = [&](double v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); };
    const auto add_summary = [&](const Summary& s) {
      for (const double v : {s.mean, s.sd, s.p5, s.p10, s.p50, s.p90, s.p95, s.cvar5}) add(v);
      for (const auto& v : {s.prob_target, s.ratio_of_means}) add(v ? *v : -1.0), b += v ? 'y' : 'n';
    };
    for (const auto& s : o.totals) add_summary(s);
    for (const auto& channel : o.channels)
      for (const auto& s : channel) add_summary(s);
    for (const auto& l : o.limits) add(l.value), add(l.steering), add(l.constraint), add(l.kpi);
    return b;
  };
  const auto whole = summarize_trials(kpis, f.scenario),
             steering = summarize_steering_trials(kpis, f.scenario);
  ASSERT_EQ(whole.limits.size(), 3u);
  for (const std::size_t processes : {2u, 3u, 5u}) {
    ThreadGroup group(processes);
    std::vector<CandidateOutcome> got(processes), steered(processes);
    group.run([&](std::size_t rank, const ProcessGroup& member) {
      got[rank] = summarize_trials(kpis, f.scenario, {}, &member);
      steered[rank] = summarize_steering_trials(kpis, f.scenario, &member);
    });
    for (std::size_t r = 0; r < processes; ++r) {
      EXPECT_EQ(bits(got[r]), bits(whole)) << processes << " processes, rank " << r;
      EXPECT_EQ(bits(steered[r]), bits(steering)) << processes << " processes, rank " << r;
    }
  }
  EXPECT_GT(whole.limits[0].value, 0.0);
  EXPECT_GT(whole.totals[kpi_index(v1::REACH)].p95, whole.totals[kpi_index(v1::REACH)].p5);
}

// Each process simulates only its own trials: rank 0 calls its plugin for its blocks only, and rank 1 is
// given other random numbers (another seed), so rank 0's figures for rank 1's trials are rank 1's, not its
// own.
TEST(TrialSpread, EachProcessSimulatesOnlyItsOwnRunOfBlocks) {
  std::atomic<std::size_t> last_block_of_rank_0{0};
  bool spread = false;
  const Fixture mine([&](const SimulationBlock& block, const OutputBuffers& out) {
    if (spread) last_block_of_rank_0 = std::max<std::size_t>(last_block_of_rank_0, block.first_trial);
    noisy_model(block, out);
  });
  const Fixture other(noisy_model, 12);
  const auto own = Engine(mine.scenario, TrialSet::kSearch, 64).simulate(kSplit);
  const auto others = Engine(other.scenario, TrialSet::kSearch, 64).simulate(kSplit);
  spread = true;
  ThreadGroup group(2);
  TrialKpis got;
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    Engine engine(rank == 0 ? mine.scenario : other.scenario, TrialSet::kSearch, 64);
    engine.spread_trials_over(member);
    auto kpis = engine.simulate(kSplit);
    if (rank == 0) got = std::move(kpis);
  });
  const auto split_at = trials_of(1, 2, 1000, 64).first;
  EXPECT_EQ(split_at, 512u);  // 16 blocks: 8 each
  const auto reach = kpi_index(v1::REACH);
  for (std::size_t i = 0; i < 1000; ++i) {
    const auto& expected = i < split_at ? own : others;
    ASSERT_EQ(got.totals[reach][i], expected.totals[reach][i]) << "trial " << i;
    ASSERT_EQ(got.channels[1][reach][i], expected.channels[1][reach][i]) << "trial " << i;
  }
  EXPECT_NE(own.totals[reach][600], others.totals[reach][600]);
  EXPECT_EQ(last_block_of_rank_0, 448u) << "rank 0 called its plugin for its own blocks only";
}

TEST(TrialSpread, RunsOfBlocksCoverTheTrialsOnceInRankOrder) {
  for (const std::size_t trials : {1u, 63u, 64u, 1000u, 4097u}) {
    for (const std::size_t size : {1u, 2u, 3u, 7u, 64u}) {
      const std::size_t blocks = (trials + 63) / 64;
      std::size_t next = 0;
      for (std::size_t r = 0; r < size; ++r) {
        const auto range = trials_of(r, size, trials, 64);
        EXPECT_EQ(range.first, next) << trials << " trials, rank " << r << " of " << size;
        EXPECT_LE(range.first, range.last);
        EXPECT_TRUE(range.first % 64 == 0 || range.first == trials);
        const std::size_t mine = (range.last - range.first + 63) / 64;
        EXPECT_LE(mine, blocks / size + 1) << "blocks shared evenly";
        EXPECT_GE(mine, blocks / size) << "blocks shared evenly";
        next = range.last;
      }
      EXPECT_EQ(next, trials);
    }
  }
}

// A plugin that fails in rank 1's trials only: rank 0, which simulated its own without fault, fails too,
// with the same plugin and message, instead of waiting for figures that never come.
TEST(TrialSpread, APluginThatFailsOnOneProcessFailsEveryProcessAlike) {
  const Fixture f([](const SimulationBlock& block, const OutputBuffers& out) {
    if (block.first_trial >= 768) throw std::runtime_error("no figures past trial 768");
    noisy_model(block, out);
  });
  ThreadGroup group(2);
  std::vector<std::string> said(2), plugin(2);
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    Engine engine(f.scenario, TrialSet::kSearch, 64);
    engine.spread_trials_over(member);
    try {
      engine.simulate(kSplit);
      said[rank] = "no error";
    } catch (const PluginError& e) {
      said[rank] = e.what();
      plugin[rank] = e.plugin();
    }
  });
  EXPECT_NE(said[1].find("no figures past trial 768"), std::string::npos) << said[1];
  EXPECT_EQ(said[0], said[1]);
  EXPECT_EQ(plugin[0], "noisy");
  EXPECT_EQ(plugin[1], "noisy");
}

// Two splits at once on one spread engine would pair one process's figures with the other split's.
TEST(TrialSpread, ASpreadEngineRefusesASecondSplitWhileOneRuns) {
  std::atomic<bool> entered{false}, release{false};
  const Fixture f([&](const SimulationBlock& block, const OutputBuffers& out) {
    if (block.first_trial >= 512) return noisy_model(block, out);  // rank 1's trials
    entered = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    noisy_model(block, out);
  });
  ThreadGroup group(2);
  bool refused = false;
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    Engine engine(f.scenario, TrialSet::kSearch, 64);
    engine.spread_trials_over(member);
    if (rank == 1) {
      engine.simulate(kSplit);
      return;
    }
    std::thread first([&] { engine.simulate(kSplit); });
    while (!entered) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    try {
      engine.simulate(kSplit);
    } catch (const std::logic_error&) {
      refused = true;
    }
    release = true;
    first.join();
  });
  EXPECT_TRUE(refused);
}

}  // namespace
}  // namespace splitsim
