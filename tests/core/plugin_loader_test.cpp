// Loading plugins: each way a library can be wrong gives its own clear message naming the file.
#include <gtest/gtest.h>

#include "base/errors.hpp"
#include "engine/engine.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/candidate_statistics.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

using testing::test_plugin_dir;

PluginRegistry load(const std::string& name) {
  PluginRegistry registry;
  registry.load_directories({test_plugin_dir(name)});
  return registry;
}

std::string only_failure(const PluginRegistry& registry) {
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_EQ(registry.failures().size(), 1u);
  return registry.failures().empty() ? "" : registry.failures()[0].to_string();
}

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "'" << part << "' not in: " << text;
}

TEST(PluginLoader, GoodPluginLoadsWithItsSelfDescription) {
  const auto registry = load("test_good");
  ASSERT_EQ(registry.plugins().size(), 1u)
      << (registry.failures().empty() ? "" : registry.failures()[0].to_string());
  const auto* plugin = registry.find("test_good");
  ASSERT_NE(plugin, nullptr);
  EXPECT_FALSE(plugin->info.version.empty());
  EXPECT_TRUE(check_plugin_info(plugin->info).empty());
}

TEST(PluginLoader, BundledPluginsLoad) {
  const auto registry = testing::bundled_registry();
  EXPECT_NE(registry.find("meta"), nullptr);
  EXPECT_NE(registry.find("linkedin"), nullptr);
  EXPECT_TRUE(registry.failures().empty());
}

TEST(PluginLoader, WrongAbiVersionIsRefusedBeforeAnythingElse) {
  const auto message = only_failure(load("test_wrong_abi"));
  expect_contains(message, "libsplitsim_test_wrong_abi.so");
  expect_contains(message, "built for plugin ABI version 42, this runner needs version 1");
  expect_contains(message, "rebuild");
}

TEST(PluginLoader, MissingFactorySymbol) {
  const auto message = only_failure(load("test_no_factory"));
  expect_contains(message, "libsplitsim_test_no_factory.so");
  expect_contains(message, "missing the factory symbol splitsim_create_platform");
}

TEST(PluginLoader, FileThatIsNotALibrary) {
  const auto message = only_failure(load("not_a_plugin"));
  expect_contains(message, "libsplitsim_junk.so");
  expect_contains(message, "not a shared library");
}

TEST(PluginLoader, MissingFile) {
  PluginRegistry registry;
  EXPECT_FALSE(registry.load_file("/nonexistent/libsplitsim_x.so"));
  expect_contains(only_failure(registry), "/nonexistent/libsplitsim_x.so: no such file");
}

TEST(PluginLoader, DuplicateNameKeepsTheFirstAndNamesBothFiles) {
  PluginRegistry registry;
  registry.load_directories({test_plugin_dir("test_good"), test_plugin_dir("test_good")});
  ASSERT_EQ(registry.plugins().size(), 1u);
  ASSERT_EQ(registry.failures().size(), 1u);
  expect_contains(registry.failures()[0].to_string(), "plugin name 'test_good' is already taken by");
}

TEST(PluginLoader, SearchPathPutsExplicitFoldersFirstThenTheEnvironment) {
  ::setenv("SPLITSIM_PLUGIN_PATH", "/env/a:/env/b", 1);
  const auto dirs = PluginRegistry::search_path({"/explicit"}, /*include_bundled=*/false);
  ::unsetenv("SPLITSIM_PLUGIN_PATH");
  ASSERT_EQ(dirs.size(), 3u);
  EXPECT_EQ(dirs[0], "/explicit");
  EXPECT_EQ(dirs[1], "/env/a");
  EXPECT_EQ(dirs[2], "/env/b");
}

TEST(PluginLoader, PlatformOutlivesTheRegistryThatLoadedIt) {
  std::shared_ptr<const Platform> platform;
  {
    const auto registry = load("test_good");
    ASSERT_NE(registry.find("test_good"), nullptr);
    platform = registry.find("test_good")->platform;
  }
  // The library is still mapped: calling into it works.
  EXPECT_EQ(platform->info().name, "test_good");
}

// Runs a one-channel scenario on the named test plugin and returns the error the engine reports.
std::string engine_error(const std::string& plugin_name) {
  const auto registry = load(plugin_name);
  EXPECT_NE(registry.find(plugin_name), nullptr);
  const auto loaded = parse_scenario(
      "budget { total: 1000 } horizon { periods: 3 } objective { kpi: REACH } trials: 50 "
      "channels { name: \"ch\" plugin: \"" +
          plugin_name + "\" organic { cost_per_post: 10 } }",
      false, "s.textproto");
  const auto scenario = resolve_scenario(loaded, registry);
  try {
    Engine(scenario, TrialSet::kSearch).simulate(CandidateSplit{0.5, {1.0}, {1.0}});
  } catch (const PluginError& e) {
    EXPECT_EQ(e.plugin(), plugin_name);
    return e.what();
  }
  ADD_FAILURE() << plugin_name << " ran without error";
  return "";
}

TEST(PluginOutputs, GoodPluginRunsClean) {
  const auto registry = load("test_good");
  const auto loaded = parse_scenario(
      "budget { total: 1000 } horizon { periods: 3 } objective { kpi: REACH } trials: 50 "
      "channels { name: \"ch\" plugin: \"test_good\" organic { cost_per_post: 10 } }",
      false, "s.textproto");
  const auto scenario = resolve_scenario(loaded, registry);
  EXPECT_NO_THROW(Engine(scenario, TrialSet::kSearch).simulate(CandidateSplit{0.5, {1.0}, {1.0}}));
}

TEST(PluginOutputs, ExceptionFromSimulateNamesThePlugin) {
  const auto message = engine_error("test_throws");
  expect_contains(message, "plugin 'test_throws'");
  expect_contains(message, "model exploded: test");
  expect_contains(message, "channel 'ch'");
}

TEST(PluginOutputs, NanIsCaught) {
  const auto message = engine_error("test_nan");
  expect_contains(message, "plugin 'test_nan'");
  expect_contains(message, "is not finite");
}

TEST(PluginOutputs, ReachAboveAudienceIsCaught) {
  const auto message = engine_error("test_reach_above_audience");
  expect_contains(message, "plugin 'test_reach_above_audience'");
  expect_contains(message, "above the audience");
}

TEST(PluginOutputs, SpendDifferentFromThePlanIsCaught) {
  const auto message = engine_error("test_spend_mismatch");
  expect_contains(message, "plugin 'test_spend_mismatch'");
  expect_contains(message, "differs from the planned");
}

}  // namespace
}  // namespace splitsim
