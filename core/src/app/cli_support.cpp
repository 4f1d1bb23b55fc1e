#include "app/cli_support.hpp"

#include <tbb/info.h>

#include <cstdlib>
#include <filesystem>

#include "base/errors.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// The two policy flags set the environment variables the registry reads, so the child processes of an
// isolated batch follow them too.
void trust_plugin_dirs(const std::vector<std::string>& dirs) {
  std::string list;
  if (const char* before = std::getenv(kTrustedDirsVariable)) list = before;
  for (const auto& dir : dirs) list += (list.empty() ? "" : ":") + dir;
  ::setenv(kTrustedDirsVariable, list.c_str(), 1);
}

void allow_shadow(bool allow) {
  if (allow) ::setenv(kAllowShadowVariable, "1", 1);
}

}  // namespace

void add_plugin_options(po::options_description& options, std::vector<std::string>& plugin_dirs) {
  options.add_options()(
      "plugin-dir", po::value(&plugin_dirs)->composing(),
      "folder to search for plugins first (repeatable); then SPLITSIM_PLUGIN_PATH, then the "
      "bundled plugins")(
      "trust-plugin-dir", po::value<std::vector<std::string>>()->composing()->notifier(&trust_plugin_dirs),
      "load plugins from this folder even if it or its libraries belong to another user or are writable "
      "by others (repeatable; as SPLITSIM_TRUSTED_PLUGIN_DIRS)")(
      "allow-shadow", po::bool_switch()->notifier(&allow_shadow),
      "let a plugin earlier on the search path replace a bundled plugin of the same name (as "
      "SPLITSIM_ALLOW_SHADOW=1)");
}

std::optional<po::variables_map> parse(const std::vector<std::string>& args, po::options_description& options,
                                       const po::positional_options_description& positional,
                                       const std::string& usage, std::ostream& out) {
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      out << usage << "\n" << options << "\n";
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(escape_unprintable(e.what()) + "\n" + usage);
  }
  return vm;
}

std::size_t worker_threads(unsigned asked, std::ostream* warn) {
  // oneTBB counts the cores of the process's CPU affinity mask.
  const auto cores = static_cast<std::size_t>(tbb::info::default_concurrency());
  if (asked == 0) return cores;
  if (warn && asked > cores) {
    *warn << "warning: --threads " << asked << " asks for more threads than the " << cores
          << (cores == 1 ? " core" : " cores")
          << " this process may use (its CPU affinity): they will take turns. Under mpirun, give each rank "
             "its cores with --map-by slot:PE="
          << asked << " (or --bind-to none)\n";
  }
  return asked;
}

PluginRegistry load_registry(const std::vector<std::string>& plugin_dirs) {
  std::vector<fs::path> dirs(plugin_dirs.begin(), plugin_dirs.end());
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      throw UsageError("--plugin-dir " + escape_unprintable(dir.string()) + ": no such folder");
  }
  PluginRegistry registry;
  registry.use_search_path(PluginRegistry::search_path(dirs));  // loads each plugin when a scenario names it
  return registry;
}

void add_limit_options(po::options_description& options, ResourceLimits& limits) {
  options.add_options()("max-memory-gib", po::value<double>()->notifier([&limits](double gib) {
    limits.max_bytes = gib * (1u << 30);
  }),
                        "refuse runs estimated to need more memory (default 8)")(
      "max-work",
      po::value<double>()->notifier([&limits](double work) { limits.max_channel_periods = work; }),
      "refuse runs simulating more channel-periods (default 2e11)");
}

ScenarioOverrides overrides_from(const po::variables_map& vm) {
  ScenarioOverrides overrides;
  if (vm.count("trials")) overrides.trials = vm["trials"].as<std::uint64_t>();
  if (vm.count("seed")) overrides.seed = vm["seed"].as<std::uint64_t>();
  if (vm.count("calibration")) overrides.calibration = vm["calibration"].as<std::string>();
  if (vm.count("keep-trials")) overrides.keep_trials = true;
  if (vm.count("search")) {
    overrides.search = vm["search"].as<std::string>();
    if (overrides.search != "grid" && overrides.search != "optimize") {
      throw UsageError("--search must be grid or optimize (got '" + escape_unprintable(*overrides.search) +
                       "')");
    }
  }
  return overrides;
}

}  // namespace splitsim::cli
