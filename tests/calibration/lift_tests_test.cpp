// Reading lift tests: standard errors or intervals, and every bad row named.
#include "calibration/lift_tests.hpp"

#include <gtest/gtest.h>

#include "base/errors.hpp"
#include "calibration/channel_likelihood.hpp"

namespace splitsim {
namespace {

const std::vector<std::string> kChannels{"facebook", "linkedin"};

std::vector<LiftTest> read(const std::string& csv) {
  return lift_tests_from_records(parse_csv(csv, "lift.csv"), "lift.csv", kChannels);
}

std::string error_of(const std::string& csv) {
  try {
    read(csv);
  } catch (const InputError& e) {
    return e.problems().front().to_string();
  }
  return "(no error)";
}

TEST(LiftTests, ReadsStandardErrorsAndConfidenceIntervals) {
  const auto tests = read(
      "channel,start,end,spend,incremental_conversions,standard_error,ci_low,ci_high,confidence,audience_"
      "share\n"
      "facebook,2024-03-04,2024-03-31,20000,650,65,,,,\n"
      "linkedin,2024-05-01,2024-05-14,5000,40,,20,60,0.9,0.5\n");
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_DOUBLE_EQ(tests[0].standard_error, 65.0);
  EXPECT_EQ(tests[0].periods(7), 4u);
  EXPECT_NEAR(tests[1].standard_error, 40.0 / (2 * 1.6448536), 1e-6);
  EXPECT_DOUBLE_EQ(tests[1].audience_share, 0.5);
  EXPECT_EQ(tests[1].periods(7), 2u);
  EXPECT_EQ(tests[1].periods(30), 1u);
  // A cell on half the market is simulated as half of a market spending twice the cell's spend.
  const auto plans = lift_plans(tests[1], 7);
  EXPECT_DOUBLE_EQ(plans.with.spend[0] + plans.with.spend[1], 10000.0);
  EXPECT_DOUBLE_EQ(plans.scale, 0.5);
}

TEST(LiftTests, NamesFileLineAndColumnOfEveryBadRow) {
  const std::string header = "channel,start,end,spend,incremental_conversions,standard_error\n";
  EXPECT_EQ(
      error_of(header + "facebook,2024-03-04,2024-03-31,20000,650,0\n"),
      "lift.csv:2: column F \"standard_error\": the standard error must be above 0: no experiment measures "
      "a lift exactly");
  EXPECT_EQ(error_of(header + "tiktok,2024-03-04,2024-03-31,20000,650,10\n"),
            "lift.csv:2: column A \"channel\": the scenario has no channel 'tiktok' (its channels: facebook, "
            "linkedin)");
  EXPECT_EQ(error_of(header + "facebook,2024-03-31,2024-03-04,20000,650,10\n"),
            "lift.csv:2: column C \"end\": the test ends before it starts");
  EXPECT_EQ(error_of(header + "facebook,2024-03-04,2024-03-31,0,650,10\n"),
            "lift.csv:2: column D \"spend\": the test cell's spend must be above 0");
  EXPECT_EQ(error_of(header + "facebook,2024-03-04,2024-03-31,20000,many,10\n"),
            "lift.csv:2: column E \"incremental_conversions\": 'many' is not a number");
  EXPECT_EQ(
      error_of("channel,start,end,spend,incremental_conversions\nfacebook,2024-03-04,2024-03-31,1,1\n"),
      "lift.csv:1: standard_error: no 'standard_error' column, nor 'ci_low' and 'ci_high': a lift test needs "
      "its uncertainty");
  EXPECT_EQ(error_of("channel,start,spend,incremental_conversions,se\n"), "lift.csv:1: end: no 'end' column");
}

}  // namespace
}  // namespace splitsim
