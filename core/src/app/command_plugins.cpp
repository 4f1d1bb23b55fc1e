// splitsim plugins list | describe NAME: what is loadable and what each model takes.
#include <cstdio>
#include <filesystem>

#include "app/cli_support.hpp"
#include "base/errors.hpp"
#include "conformance/conformance.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// Why the named plugin did not load: a file that failed (nullptr when there is no such file on the path).
const LoadFailure* load_failure(const PluginRegistry& registry, const std::string& name) {
  const auto* failure = registry.failure_for(name);
  return failure && !failure->file.empty() ? failure : nullptr;
}

// What a missing name's lookup says: the folders searched.
std::string where_searched(const PluginRegistry& registry, const std::string& name) {
  const auto* failure = registry.failure_for(name);
  return failure ? ": " + failure->reason : "";
}

void print_failures(const PluginRegistry& registry, std::ostream& err) {
  for (const auto& failure : registry.failures()) err << "warning: skipped " << failure.to_string() << "\n";
}

// Runs the conformance suite on a library file, or on a plugin found by name on the search path.
int check_plugin(const std::string& target, const std::vector<std::string>& plugin_dirs, std::ostream& out,
                 std::ostream& err) {
  if (target.empty()) throw UsageError("plugins check needs a plugin name or a library path");
  PluginRegistry registry;
  const LoadedPlugin* plugin = nullptr;
  std::error_code ec;
  if (fs::is_regular_file(target, ec)) {
    if (!registry.load_file(target)) {
      err << "FAIL  loads as a splitsim plugin: " << registry.failures().front().to_string() << "\n";
      return kExitRuntimeFailure;
    }
    plugin = registry.find(registry.plugins().front().info.name);
    if (plugin_name_of_file(target) != plugin->info.name) {
      err << "note: scenarios find a plugin by its file name: install this one as libsplitsim_"
          << plugin->info.name << ".so\n";
    }
  } else {
    registry = load_registry(plugin_dirs);
    plugin = registry.find(target);
    if (!plugin) {
      if (const auto* failure = load_failure(registry, target)) {
        err << "FAIL  loads as a splitsim plugin: " << failure->to_string() << "\n";
        return kExitRuntimeFailure;
      }
      throw UsageError("no plugin named '" + escape_unprintable(target) +
                       "' and no such file (see `splitsim plugins list`)" + where_searched(registry, target));
    }
  }
  out << "Checking " << plugin->info.name << " " << plugin->info.version << " (" << plugin->file.string()
      << ")\n";
  const auto report = check_conformance(*plugin);
  out << report.to_string();
  const bool ok = report.all_passed();
  out << (ok ? "All properties hold.\n" : "Some properties fail: see FAIL lines above.\n");
  return ok ? kExitOk : kExitRuntimeFailure;
}

}  // namespace

int command_plugins(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string action, name;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("action", po::value(&action)->required(), "list, describe or check")(
      "name", po::value(&name), "plugin name (describe), or plugin name or library path (check)")(
      "markdown", "describe: print the parameters as a Markdown table (for a plugin's README)");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("action", 1).add("name", 1);
  const auto vm = parse(args, options, positional,
                        "Usage: splitsim plugins list | describe NAME [--markdown] | check NAME_OR_PATH "
                        "[--plugin-dir DIR] [--trust-plugin-dir DIR] [--allow-shadow]",
                        out);
  if (!vm) return kExitOk;
  if (action != "list" && action != "describe" && action != "check") {
    throw UsageError("unknown plugins action '" + escape_unprintable(action) +
                     "': use list, describe or check");
  }
  if (action == "check") return check_plugin(name, plugin_dirs, out, err);
  auto registry = load_registry(plugin_dirs);
  if (action == "list") {
    registry.load_all();  // listing is the one command that looks at every library on the path
    if (registry.plugins().empty()) out << "No plugins found.\n";
    for (const auto& plugin : registry.plugins()) {
      out << plugin.info.name << " " << plugin.info.version << "  " << plugin.info.description << "\n    "
          << plugin.file.string() << "\n";
    }
    out << "Searched:";
    for (const auto& dir : registry.searched()) out << " " << dir.string();
    out << "\n";
    print_failures(registry, err);
    return kExitOk;
  }
  if (name.empty()) throw UsageError("plugins describe needs a NAME (see `splitsim plugins list`)");
  const auto* plugin = registry.find(name);
  if (!plugin) {
    if (const auto* failure = load_failure(registry, name)) {
      err << "error: plugin '" << name << "' could not be loaded: " << failure->to_string() << "\n";
      return kExitRuntimeFailure;
    }
    throw UsageError("no plugin named '" + escape_unprintable(name) + "' (see `splitsim plugins list`)" +
                     where_searched(registry, name));
  }
  const auto& info = plugin->info;
  auto range_of = [](const ParamSpec& p) {
    char range[96];
    std::snprintf(range, sizeof range, "[%g, %g]", p.min, p.max);
    return std::string(range);
  };
  if (vm->count("markdown")) {
    out << "| parameter | unit | default | valid range | meaning and source |\n|---|---|---|---|---|\n";
    for (const auto& p : info.params) {
      out << "| `" << p.name << "` | " << p.unit << " | " << describe(p.default_value) << " | " << range_of(p)
          << " | " << p.help << " |\n";
    }
    return kExitOk;
  }
  out << info.name << " " << info.version << "\n"
      << info.description << "\nFile: " << plugin->file.string() << "\n\nParameters:\n";
  for (const auto& p : info.params) {
    out << "  " << p.name << " (" << p.unit << ")\n      default " << describe(p.default_value)
        << ", valid range " << range_of(p) << "\n      " << p.help << "\n";
  }
  return kExitOk;
}

}  // namespace splitsim::cli
