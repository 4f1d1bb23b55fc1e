// The command line end to end: the real binary, real plugins, exit codes and files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using testing::run_splitsim;

std::string example(const std::string& name) { return (testing::source_dir() / "scenarios" / name).string(); }

// Scenario text on a test plugin, for the failure cases.
fs::path scenario_on(const std::string& plugin) {
  return testing::write_file(
      testing::temp_dir(), "s.textproto",
      "budget { total: 1000 } horizon { periods: 3 } objective { kpi: REACH } trials: 20\n"
      "channels { name: \"ch\" plugin: \"" +
          plugin + "\" organic { cost_per_post: 10 } }\n");
}

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "'" << part << "' not in:\n" << text;
}

// The results of a run without what legitimately differs between runs (thread count, timings).
std::string comparable(const fs::path& file) {
  auto results = load_results(file);
  results.mutable_metadata()->clear_execution();
  return serialize_results(results);
}

TEST(Cli, HelpEverywhere) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"},
                                               {"run", "--help"},
                                               {"validate", "--help"},
                                               {"plugins", "--help"},
                                               {"show", "--help"}}) {
    const auto r = run_splitsim(args);
    EXPECT_EQ(r.exit_code, 0) << args[0];
    expect_contains(r.out, "Usage: splitsim");
  }
}

TEST(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(run_splitsim({}).exit_code, 2);
  EXPECT_EQ(run_splitsim({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(run_splitsim({"run"}).exit_code, 2);
  EXPECT_EQ(run_splitsim({"run", example("small_business.textproto"), "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(run_splitsim({"run", example("small_business.textproto"), "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_splitsim({"plugins", "describe", "no_such_plugin"}).exit_code, 2);
}

TEST(Cli, RunPrintsARecommendationAndWritesResultsThatShowReadsBack) {
  const auto out = testing::temp_dir() / "r.pb";
  const auto r =
      run_splitsim({"run", example("small_business.textproto"), "-o", out.string(), "--trials", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_contains(r.out, "Recommended split");
  expect_contains(r.out, "conversions");
  expect_contains(r.out, "P(>=target)");
  ASSERT_TRUE(fs::exists(out));

  const auto table = run_splitsim({"show", out.string()});
  EXPECT_EQ(table.exit_code, 0);
  expect_contains(table.out, "Recommended split");
  const auto json = run_splitsim({"show", out.string(), "--format", "json"});
  EXPECT_EQ(json.exit_code, 0);
  expect_contains(json.out, "\"recommendation\"");
  expect_contains(json.out, "\"splitsim_version\"");
  const auto csv = run_splitsim({"show", out.string(), "--format", "csv"});
  EXPECT_EQ(csv.exit_code, 0);
  expect_contains(csv.out, "candidate,recommended,scope,");
  expect_contains(csv.out, ",facebook,");
}

TEST(Cli, EveryExampleRuns) {
  for (const auto& name : {"small_business.textproto", "b2b_linkedin.textproto", "brand_awareness.json"}) {
    const auto r = run_splitsim({"run", example(name), "--trials", "50", "--format", "csv"});
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
  }
}

TEST(Cli, SameResultsForOneAndTwoThreadsAndForTheSameSeed) {
  const auto dir = testing::temp_dir();
  const auto scenario = example("small_business.textproto");
  auto run = [&](const std::string& name, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"run", scenario, "--trials", "300", "-o", (dir / name).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_splitsim(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return comparable(dir / name);
  };
  const auto one = run("one.pb", {"--threads", "1"});
  EXPECT_EQ(one, run("two.pb", {"--threads", "2"}));
  EXPECT_EQ(one, run("again.pb", {"--threads", "2"}));
  EXPECT_NE(one, run("seed.pb", {"--threads", "2", "--seed", "99"}));
}

TEST(Cli, ValidateAcceptsExamplesAndRejectsMistakesWithFileLineAndField) {
  const auto ok = run_splitsim({"validate", example("b2b_linkedin.textproto")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  expect_contains(ok.out, "valid");

  const auto bad =
      testing::write_file(testing::temp_dir(), "bad.textproto",
                          "budget { total: -10 }\nhorizon { periods: 2 }\n"
                          "channels { name: \"a\" plugin: \"meta\" organic { cost_per_post: 5 } }\n"
                          "objective { kpi: REACH }\n");
  const auto r = run_splitsim({"validate", bad.string()});
  EXPECT_EQ(r.exit_code, 2);
  expect_contains(r.err, bad.string() + ":1: budget.total: must be a positive amount");
}

TEST(Cli, InvalidScenarioLeavesNoOutputFile) {
  const auto dir = testing::temp_dir();
  const auto bad = testing::write_file(dir, "bad.json", "{\"budget\": ");
  const auto r = run_splitsim({"run", bad.string(), "-o", (dir / "r.pb").string()});
  EXPECT_EQ(r.exit_code, 2);
  expect_contains(r.err, "bad.json");
  EXPECT_FALSE(fs::exists(dir / "r.pb"));
}

TEST(Cli, FailingPluginExitsOneNamingItAndLeavesNoOutputFile) {
  const auto dir = testing::temp_dir();
  const auto r = run_splitsim({"run", scenario_on("test_throws").string(), "-o", (dir / "r.pb").string(),
                               "--plugin-dir", testing::test_plugin_dir("test_throws").string()});
  EXPECT_EQ(r.exit_code, 1);
  expect_contains(r.err, "plugin 'test_throws'");
  expect_contains(r.err, "model exploded");
  EXPECT_FALSE(fs::exists(dir / "r.pb"));
  EXPECT_TRUE(fs::is_empty(dir));  // no temporary file either

  const auto nan = run_splitsim({"run", scenario_on("test_nan").string(), "--plugin-dir",
                                 testing::test_plugin_dir("test_nan").string()});
  EXPECT_EQ(nan.exit_code, 1);
  expect_contains(nan.err, "plugin 'test_nan'");
}

TEST(Cli, UnloadablePluginIsExplainedWhenAScenarioNeedsIt) {
  const auto r = run_splitsim({"run", scenario_on("test_wrong_abi").string(), "--plugin-dir",
                               testing::test_plugin_dir("test_wrong_abi").string()});
  EXPECT_EQ(r.exit_code, 2);
  expect_contains(r.err, "unknown plugin 'test_wrong_abi'");
  expect_contains(r.err, "libsplitsim_test_wrong_abi.so: built for plugin ABI version 42");
}

TEST(Cli, PluginsListAndDescribe) {
  const auto list = run_splitsim({"plugins", "list"});
  EXPECT_EQ(list.exit_code, 0);
  expect_contains(list.out, "meta ");
  expect_contains(list.out, "linkedin ");

  const auto describe = run_splitsim({"plugins", "describe", "meta"});
  EXPECT_EQ(describe.exit_code, 0);
  expect_contains(describe.out, "Parameters:");
  expect_contains(describe.out, "audience");
  expect_contains(describe.out, "valid range");

  const auto broken =
      run_splitsim({"plugins", "list", "--plugin-dir", testing::test_plugin_dir("test_no_factory").string()});
  EXPECT_EQ(broken.exit_code, 0);
  expect_contains(broken.err, "missing the factory symbol");
}

TEST(Cli, PluginPathFromTheEnvironment) {
  const auto output = testing::temp_dir() / "out";
  const auto command = "SPLITSIM_PLUGIN_PATH=" + testing::test_plugin_dir("test_good").string() + " '" +
                       std::string(SPLITSIM_BINARY) + "' plugins list > '" + output.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(output);
  const std::string listed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  expect_contains(listed, "test_good ");
  expect_contains(listed, "meta ");  // the bundled plugins are still searched after the environment's
}

TEST(Cli, ShowRefusesAFileThatIsNotResults) {
  const auto junk = testing::write_file(testing::temp_dir(), "x.pb", "garbage");
  const auto r = run_splitsim({"show", junk.string()});
  EXPECT_EQ(r.exit_code, 2);
  expect_contains(r.err, "not a splitsim results file");
}

}  // namespace
}  // namespace splitsim
