// `splitsim calibrate` and `run --calibration` as a user runs them: bad data refused with file, line and
// column (exit 2, nothing written), a byte-identical file on one and two threads, and a run that marks every
// channel.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "calibration_support.hpp"
#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

constexpr const char* kScenario = R"(
name: "two networks"
budget { total: 60000 }
horizon { periods: 13 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 100 } }
channels { name: "linkedin" plugin: "linkedin" organic { cost_per_post: 150 }
           params { name: "cpm" log_normal { median: 40 sigma: 0.3 } } }
search { grid { organic_step: 0.5 channel_step: 0.5 } }
objective { kpi: CONVERSIONS }
trials: 64
seed: 3
)";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A folder with the scenario and a year of Facebook history simulated from known parameters.
struct Workspace {
  fs::path dir = testing::temp_dir();
  fs::path scenario = testing::write_file(dir, "plan.textproto", kScenario);
  fs::path history;
  Workspace() {
    const auto resolved = testing::resolved(kScenario);
    testing::SyntheticHistory h;
    h.channel = &resolved.channels[0];
    h.truth = testing::median_parameters(resolved.channels[0]);
    h.spend = testing::varied_spend(26, 2000, 30000);
    history = testing::write_file(dir, "facebook.csv", testing::synthetic_history_csv(h));
  }
  testing::CommandResult calibrate(std::vector<std::string> extra, const fs::path& output) const {
    std::vector<std::string> args{"calibrate",     scenario.string(), "-o",
                                  output.string(), "--particles",     "150"};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::run_splitsim(args);
  }
};

TEST(CalibrateCommand, WritesTheSameFileOnOneAndTwoThreadsAndRunMarksEveryChannel) {
  const Workspace w;
  const auto one_path = w.dir / "one.pb", two_path = w.dir / "two.pb";
  const auto one = w.calibrate({"--history", "facebook=" + w.history.string(), "--threads", "1"}, one_path);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const auto two = w.calibrate({"--history", "facebook=" + w.history.string(), "--threads", "2"}, two_path);
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(slurp(one_path), slurp(two_path));
  EXPECT_NE(one.out.find("facebook (meta "), std::string::npos) << one.out;
  EXPECT_NE(one.out.find("prior median (90%)"), std::string::npos);
  EXPECT_NE(one.out.find("predictive check"), std::string::npos);
  EXPECT_NE(one.out.find("reach"), std::string::npos) << "the generic export has no reach: nothing said";

  const auto shown = testing::run_splitsim({"calibrate", "--show", one_path.string()});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("cpm "), std::string::npos);

  const auto results = w.dir / "results.pb";
  const auto run = testing::run_splitsim({"run", w.scenario.string(), "--calibration", one_path.string(),
                                          "-o", results.string(), "--threads", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(
      run.out.find("facebook            calibrated to the account's data, 2024-01-01 to 2024-06-30 (one.pb)"),
      std::string::npos)
      << run.out;
  EXPECT_NE(
      run.out.find("linkedin            not calibrated: benchmark defaults, and the scenario's own cpm"),
      std::string::npos)
      << run.out;
  const auto saved = load_results(results);
  ASSERT_EQ(saved.metadata().channel_basis_size(), 2);
  EXPECT_TRUE(saved.metadata().channel_basis(0).calibrated());
  EXPECT_EQ(saved.metadata().channel_basis(0).first_date(), "2024-01-01");
  EXPECT_FALSE(saved.metadata().channel_basis(1).calibrated());

  // The same run without the calibration draws other parameters: the figures move.
  const auto plain = testing::run_splitsim({"run", w.scenario.string(), "--format", "csv", "--view", "long"});
  const auto calibrated = testing::run_splitsim(
      {"run", w.scenario.string(), "--format", "csv", "--view", "long", "--calibration", one_path.string()});
  EXPECT_NE(plain.out, calibrated.out);
}

TEST(CalibrateCommand, UsesTheInputsAndTheFileTheScenarioNames) {
  const Workspace w;
  std::string text = kScenario;
  text += "calibration { file: \"named.pb\" history { channel: \"facebook\" file: \"facebook.csv\" } }\n";
  const auto scenario = testing::write_file(w.dir, "named.textproto", text);
  const auto r = testing::run_splitsim({"calibrate", scenario.string(), "--particles", "100"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(w.dir / "named.pb"));
  const auto run = testing::run_splitsim({"run", scenario.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("calibrated to the account's data"), std::string::npos);
  EXPECT_EQ(testing::run_splitsim({"validate", scenario.string()}).exit_code, 0);
  // validate refuses what run refuses: a calibration made with another prior.
  std::string changed = text;
  changed.replace(changed.find("organic { cost_per_post: 100 }"), 30,
                  "organic { cost_per_post: 100 } params { name: \"ctr\" fixed: 0.01 }");
  const auto other = testing::write_file(w.dir, "named.textproto", changed);
  const auto refused = testing::run_splitsim({"validate", other.string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("parameter 'ctr' was beta"), std::string::npos) << refused.err;
  EXPECT_EQ(testing::run_splitsim({"calibrate", "--help"}).exit_code, 0);
}

// Each bad input: exit 2, the message names the file, line and column, and no calibration file is written.
struct BadData {
  std::string name;
  std::string history;  // the Facebook history's content ("" for the good one)
  std::string lift;     // a lift test file's content ("" for none)
  std::string expected;
};

// gtest prints the case by name rather than as bytes.
void PrintTo(const BadData& bad, std::ostream* out) { *out << bad.name; }

class CalibrateBadData : public ::testing::TestWithParam<BadData> {};

TEST_P(CalibrateBadData, ExitsTwoNamingFileLineAndColumnAndWritesNothing) {
  const Workspace w;
  const auto& bad = GetParam();
  std::vector<std::string> args;
  const auto history = bad.history.empty() ? w.history : testing::write_file(w.dir, "bad.csv", bad.history);
  args = {"--history", "facebook=" + history.string()};
  if (!bad.lift.empty()) {
    args.push_back("--lift");
    args.push_back(testing::write_file(w.dir, "lift.csv", bad.lift).string());
  }
  const auto output = w.dir / "calibration.pb";
  const auto r = w.calibrate(args, output);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(bad.expected), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(output));
  for (const auto& entry : fs::directory_iterator(w.dir))
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
}

// A weekly history of `count` rows from 2024-01-01.
std::string weeks(int count) {
  std::string csv = "date,spend,impressions,clicks,conversions\n";
  for (int w = 0; w < count; ++w) {
    csv += testing::iso(std::chrono::sys_days{std::chrono::year{2024} / 1 / 1} + std::chrono::days(7 * w)) +
           ",1000,80000,700,60\n";
  }
  return csv;
}

const std::string kLiftHeader = "channel,start,end,spend,incremental_conversions,standard_error\n";

INSTANTIATE_TEST_SUITE_P(
    Inputs, CalibrateBadData,
    ::testing::Values(BadData{"missing_column", "date,impressions\n2024-01-01,5\n", "",
                              "bad.csv:1: spend: no spend column"},
                      BadData{"text_in_a_number", weeks(3) + "2024-01-22,12 USD,1,1,1\n", "",
                              "bad.csv:5: column B \"spend\": '12 USD' is not a number"},
                      BadData{"negative_spend", "date,spend,clicks\n2024-01-01,100,3\n2024-01-08,-100,3\n",
                              "", "bad.csv:3: column B \"spend\": negative spend (-100)"},
                      BadData{"overlapping_dates",
                              "date,end_date,spend\n2024-01-01,2024-01-07,10\n2024-01-07,2024-01-13,10\n", "",
                              "bad.csv:3: column A \"date\": 2024-01-07 overlaps the row of line 2"},
                      BadData{"unsorted_dates", "date,spend\n2024-01-08,10\n2024-01-01,10\n", "",
                              "bad.csv:3: column A \"date\": dates out of order"},
                      BadData{"longer_than_ten_years", "date,spend\n2010-01-01,10\n2024-01-01,10\n", "",
                              "bad.csv:3: column A \"date\": the history spans"},
                      BadData{"lift_with_zero_standard_error", "",
                              kLiftHeader + "facebook,2024-03-04,2024-03-31,20000,650,0\n",
                              "lift.csv:2: column F \"standard_error\": the standard error must be above 0"},
                      BadData{"lift_for_an_unknown_channel", "",
                              kLiftHeader + "tiktok,2024-03-04,2024-03-31,20000,650,60\n",
                              "lift.csv:2: column A \"channel\": the scenario has no channel 'tiktok'"}),
    [](const auto& info) { return info.param.name; });

TEST(CalibrateCommand, RefusesAnUnknownChannelAndAMismatchedCalibration) {
  const Workspace w;
  const auto output = w.dir / "c.pb";
  const auto unknown = w.calibrate({"--history", "tiktok=" + w.history.string()}, output);
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("the scenario has no channel 'tiktok' (its channels: facebook, linkedin)"),
            std::string::npos)
      << unknown.err;
  EXPECT_FALSE(fs::exists(output));

  ASSERT_EQ(w.calibrate({"--history", "facebook=" + w.history.string()}, output).exit_code, 0);
  std::string other = kScenario;
  other.replace(other.find("\"facebook\""), 10, "\"fb\"");
  const auto scenario = testing::write_file(w.dir, "other.textproto", other);
  const auto results = w.dir / "r.pb";
  const auto run = testing::run_splitsim(
      {"run", scenario.string(), "--calibration", output.string(), "-o", results.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("the calibration is for channel 'facebook', which this scenario does not have"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(results));
  const auto missing =
      testing::run_splitsim({"run", w.scenario.string(), "--calibration", (w.dir / "nowhere.pb").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no calibration file here"), std::string::npos) << missing.err;
  const auto damaged = testing::write_file(w.dir, "damaged.pb", "not a calibration");
  EXPECT_EQ(testing::run_splitsim({"run", w.scenario.string(), "--calibration", damaged.string()}).exit_code,
            2);
}

}  // namespace
}  // namespace splitsim
