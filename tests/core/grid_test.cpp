// The grid of candidate splits: inside every bound, always the whole budget, and the expected size.
#include "search/grid.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "base/errors.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// The grid reads only the scenario's shares and steps: any model will do for plugin "p".
const PluginRegistry& registry() {
  static const PluginRegistry registry = [] {
    PluginRegistry r;
    r.add(testing::make_platform({"p", "1", "no model", {}},
                                 [](const SimulationBlock&, const OutputBuffers&) {}));
    return r;
  }();
  return registry;
}

ResolvedScenario scenario(const std::string& channels_and_search) {
  return resolve_scenario(
      parse_scenario(
          "budget { total: 100 } horizon { periods: 1 } objective { kpi: REACH } " + channels_and_search,
          false, "s.textproto"),
      registry());
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(CandidateGenerator, SharesSumToOneAndRespectBounds) {
  const auto s = scenario(R"(
    channels { name: "a" plugin: "p" paid_share { min: 0.2 max: 0.7 } organic_share { max: 0.5 } }
    channels { name: "b" plugin: "p" }
    channels { name: "c" plugin: "p" paid_share { max: 0.3 } }
    search { organic_share { min: 0.1 max: 0.5 } grid { organic_step: 0.2 channel_step: 0.1 } })");
  const auto candidates = generate_candidates(s);
  ASSERT_FALSE(candidates.empty());
  for (const auto& c : candidates) {
    EXPECT_GE(c.organic_share, 0.1 - 1e-12);
    EXPECT_LE(c.organic_share, 0.5 + 1e-12);
    EXPECT_NEAR(sum(c.paid_shares), 1.0, 1e-12);
    EXPECT_NEAR(sum(c.organic_shares), 1.0, 1e-12);
    EXPECT_GE(c.paid_shares[0], 0.2 - 1e-12);
    EXPECT_LE(c.paid_shares[0], 0.7 + 1e-12);
    EXPECT_LE(c.paid_shares[2], 0.3 + 1e-12);
    EXPECT_LE(c.organic_shares[0], 0.5 + 1e-12);
  }
}

TEST(CandidateGenerator, GridSizeIncludesBothEndsAndSkipsIrrelevantSplits) {
  // Organic share 0, 0.5, 1; two channels at step 0.5 -> 3 splits per side.
  const auto s = scenario(R"(
    channels { name: "a" plugin: "p" } channels { name: "b" plugin: "p" }
    search { grid { organic_step: 0.5 channel_step: 0.5 } })");
  const auto candidates = generate_candidates(s);
  // s = 0: 3 paid splits x 1; s = 0.5: 3 x 3; s = 1: 1 x 3.
  EXPECT_EQ(candidates.size(), 3u + 9u + 3u);
  EXPECT_EQ(candidates.front().organic_share, 0.0);
  EXPECT_EQ(candidates.back().organic_share, 1.0);
  EXPECT_EQ(sum(candidates.front().organic_shares), 0.0);  // no organic budget: nothing allocated
}

TEST(CandidateGenerator, OrganicGridEndsAtItsMaximumEvenOffStep) {
  const auto s = scenario(R"(channels { name: "a" plugin: "p" }
    search { organic_share { max: 0.25 } grid { organic_step: 0.1 channel_step: 1 } })");
  const auto candidates = generate_candidates(s);
  ASSERT_EQ(candidates.size(), 4u);  // 0, 0.1, 0.2, 0.25
  EXPECT_DOUBLE_EQ(candidates.back().organic_share, 0.25);
}

TEST(CandidateGenerator, BoundsThatNoGridPointSatisfiesAreAnInputError) {
  const auto s = scenario(R"(
    channels { name: "a" plugin: "p" paid_share { min: 0.3 max: 0.4 } }
    channels { name: "b" plugin: "p" paid_share { min: 0.6 max: 0.65 } }
    search { organic_share { max: 0 } grid { channel_step: 0.5 } })");
  EXPECT_THROW(generate_candidates(s), InputError);
}

TEST(CandidateGenerator, RefusesGridsBeyondTheLimit) {
  std::string channels;
  for (int i = 0; i < 7; ++i) channels += "channels { name: \"c" + std::to_string(i) + "\" plugin: \"p\" } ";
  const auto s = scenario(channels + "search { grid { organic_step: 0.01 channel_step: 0.05 } }");
  try {
    generate_candidates(s);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("candidate splits, more than"), std::string::npos);
  }
}

}  // namespace
}  // namespace splitsim
