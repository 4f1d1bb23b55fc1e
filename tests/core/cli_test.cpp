// The command line end to end: the real binary, real plugins, exit codes and files.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "batch_support.hpp"
#include "output/results_io.hpp"
#include "splitsim/abi.hpp"
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
  const auto csv = run_splitsim({"show", out.string(), "--format", "csv", "--view", "long"});
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
  // The test plugin says kAbiVersion + 41, whatever the SDK's version is.
  expect_contains(r.err, "libsplitsim_test_wrong_abi.so: built for plugin ABI version " +
                             std::to_string(kAbiVersion + 41));
}

// Plugins load only when named, so the list of what is available comes from the plugin folders.
TEST(Cli, UnknownPluginListsEveryPluginOnThePath) {
  const auto r = run_splitsim({"validate", scenario_on("myspace").string()});
  EXPECT_EQ(r.exit_code, 2);
  expect_contains(r.err, "unknown plugin 'myspace'; available: instagram, linkedin, meta,");
}

// What a user typed is quoted back escaped: a terminal escape sequence (or a bidirectional override) in an
// argument must not reach the terminal raw through an error message.
TEST(Cli, UsageErrorsQuoteTheArgumentsEscaped) {
  const std::string hostile = "x\x1b[2J\u202e";
  const std::string scenario = (testing::source_dir() / "scenarios" / "small_business.textproto").string();
  const std::string out = (testing::temp_dir() / "out").string();
  for (const auto& args :
       std::vector<std::vector<std::string>>{{hostile},
                                             {"run", scenario, "--search", hostile},
                                             {"run", scenario, "--" + hostile},
                                             {"plugins", hostile},
                                             {"plugins", "describe", hostile},
                                             {"plugins", "check", hostile},
                                             {"batch", scenario, "-o", out, "--plugin-dir", hostile},
                                             {"job", hostile}}) {
    const auto r = run_splitsim(args);
    SCOPED_TRACE(args.size() > 1 ? args[0] + " " + args[1] : args[0]);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("\u202e"), std::string::npos) << r.err;
    expect_contains(r.err, "x\\x1b[2J");
  }
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

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Flips the lowest bit of one figure in a results file (the first candidate's first KPI mean): the file still
// parses, and only a checksum can tell.
void flip_a_figure(const fs::path& file) {
  std::string bytes = slurp(file);
  v1::Results results;
  ASSERT_TRUE(results.ParseFromString(bytes));
  ASSERT_GT(results.candidates_size(), 0);
  const double mean = results.candidates(0).kpis(0).mean();
  ASSERT_NE(mean, 0.0);
  char encoded[sizeof mean];
  std::memcpy(encoded, &mean, sizeof mean);  // protobuf doubles are little-endian, as is this machine
  const auto at = bytes.find(std::string(encoded, sizeof encoded));
  ASSERT_NE(at, std::string::npos);
  bytes[at] = static_cast<char>(bytes[at] ^ 1);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// A results file that parses but whose recommendation points past the candidates, with any checksum right
// (what a buggy or hostile writer produces).
void point_past_the_candidates(const fs::path& file) {
  v1::Results results;
  ASSERT_TRUE(results.ParseFromString(slurp(file)));
  results.mutable_recommendation()->set_candidate_index(
      static_cast<std::uint32_t>(results.candidates_size() + 1000));
  save_results(file, results);
}

TEST(Cli, ShowRefusesResultsWhoseRecommendationIsOutOfRange) {
  const auto out = testing::temp_dir() / "r.pb";
  ASSERT_EQ(run_splitsim({"run", example("small_business.textproto"), "--trials", "50", "-o", out.string(),
                          "--format", "csv"})
                .exit_code,
            0);
  point_past_the_candidates(out);
  for (const std::string format : {"table", "csv", "json"}) {
    const auto r = run_splitsim({"show", out.string(), "--format", format});
    EXPECT_EQ(r.exit_code, 2) << format << ": " << r.err;
    expect_contains(r.err, out.string() + ": recommendation.candidate_index");
    EXPECT_TRUE(r.out.empty()) << format << ": " << r.out.substr(0, 200);
  }
}

TEST(Cli, ShowRefusesAResultsFileWithAFlippedByte) {
  const auto out = testing::temp_dir() / "r.pb";
  ASSERT_EQ(run_splitsim({"run", example("small_business.textproto"), "--trials", "50", "-o", out.string(),
                          "--format", "csv"})
                .exit_code,
            0);
  flip_a_figure(out);
  const auto r = run_splitsim({"show", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.out.substr(0, 200);
  expect_contains(r.err,
                  out.string() + ": the results are damaged (checksum mismatch): run the scenario again");
  EXPECT_TRUE(r.out.empty()) << r.out.substr(0, 200);
}

TEST(Cli, BatchResumeRunsAgainResultsThatAreDamagedOrOutOfRange) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  testing::write_file(in, "a.textproto", testing::good_scenario(3, 30));
  testing::write_file(in, "b.textproto", testing::good_scenario(4, 30));
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", out.string()}).exit_code, 0);
  const auto a = comparable(out / "a.pb"), b = comparable(out / "b.pb");
  flip_a_figure(out / "a.pb");
  point_past_the_candidates(out / "b.pb");

  const auto r = run_splitsim({"batch", in.string(), "-o", out.string(), "--resume"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = testing::read_manifest(out);
  ASSERT_EQ(m.runs_size(), 2);
  for (const auto& run : m.runs()) {
    EXPECT_EQ(run.status(), v1::OK) << run.scenario_file();
    EXPECT_FALSE(run.reused()) << run.scenario_file();
  }
  EXPECT_EQ(comparable(out / "a.pb"), a);
  EXPECT_EQ(comparable(out / "b.pb"), b);
}

// A results file written without a checksum (by an earlier splitsim): `show` shows it with a note, while
// --resume (which must trust what it reuses) runs the scenario again.
TEST(Cli, ShowAcceptsResultsWithoutAChecksumWithANote) {
  const auto out = testing::temp_dir() / "r.pb";
  ASSERT_EQ(run_splitsim({"run", example("small_business.textproto"), "--trials", "50", "-o", out.string(),
                          "--format", "csv"})
                .exit_code,
            0);
  const auto results = load_results(out);
  std::ofstream(out, std::ios::binary | std::ios::trunc) << serialize_results(results);
  const auto r = run_splitsim({"show", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_contains(r.out, "Recommended split");
  expect_contains(r.err, out.string() + ": note: no checksum");
}

// Where the results go is checked before anything is simulated: a plugin that throws is never reached.
TEST(Cli, RunRefusesABadOutputPathBeforeSimulating) {
  const auto dir = testing::temp_dir();
  const auto scenario = scenario_on("test_throws").string();
  const auto plugins = testing::test_plugin_dir("test_throws").string();
  const auto file = testing::write_file(dir, "plain", "x");
  for (const auto& bad : {dir / "missing" / "r.pb", file / "r.pb", dir}) {
    const auto r = run_splitsim({"run", scenario, "-o", bad.string(), "--plugin-dir", plugins});
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    expect_contains(r.err, bad.string() + ":");
    EXPECT_EQ(r.err.find("model exploded"), std::string::npos) << r.err;
  }
}

// -o onto anything but a regular file is refused: renaming into place would replace the link, the FIFO or
// the device node itself.
TEST(Cli, RunWritesOnlyRegularFiles) {
  const auto dir = testing::temp_dir();
  const auto scenario = scenario_on("test_good").string();
  const auto plugins = testing::test_plugin_dir("test_good").string();
  const auto target = testing::write_file(dir, "target", "keep me");
  fs::create_symlink(target, dir / "link");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  std::vector<std::pair<fs::path, std::string>> cases{{dir / "link", "symbolic link"},
                                                      {dir / "fifo", "FIFO"}};
  // As root, a copy of /dev/null (never the real one) stands for a device.
  if (::geteuid() == 0 && ::mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0)
    cases.emplace_back(dir / "null", "device");
  for (const auto& [path, kind] : cases) {
    const auto r = run_splitsim({"run", scenario, "-o", path.string(), "--plugin-dir", plugins});
    EXPECT_EQ(r.exit_code, 2) << path << ": " << r.err;
    expect_contains(r.err, path.string() + ": ");
    expect_contains(r.err, kind);
  }
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
  EXPECT_EQ(slurp(target), "keep me");
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  if (cases.size() == 3) {
    EXPECT_TRUE(fs::is_character_file(dir / "null"));
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()),
            static_cast<std::ptrdiff_t>(cases.size() + 1));  // no temporary file left
}

// A plugin that prints to stdout while it simulates must not corrupt machine-readable output.
TEST(Cli, PluginPrintsDoNotReachMachineReadableOutput) {
  const auto scenario = scenario_on("test_prints").string();
  const auto plugins = testing::test_plugin_dir("test_prints").string();
  const auto csv =
      run_splitsim({"run", scenario, "--format", "csv", "--view", "long", "--plugin-dir", plugins});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  std::istringstream lines(csv.out);
  std::string header, line;
  ASSERT_TRUE(std::getline(lines, header));
  EXPECT_EQ(header.rfind("candidate,recommended,scope,", 0), 0u) << csv.out.substr(0, 300);
  const auto columns = std::count(header.begin(), header.end(), ',');
  int rows = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(std::count(line.begin(), line.end(), ','), columns) << line;
    ++rows;
  }
  EXPECT_GT(rows, 0);
  expect_contains(csv.err, "test_prints says hello");  // what it printed goes to stderr

  const auto json = run_splitsim({"run", scenario, "--format", "json", "--plugin-dir", plugins});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  v1::Results parsed;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out.substr(0, 300);
}

}  // namespace
}  // namespace splitsim
