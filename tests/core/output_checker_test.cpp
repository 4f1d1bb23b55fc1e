// The runner's check of a plugin's outputs: a sound block passes, and each kind of impossible figure is
// named with its trial, period and output, the first one in trial-then-period order. And the buffers' layout.
#include "engine/output_checker.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
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

std::string failure(const std::function<void(Block&)>& spoil) {
  Block b;
  spoil(b);
  try {
    check_outputs("feedy", "facebook", b.block, b.out);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
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
