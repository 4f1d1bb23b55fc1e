// Feedback before and during a run: its estimated time, the optimizer suggested for a large grid, and a
// progress bar on a terminal only.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

#include "run/time_estimate.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

using testing::run_splitsim;

RunPlan plan_of(std::size_t candidates, double channel_periods) {
  RunPlan plan;
  plan.candidates = candidates;
  plan.estimate.channel_periods = channel_periods;
  return plan;
}

TEST(RunFeedback, DurationsAreInWordsARunReads) {
  EXPECT_EQ(duration_words(0.2), "1 s");
  EXPECT_EQ(duration_words(40), "40 s");
  EXPECT_EQ(duration_words(300), "5 min");
  EXPECT_EQ(duration_words(2 * 3600 + 600), "2 h 10 min");
}

TEST(RunFeedback, ALongRunIsAnnouncedAndAShortOneIsNot) {
  EXPECT_EQ(run_time_notice(plan_of(100, 1e5), false, 2), "");
  const auto notice = run_time_notice(plan_of(100, 1e10), false, 2);
  EXPECT_NE(notice.find("this run will take about "), std::string::npos) << notice;
  EXPECT_NE(notice.find(" on 2 threads"), std::string::npos) << notice;
  // More threads, less time; more work, more time.
  EXPECT_LT(estimated_seconds(plan_of(100, 1e10), 8), estimated_seconds(plan_of(100, 1e10), 2));
  EXPECT_LT(estimated_seconds(plan_of(100, 1e9), 2), estimated_seconds(plan_of(100, 1e10), 2));
}

// A grid reuses each channel plan's figures across the splits that share it: the same plugin work takes an
// optimize run, which simulates one new split after another, longer.
TEST(RunFeedback, AGridsChannelPeriodIsEstimatedCheaperThanAnOptimizeRuns) {
  auto grid = plan_of(100, 1e9);
  grid.grid.resize(100);
  const auto optimize = plan_of(100, 1e9);  // no grid: the optimizer's plan
  EXPECT_LT(estimated_seconds(grid, 2), estimated_seconds(optimize, 2));
}

TEST(RunFeedback, ALargeGridSuggestsTheOptimizer) {
  EXPECT_EQ(large_grid_suggestion(plan_of(kLargeGridCandidates, 1e5), false), "");
  EXPECT_EQ(large_grid_suggestion(plan_of(kLargeGridCandidates + 1, 1e5), true), "");
  const auto notice = run_time_notice(plan_of(kLargeGridCandidates + 1, 1e5), false, 2);
  EXPECT_NE(notice.find("--search optimize"), std::string::npos) << notice;
}

// Three channels on a 1.25% grid: 3,321 candidate splits (just above the suggestion threshold), of little
// work each.
std::filesystem::path large_grid_scenario() {
  return testing::write_file(testing::temp_dir(), "grid.textproto", R"(
budget { total: 6000 }
horizon { periods: 1 }
channels { name: "a" plugin: "meta" organic_share { max: 0 } }
channels { name: "b" plugin: "linkedin" organic_share { max: 0 } }
channels { name: "c" plugin: "tiktok" organic_share { max: 0 } }
search { organic_share { max: 0 } grid { channel_step: 0.0125 } }
objective { kpi: CLICKS }
trials: 4
)");
}

TEST(RunFeedback, ValidatePrintsTheEstimatedTimeAndTheGridSuggestion) {
  const auto small =
      run_splitsim({"validate", (testing::source_dir() / "scenarios" / "small_business.textproto").string()});
  EXPECT_EQ(small.exit_code, 0) << small.err;
  EXPECT_NE(small.out.find(" to run"), std::string::npos) << small.out;
  EXPECT_EQ(small.out.find("--search optimize"), std::string::npos) << small.out;
  const auto large = run_splitsim({"validate", large_grid_scenario().string()});
  EXPECT_EQ(large.exit_code, 0) << large.err;
  EXPECT_NE(large.out.find("3321 candidate splits: `--search optimize`"), std::string::npos) << large.out;
}

TEST(RunFeedback, ARunIntoAPipeGetsTheSuggestionButNoProgressBar) {
  const auto r = run_splitsim({"run", large_grid_scenario().string(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("`--search optimize`"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(" candidates"), std::string::npos) << r.err;
}

// Output of a command run in a pseudo-terminal (util-linux `script`), stdout and stderr together.
std::string on_a_terminal(const std::string& command) {
  const std::string shell = "script -qec '" + command + "' /dev/null 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(shell.c_str(), "r"), ::pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  return output;
}

TEST(RunFeedback, ARunOnATerminalDrawsAProgressBarToItsEnd) {
  if (std::system("command -v script > /dev/null") != 0) GTEST_SKIP() << "util-linux `script` is missing";
  const auto output =
      on_a_terminal(std::string(SPLITSIM_BINARY) + " run " +
                    (testing::source_dir() / "scenarios" / "small_business.textproto").string() +
                    " --trials 50 --format csv");
  EXPECT_NE(output.find("\r["), std::string::npos) << output;
  EXPECT_NE(output.find("] 0/"), std::string::npos) << output;
  // small_business's grid: the bar ends at every candidate done.
  const auto validate =
      run_splitsim({"validate", (testing::source_dir() / "scenarios" / "small_business.textproto").string()});
  const auto at = validate.out.find(" candidate splits");
  ASSERT_NE(at, std::string::npos) << validate.out;
  const auto count =
      validate.out.substr(validate.out.rfind(' ', at - 1) + 1, at - validate.out.rfind(' ', at - 1) - 1);
  EXPECT_NE(output.find("] " + count + "/" + count + " candidates"), std::string::npos) << output;
}

}  // namespace
}  // namespace splitsim
