// `plugins check`: passes sound plugins, and names the violated property for each broken one.
#include "conformance/conformance.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace splitsim {
namespace {

namespace fs = std::filesystem;

LoadedPlugin load(const fs::path& dir, const std::string& name) {
  static std::vector<std::unique_ptr<PluginRegistry>> keep_alive;  // libraries stay loaded for the test run
  keep_alive.push_back(std::make_unique<PluginRegistry>());
  keep_alive.back()->load_directories({dir});
  const auto* plugin = keep_alive.back()->find(name);
  if (!plugin) throw std::runtime_error("cannot load " + name + " from " + dir.string());
  return *plugin;
}

LoadedPlugin test_plugin(const std::string& name) {
  return load(fs::path(SPLITSIM_TEST_PLUGIN_DIR) / name, name);
}

const PropertyResult& property(const ConformanceReport& report, const std::string& name) {
  for (const auto& r : report.results) {
    if (r.property == name) return r;
  }
  throw std::runtime_error("no property " + name);
}

// Exactly the named property fails (others may fail only when they depend on it).
void expect_fails(const std::string& plugin, const std::string& failing) {
  const auto report = check_conformance(test_plugin(plugin));
  EXPECT_FALSE(report.all_passed());
  EXPECT_FALSE(property(report, failing).passed) << report.to_string();
}

class BundledPlugin : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledPlugin, PassesEveryProperty) {
  const auto report = check_conformance(load(SPLITSIM_BUNDLED_PLUGIN_DIR, GetParam()));
  EXPECT_TRUE(report.all_passed()) << report.to_string();
  EXPECT_GE(report.results.size(), 9u);
}
// A plugin's README lists its parameters exactly as the runner describes them (scripts/plugin-readmes.sh
// regenerates the table), so documented defaults and sources cannot drift from the code.
TEST_P(BundledPlugin, ReadmeTableIsWhatTheRunnerDescribes) {
  const std::string command = std::string("env -u SPLITSIM_PLUGIN_PATH '") + SPLITSIM_BINARY +
                              "' plugins describe " + GetParam() + " --markdown";
  std::string table;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) table.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0);
  }
  ASSERT_NE(table.find("| parameter |"), std::string::npos) << table;
  std::ifstream in(fs::path(SPLITSIM_SOURCE_DIR) / "plugins" / GetParam() / "README.md");
  const std::string readme{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_NE(readme.find(table), std::string::npos)
      << "plugins/" << GetParam() << "/README.md is out of date: run scripts/plugin-readmes.sh";
}

// Every network CMake bundles (SPLITSIM_BUNDLED_PLUGINS), so a new one cannot skip the suite.
std::vector<std::string> bundled_plugin_names() {
  std::vector<std::string> names;
  std::string list = SPLITSIM_BUNDLED_PLUGIN_NAMES;
  for (std::size_t start = 0; start <= list.size();) {
    const auto end = std::min(list.find(',', start), list.size());
    if (end > start) names.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

INSTANTIATE_TEST_SUITE_P(Conformance, BundledPlugin, ::testing::ValuesIn(bundled_plugin_names()));

TEST(Conformance, EveryBundledNetworkIsLoadable) {
  const auto names = bundled_plugin_names();
  EXPECT_GE(names.size(), 7u);
  PluginRegistry registry;
  registry.load_directories({SPLITSIM_BUNDLED_PLUGIN_DIR});
  EXPECT_EQ(registry.plugins().size(), names.size());
  for (const auto& name : names) EXPECT_NE(registry.find(name), nullptr) << name;
}

TEST(Conformance, GoodTestPluginPasses) {
  const auto report = check_conformance(test_plugin("test_good"));
  EXPECT_TRUE(report.all_passed()) << report.to_string();
}

TEST(Conformance, NonDeterministicPluginFailsDeterminism) {
  expect_fails("broken_nondeterministic", "deterministic for a fixed stream");
}

TEST(Conformance, NotMonotonePluginFailsMonotonicity) {
  expect_fails("broken_not_monotone", "monotone in spend");
}

TEST(Conformance, ThreadUnsafePluginFailsThreadSafetyOnly) {
  const auto report = check_conformance(test_plugin("broken_thread_unsafe"));
  EXPECT_FALSE(property(report, "thread-safe").passed) << report.to_string();
  EXPECT_TRUE(property(report, "deterministic for a fixed stream").passed) << report.to_string();
  EXPECT_TRUE(property(report, "monotone in spend").passed) << report.to_string();
}

TEST(Conformance, NanPluginFailsOutputs) {
  expect_fails("test_nan", "outputs finite, non-negative and possible");
}

TEST(Conformance, ReachAboveAudienceFailsOutputs) {
  const auto report = check_conformance(test_plugin("test_reach_above_audience"));
  const auto& outputs = property(report, "outputs finite, non-negative and possible");
  EXPECT_FALSE(outputs.passed);
  EXPECT_NE(outputs.detail.find("above the audience"), std::string::npos) << outputs.detail;
}

TEST(Conformance, ThrowingPluginIsReportedNotFatal) {
  const auto report = check_conformance(test_plugin("test_throws"));
  EXPECT_FALSE(report.all_passed());
  EXPECT_NE(report.to_string().find("model exploded"), std::string::npos) << report.to_string();
}

TEST(Conformance, CommandExitsZeroOnlyWhenAllPass) {
  const auto out = fs::temp_directory_path() / "splitsim-conformance-out.txt";
  auto run = [&](const std::string& target) {
    const std::string command =
        std::string("'") + SPLITSIM_BINARY + "' plugins check '" + target + "' > '" + out.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    return WEXITSTATUS(status);
  };
  EXPECT_EQ(run("meta"), 0);
  EXPECT_EQ(
      run((fs::path(SPLITSIM_TEST_PLUGIN_DIR) / "broken_not_monotone" / "libsplitsim_broken_not_monotone.so")
              .string()),
      1);
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("FAIL  monotone in spend"), std::string::npos) << text;
  EXPECT_EQ(
      run((fs::path(SPLITSIM_TEST_PLUGIN_DIR) / "test_wrong_abi" / "libsplitsim_test_wrong_abi.so").string()),
      1);
  EXPECT_EQ(run("no_such_plugin_anywhere"), 2);
  fs::remove(out);
}

}  // namespace
}  // namespace splitsim
