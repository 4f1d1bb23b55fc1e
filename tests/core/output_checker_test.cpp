// The runner's check of a plugin's outputs: a sound block passes, and each kind of impossible figure is
// named with its trial, period and output, the first one in trial-then-period order. And the buffers' layout.
#include "engine/output_checker.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "base/errors.hpp"

namespace splitsim {
namespace {

constexpr std::size_t kTrials = 5, kPeriods = 4;

// A sound block: spend as planned, 100 paid and 1 organic impressions and 10 new people a period on an
// audience of 1000; every other output 1.
struct Block {
  std::vector<double> spend = std::vector<double>(kPeriods, 50.0), posts = std::vector<double>(kPeriods, 1.0);
  std::vector<double> data =
      std::vector<double>(static_cast<std::size_t>(kOutputCount) * kTrials * kPeriods, 1.0);
  std::vector<double> audience = std::vector<double>(kTrials, 1000.0);
  SimulationBlock block;
  OutputBuffers out;
  Block() {
    block.first_trial = 100;
    block.trials = kTrials;
    block.periods = kPeriods;
    block.plan = {spend.data(), posts.data(), PostFormat::kCrafted};
    out = OutputBuffers::over(data.data(), audience.data(), kTrials, kPeriods);
    for (std::size_t i = 0; i < kTrials; ++i) {
      for (std::size_t t = 0; t < kPeriods; ++t) {
        out.row(Output::kSpend, i)[t] = spend[t];
        out.row(Output::kPaidImpressions, i)[t] = 100.0;
        out.row(Output::kReach, i)[t] = 10.0;
      }
    }
  }
  double& at(Output o, std::size_t i, std::size_t t) { return out.row(o, i)[t]; }
};

// The checker's message on a block, or "" when it passes.
std::string failure_of(const Block& b) {
  try {
    check_outputs("feedy", "facebook", b.block, b.out);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
}

std::string failure(const std::function<void(Block&)>& spoil) {
  Block b;
  spoil(b);
  return failure_of(b);
}

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "'" << part << "' not in: " << text;
}

TEST(OutputChecker, ASoundBlockPassesAndNegativeZeroIsZero) {
  EXPECT_EQ(failure([](Block&) {}), "");
  EXPECT_EQ(failure([](Block& b) { b.at(Output::kClicks, 2, 1) = -0.0; }), "");
}

TEST(OutputChecker, EachImpossibleFigureIsNamedWithItsTrialPeriodAndOutput) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const auto message = failure([&](Block& b) { b.at(Output::kClicks, 3, 2) = kNaN; });
  expect_contains(message, "channel 'facebook' at trial 103, period 2: clicks is not finite");
  expect_contains(message, "feedy");
  expect_contains(failure([&](Block& b) { b.at(Output::kEngagements, 0, 3) = kInf; }),
                  "trial 100, period 3: engagements is not finite");
  expect_contains(failure([](Block& b) { b.at(Output::kConversions, 4, 0) = -1e-300; }),
                  "trial 104, period 0: conversions is negative");
  expect_contains(failure([](Block& b) { b.at(Output::kSpend, 1, 1) = 50.1; }),
                  "trial 101, period 1: spend 50.1 differs from the planned 50");
  expect_contains(failure([](Block& b) { b.audience[2] = 0.0; }), "trial 102: audience is 0");
  expect_contains(failure([&](Block& b) { b.audience[2] = kNaN; }), "trial 102: audience is nan");
  expect_contains(failure([](Block& b) { b.at(Output::kReach, 1, 3) = 980.0; }),
                  "trial 101, period 3: reach so far 1010 is above the audience 1000");
  expect_contains(failure([](Block& b) { b.at(Output::kReach, 0, 0) = 150.0; }),
                  "trial 100, period 0: reach so far 150 is above the impressions so far 101");
}

TEST(OutputChecker, APeriodMayReachMoreThanItsImpressionsWhileReachSoFarStaysUnder) {
  EXPECT_EQ(failure([](Block& b) { b.at(Output::kReach, 3, 1) = 150.0; }), "");  // 160 of 202 so far
  EXPECT_EQ(failure([](Block& b) { b.at(Output::kReach, 4, 3) = 130.0; }), "");  // the trial after the fours
}

TEST(OutputChecker, ReachAboveTheAudienceIsFoundInEveryTrialOfABlock) {
  // Trials 100..103 are checked four at a time, 104 alone: each must be caught.
  for (std::size_t i = 0; i < kTrials; ++i) {
    expect_contains(
        failure([&](Block& b) { b.audience[i] = 39.0; }),
        "trial " + std::to_string(100 + i) + ", period 3: reach so far 40 is above the audience 39");
  }
  EXPECT_EQ(failure([](Block& b) { b.audience[4] = 40.0; }), "");
}

// The walk's definitions, plainly: whether a block is sound.
bool sound_by_definition(const Block& b) {
  for (std::size_t i = 0; i < b.block.trials; ++i) {
    if (!(b.audience[i] > 0.0) || !std::isfinite(b.audience[i])) return false;
    double reach = 0.0, impressions = 0.0;
    for (std::size_t t = 0; t < b.block.periods; ++t) {
      for (int o = 0; o < kOutputCount; ++o) {
        const double value = b.out.row(static_cast<Output>(o), i)[t];
        if (!std::isfinite(value) || value < 0.0) return false;
      }
      const double spent = b.out.row(Output::kSpend, i)[t];
      if (std::abs(spent - b.spend[t]) > 1e-9 * std::max(1.0, b.spend[t])) return false;
      reach += b.out.row(Output::kReach, i)[t];
      impressions += b.out.row(Output::kPaidImpressions, i)[t] + b.out.row(Output::kOrganicImpressions, i)[t];
      if (reach > b.audience[i] * (1.0 + 1e-9) || reach > impressions * (1.0 + 1e-9) + 1e-9) return false;
    }
  }
  return true;
}

TEST(OutputChecker, PassesExactlyTheBlocksSoundByDefinitionOnRandomBlocksNearTheBounds) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  int sound = 0, unsound = 0;
  for (int round = 0; round < 3000; ++round) {
    Block b;
    for (std::size_t i = 0; i < kTrials; ++i) {
      double reach_sum = 0.0;
      for (std::size_t t = 0; t < kPeriods; ++t) {
        // New reach around the period's own impressions, often above them after the first period, so the
        // running sums sit near each other; and audiences at or near the reach over the horizon.
        const double paid = 100.0 * unit(random), organic = unit(random) < 0.5 ? 0.0 : 5.0 * unit(random);
        b.at(Output::kPaidImpressions, i, t) = paid;
        b.at(Output::kOrganicImpressions, i, t) = organic;
        const double share = t == 0 ? 0.5 + 0.5000001 * unit(random) : 0.3 + unit(random);
        b.at(Output::kReach, i, t) = (paid + organic) * share;
        reach_sum += b.at(Output::kReach, i, t);
      }
      b.audience[i] =
          reach_sum * (unit(random) < 0.9 ? 1.0 + unit(random) : 1.0 - 1e-9 + 3e-9 * unit(random));
    }
    if (unit(random) < 0.05) b.at(Output::kSpend, round % kTrials, round % kPeriods) += 1e-6 * unit(random);
    const bool expected = sound_by_definition(b);
    (expected ? sound : unsound) += 1;
    EXPECT_EQ(failure_of(b).empty(), expected) << "round " << round;
  }
  EXPECT_GT(sound, 300);  // both kinds are met often enough to mean something
  EXPECT_GT(unsound, 300);
}

TEST(OutputChecker, TheFirstProblemInTrialThenPeriodOrderIsTheOneNamed) {
  const auto message = failure([](Block& b) {
    b.at(Output::kFollowersGained, 3, 0) = -1.0;  // a later trial
    b.at(Output::kSpend, 2, 3) = 0.0;             // an earlier trial, a later period
    b.at(Output::kClicks, 2, 2) = -2.0;           // the first
  });
  expect_contains(message, "trial 102, period 2: clicks is negative");
}

TEST(OutputBuffers, OverLaysOutputAfterOutputWithEachTrialsPeriodsTogether) {
  std::vector<double> data(static_cast<std::size_t>(kOutputCount) * kTrials * kPeriods), audience(kTrials);
  const OutputBuffers out = OutputBuffers::over(data.data(), audience.data(), kTrials, kPeriods);
  EXPECT_EQ(out.trials, kTrials);
  EXPECT_EQ(out.periods, kPeriods);
  EXPECT_EQ(out.audience, audience.data());
  for (int o = 0; o < kOutputCount; ++o)
    for (std::size_t i = 0; i < kTrials; ++i)
      EXPECT_EQ(out.row(static_cast<Output>(o), i),
                data.data() + (static_cast<std::size_t>(o) * kTrials + i) * kPeriods);
}

}  // namespace
}  // namespace splitsim
