// Loading plugins: each way a library can be wrong gives its own clear message naming the file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "base/errors.hpp"
#include "engine/engine.hpp"
#include "scenario/allocation.hpp"
#include "scenario/resolve.hpp"
#include "scenario/scenario_loader.hpp"
#include "search/candidate_statistics.hpp"
#include "splitsim/abi.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

using testing::test_plugin_dir;

namespace fs = std::filesystem;

PluginRegistry load(const std::string& name) {
  PluginRegistry registry;
  registry.load_directories({test_plugin_dir(name)});
  return registry;
}

PluginRegistry load_from(const fs::path& dir) {
  PluginRegistry registry;
  registry.load_directories({dir});
  return registry;
}

fs::path good_library() { return test_plugin_dir("test_good") / "libsplitsim_test_good.so"; }
fs::path bundled_library(const std::string& name) {
  return testing::bundled_plugin_dir() / ("libsplitsim_" + name + ".so");
}

// A fresh folder (mode 0755) holding a copy of the good test plugin.
fs::path folder_with_good_plugin() {
  const auto dir = testing::temp_dir();
  fs::copy_file(good_library(), dir / "libsplitsim_test_good.so");
  return dir;
}

// The first 60% of a library: what an interrupted copy or a full disk leaves.
void truncated_copy(const fs::path& from, const fs::path& to) {
  std::ifstream in(from, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  bytes.resize(bytes.size() * 6 / 10);
  std::ofstream(to, std::ios::binary) << bytes;
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
  expect_contains(message, "built for plugin ABI version " + std::to_string(kAbiVersion + 41) +
                               ", this runner needs version " + std::to_string(kAbiVersion));
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
  const auto later = testing::temp_dir();
  fs::copy_file(good_library(), later / "libsplitsim_test_good.so");
  PluginRegistry registry;
  registry.load_directories({test_plugin_dir("test_good"), later});
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0].file, good_library());
  ASSERT_EQ(registry.failures().size(), 1u);
  expect_contains(registry.failures()[0].to_string(), (later / "libsplitsim_test_good.so").string());
  expect_contains(registry.failures()[0].to_string(),
                  "plugin name 'test_good' is already taken by " + good_library().string());
}

TEST(PluginLoader, TheSameFolderTwiceOnThePathIsSearchedOnce) {
  PluginRegistry registry;
  registry.load_directories({test_plugin_dir("test_good"), test_plugin_dir("test_good")});
  EXPECT_EQ(registry.plugins().size(), 1u);
  EXPECT_TRUE(registry.failures().empty()) << registry.failures()[0].to_string();
  EXPECT_EQ(registry.searched().size(), 1u);
}

// A library's static constructors run when it is loaded: a lookup by name loads that plugin's library and
// nothing else on the path, not even a broken one.
TEST(PluginLoader, FindLoadsOnlyTheNamedLibrary) {
  const auto dir = testing::temp_dir();
  fs::copy_file(good_library(), dir / "libsplitsim_test_good.so");
  truncated_copy(bundled_library("meta"), dir / "libsplitsim_truncated.so");
  fs::copy_file(test_plugin_dir("test_wrong_abi") / "libsplitsim_test_wrong_abi.so",
                dir / "libsplitsim_test_wrong_abi.so");
  PluginRegistry registry;
  registry.use_search_path({dir});
  EXPECT_TRUE(registry.plugins().empty());  // nothing loaded until asked for
  ASSERT_NE(registry.find("test_good"), nullptr);
  EXPECT_EQ(registry.plugins().size(), 1u);
  EXPECT_TRUE(registry.failures().empty()) << registry.failures()[0].to_string();
  const std::vector<std::string> offered{"test_good", "test_wrong_abi", "truncated"};
  EXPECT_EQ(registry.available_names(), offered);
}

TEST(PluginLoader, FindTakesTheFirstFolderThatHasTheLibrary) {
  PluginRegistry registry;
  registry.use_search_path({test_plugin_dir("test_nan"), test_plugin_dir("test_good")});
  const auto* plugin = registry.find("test_good");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->file, good_library());
  EXPECT_EQ(registry.find("test_good"), plugin);  // loaded once
}

TEST(PluginLoader, UnknownNameSaysWhereItLooked) {
  PluginRegistry registry;
  registry.use_search_path({test_plugin_dir("test_good")});
  EXPECT_EQ(registry.find("myspace"), nullptr);
  const auto* failure = registry.failure_for("myspace");
  ASSERT_NE(failure, nullptr);
  EXPECT_TRUE(failure->file.empty());
  expect_contains(failure->to_string(), "no libsplitsim_myspace.so in the plugin folders (" +
                                            test_plugin_dir("test_good").string() + ")");
  EXPECT_EQ(registry.find("../test_nan/libsplitsim_test_nan"), nullptr);  // a name never leaves the folders
  EXPECT_EQ(registry.find("../test_good/test_good"), nullptr);
}

TEST(PluginLoader, SelfReportedNameMustMatchTheFileName) {
  const auto dir = testing::temp_dir();
  fs::copy_file(good_library(), dir / "libsplitsim_other.so");
  PluginRegistry registry;
  registry.use_search_path({dir});
  EXPECT_EQ(registry.find("other"), nullptr);
  EXPECT_EQ(registry.find("test_good"), nullptr);
  const auto* failure = registry.failure_for("other");
  ASSERT_NE(failure, nullptr);
  expect_contains(failure->to_string(), (dir / "libsplitsim_other.so").string());
  expect_contains(failure->to_string(),
                  "its file name says plugin 'other' but the plugin calls itself 'test_good'");
  expect_contains(failure->to_string(), "rename the file to libsplitsim_test_good.so");
}

TEST(PluginLoader, ListingNamesLibrariesNoScenarioCouldUse) {
  const auto dir = testing::temp_dir();
  fs::copy_file(good_library(), dir / "libmyplatform.so");
  PluginRegistry registry;
  registry.load_directories({dir});
  EXPECT_TRUE(registry.plugins().empty());
  expect_contains(only_failure(registry), "libmyplatform.so: not named libsplitsim_NAME.so");
}

TEST(PluginLoader, ConcurrentLookupsLoadEachPluginOnce) {
  PluginRegistry registry;
  registry.use_search_path({test_plugin_dir("test_good"), test_plugin_dir("test_nan")});
  std::vector<const LoadedPlugin*> good(8), nan(8);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < good.size(); ++t) {
    threads.emplace_back([&, t] {
      good[t] = registry.find("test_good");
      nan[t] = registry.find("test_nan");
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 0; t < good.size(); ++t) {
    EXPECT_NE(good[t], nullptr);
    EXPECT_EQ(good[t], good[0]);
    EXPECT_EQ(nan[t], nan[0]);
  }
  EXPECT_EQ(registry.plugins().size(), 2u);
}

// The dynamic loader maps a library's segments and touches them: past the end of a truncated file that is
// SIGBUS, which killed every command while any truncated library lay on the path.
TEST(PluginLoader, TruncatedLibraryIsRefusedBeforeTheLoaderTouchesIt) {
  const auto dir = testing::temp_dir();
  truncated_copy(bundled_library("meta"), dir / "libsplitsim_truncated.so");
  const auto message = only_failure(load_from(dir));
  expect_contains(message, (dir / "libsplitsim_truncated.so").string());
  expect_contains(message, "not a complete shared library (truncated?)");
}

TEST(PluginLoader, LibraryCutInsideItsHeadersIsRefused) {
  for (const std::size_t bytes : {std::size_t{10}, std::size_t{70}, std::size_t{400}}) {
    const auto dir = testing::temp_dir();
    const auto source = bundled_library("meta");
    std::ifstream in(source, std::ios::binary);
    std::string head(bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(bytes));
    testing::write_file(dir, "libsplitsim_cut.so", head);
    const auto message = only_failure(load_from(dir));
    expect_contains(message, "not a complete shared library (truncated?)");
  }
}

// Trust: loading a plugin runs its code as the current user, so nobody else may have been able to write it.
TEST(PluginTrust, LibraryInAFolderWritableByEveryoneIsRefused) {
  const auto dir = folder_with_good_plugin();
  fs::permissions(dir, fs::perms::all);
  const auto message = only_failure(load_from(dir));
  expect_contains(message,
                  "refused to load: its folder " + dir.string() + " is writable by everyone (mode 0777)");
  expect_contains(message, "--trust-plugin-dir " + dir.string());
}

TEST(PluginTrust, LibraryWritableByItsGroupIsRefused) {
  const auto dir = folder_with_good_plugin();
  fs::permissions(dir / "libsplitsim_test_good.so", fs::perms::group_write, fs::perm_options::add);
  expect_contains(only_failure(load_from(dir)), "is writable by its group (mode 07");
}

TEST(PluginTrust, FolderAboveWritableByEveryoneIsRefusedUnlessSticky) {
  const auto top = testing::temp_dir();
  const auto dir = top / "plugins";
  fs::create_directories(dir);
  fs::copy_file(good_library(), dir / "libsplitsim_test_good.so");
  fs::permissions(top, fs::perms::all);
  expect_contains(only_failure(load_from(dir)), "the folder " + top.string() + " is writable by everyone");
  // With the sticky bit (as /tmp), others may add entries but not replace ours.
  fs::permissions(top, fs::perms::all | fs::perms::sticky_bit);
  EXPECT_NE(load_from(dir).find("test_good"), nullptr);
}

TEST(PluginTrust, FolderOfAnotherUserIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give a folder away";
  const auto dir = folder_with_good_plugin();
  ASSERT_EQ(::chown(dir.c_str(), 4242, 4242), 0);
  expect_contains(only_failure(load_from(dir)), "its folder " + dir.string() + " belongs to uid 4242");
}

TEST(PluginTrust, TrustedFolderIsLoadedWhateverItsMode) {
  const auto dir = folder_with_good_plugin();
  fs::permissions(dir, fs::perms::all);
  PluginLoadPolicy policy;
  policy.trusted_dirs = {dir};
  PluginRegistry registry(policy);
  registry.use_search_path({dir});
  EXPECT_NE(registry.find("test_good"), nullptr);
  // ...and the environment variable does the same (what --trust-plugin-dir sets).
  ::setenv(kTrustedDirsVariable, ("/elsewhere:" + dir.string()).c_str(), 1);
  PluginRegistry from_environment;
  ::unsetenv(kTrustedDirsVariable);
  from_environment.use_search_path({dir});
  EXPECT_NE(from_environment.find("test_good"), nullptr);
}

// Shadowing: a plugin of a bundled plugin's name earlier on the path would silently replace it.
TEST(PluginShadowing, IsAnErrorNamingBothFiles) {
  const auto mine = folder_with_good_plugin();
  PluginLoadPolicy policy;
  policy.bundled_dir = test_plugin_dir("test_good");
  PluginRegistry registry(policy);
  registry.use_search_path({mine, test_plugin_dir("test_good")});
  EXPECT_EQ(registry.find("test_good"), nullptr);
  const auto* failure = registry.failure_for("test_good");
  ASSERT_NE(failure, nullptr);
  expect_contains(failure->to_string(), (mine / "libsplitsim_test_good.so").string() +
                                            ": shadows the bundled plugin 'test_good' (" +
                                            good_library().string() + ")");
  expect_contains(failure->to_string(), "--allow-shadow");
}

TEST(PluginShadowing, AllowedWhenAskedFor) {
  const auto mine = folder_with_good_plugin();
  PluginLoadPolicy policy;
  policy.bundled_dir = test_plugin_dir("test_good");
  policy.allow_shadow = true;
  PluginRegistry registry(policy);
  registry.use_search_path({mine, test_plugin_dir("test_good")});
  const auto* plugin = registry.find("test_good");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->file, mine / "libsplitsim_test_good.so");
}

TEST(PluginShadowing, BundledFolderFirstIsNoShadowing) {
  PluginLoadPolicy policy;
  policy.bundled_dir = test_plugin_dir("test_good");
  PluginRegistry registry(policy);
  registry.use_search_path({test_plugin_dir("test_good"), folder_with_good_plugin()});
  const auto* plugin = registry.find("test_good");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->file, good_library());
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

// The commands: a scenario loads only the plugins it names; a bad library elsewhere on the path is never
// touched, and `plugins list` reports it and goes on.
std::string scenario_on(const std::string& plugin) {
  return "budget { total: 1000 } horizon { periods: 3 } objective { kpi: REACH } trials: 50\n"
         "search { grid { organic_step: 0.5 } }\n"
         "channels { name: \"ch\" plugin: \"" +
         plugin + "\" organic { cost_per_post: 10 } }\n";
}

TEST(PluginCommands, TruncatedLibraryOnThePathStopsOnlyTheScenarioThatNamesIt) {
  const auto dir = testing::temp_dir();
  truncated_copy(bundled_library("meta"), dir / "libsplitsim_truncated.so");
  const auto work = testing::temp_dir();
  const auto on_meta = testing::write_file(work, "meta.textproto", scenario_on("meta")).string();
  const auto on_truncated =
      testing::write_file(work, "truncated.textproto", scenario_on("truncated")).string();

  auto r = testing::run_splitsim({"run", on_meta, "--plugin-dir", dir.string(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = testing::run_splitsim({"validate", on_meta, "--plugin-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = testing::run_splitsim({"plugins", "list", "--plugin-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_contains(r.out, "meta ");
  expect_contains(
      r.err, (dir / "libsplitsim_truncated.so").string() + ": not a complete shared library (truncated?)");
  r = testing::run_splitsim({"plugins", "describe", "meta", "--plugin-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;

  const auto out = testing::temp_dir() / "r.pb";
  r = testing::run_splitsim({"run", on_truncated, "--plugin-dir", dir.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_contains(r.err, "channels[0].plugin");
  expect_contains(r.err, "libsplitsim_truncated.so: not a complete shared library (truncated?)");
  EXPECT_FALSE(fs::exists(out));
  r = testing::run_splitsim({"validate", on_truncated, "--plugin-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_contains(r.err, "not a complete shared library (truncated?)");
}

TEST(PluginCommands, PluginInAFolderWritableByEveryoneIsRefusedUnlessTrusted) {
  const auto dir = folder_with_good_plugin();
  fs::permissions(dir, fs::perms::all);
  const auto scenario = testing::write_file(testing::temp_dir(), "s.textproto", scenario_on("test_good"));
  auto r = testing::run_splitsim({"run", scenario.string(), "--plugin-dir", dir.string(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_contains(r.err, "refused to load: its folder " + dir.string() + " is writable by everyone");
  r = testing::run_splitsim({"plugins", "list", "--plugin-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_contains(r.err, "refused to load");
  EXPECT_EQ(r.out.find("test_good"), std::string::npos) << r.out;
  r = testing::run_splitsim({"run", scenario.string(), "--plugin-dir", dir.string(), "--trust-plugin-dir",
                             dir.string(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(PluginCommands, ShadowingABundledPluginNeedsAllowShadow) {
  const auto dir = testing::temp_dir();
  fs::copy_file(bundled_library("meta"), dir / "libsplitsim_meta.so");
  const auto scenario = testing::write_file(testing::temp_dir(), "s.textproto", scenario_on("meta"));
  auto r = testing::run_splitsim({"run", scenario.string(), "--plugin-dir", dir.string(), "--format", "csv"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_contains(r.err, (dir / "libsplitsim_meta.so").string() + ": shadows the bundled plugin 'meta' (" +
                             bundled_library("meta").string() + ")");
  r = testing::run_splitsim({"plugins", "describe", "meta", "--plugin-dir", dir.string()});
  EXPECT_EQ(r.exit_code, 1);
  expect_contains(r.err, "shadows the bundled plugin 'meta'");
  r = testing::run_splitsim({"plugins", "list", "--plugin-dir", dir.string()});
  expect_contains(r.err, "shadows the bundled plugin 'meta'");

  r = testing::run_splitsim({"plugins", "describe", "meta", "--plugin-dir", dir.string(), "--allow-shadow"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  expect_contains(r.out, "File: " + (dir / "libsplitsim_meta.so").string());
  r = testing::run_splitsim(
      {"run", scenario.string(), "--plugin-dir", dir.string(), "--allow-shadow", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// An isolated batch runs each scenario in a child process: the policy flags reach it.
TEST(PluginCommands, BatchFollowsThePolicyFlagsInItsChildProcesses) {
  const auto dir = testing::temp_dir();
  fs::copy_file(bundled_library("meta"), dir / "libsplitsim_meta.so");
  truncated_copy(bundled_library("meta"), dir / "libsplitsim_truncated.so");
  const auto in = testing::temp_dir();
  testing::write_file(in, "s.textproto", scenario_on("meta"));
  for (const bool isolate : {false, true}) {
    const auto out = testing::temp_dir() / "out";
    std::vector<std::string> args{"batch", in.string(), "-o", out.string(), "--plugin-dir", dir.string()};
    if (isolate) args.push_back("--isolate");
    auto r = testing::run_splitsim(args);
    EXPECT_EQ(r.exit_code, 1) << "isolate " << isolate << ": " << r.err;
    args.push_back("--allow-shadow");
    r = testing::run_splitsim(args);
    EXPECT_EQ(r.exit_code, 0) << "isolate " << isolate << ": " << r.err;
  }
}

}  // namespace
}  // namespace splitsim
