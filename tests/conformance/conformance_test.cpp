// `plugins check`: passes sound plugins, and names the violated property for each broken one.
#include "conformance/conformance.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

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
INSTANTIATE_TEST_SUITE_P(Conformance, BundledPlugin, ::testing::Values("meta", "linkedin"));

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
