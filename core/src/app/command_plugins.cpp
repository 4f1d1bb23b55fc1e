// splitsim plugins list | describe NAME: what is loadable and what each model takes.
#include <cstdio>
#include <filesystem>

#include "app/cli_support.hpp"
#include "errors.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

void print_failures(const PluginRegistry& registry, std::ostream& err) {
  for (const auto& failure : registry.failures()) err << "warning: skipped " << failure.to_string() << "\n";
}

}  // namespace

int command_plugins(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string action, name;
  std::vector<std::string> plugin_dirs;
  po::options_description options("Options");
  options.add_options()("action", po::value(&action)->required(), "list or describe")(
      "name", po::value(&name), "plugin name (for describe)");
  add_plugin_options(options, plugin_dirs);
  po::positional_options_description positional;
  positional.add("action", 1).add("name", 1);
  if (!parse(args, options, positional,
             "Usage: splitsim plugins list | splitsim plugins describe NAME "
             "[--plugin-dir DIR]",
             out)) {
    return kExitOk;
  }
  if (action != "list" && action != "describe")
    throw UsageError("unknown plugins action '" + action + "': use list or describe");
  const auto registry = load_registry(plugin_dirs);
  if (action == "list") {
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
    if (const auto* failure = registry.failure_for(name)) {
      err << "error: plugin '" << name << "' could not be loaded: " << failure->to_string() << "\n";
      return kExitRuntimeFailure;
    }
    throw UsageError("no plugin named '" + name + "' (see `splitsim plugins list`)");
  }
  const auto& info = plugin->info;
  out << info.name << " " << info.version << "\n"
      << info.description << "\nFile: " << plugin->file.string() << "\n\nParameters:\n";
  for (const auto& p : info.params) {
    char range[96];
    std::snprintf(range, sizeof range, "[%g, %g]", p.min, p.max);
    out << "  " << p.name << " (" << p.unit << ")\n      default " << describe(p.default_value)
        << ", valid range " << range << "\n      " << p.help << "\n";
  }
  return kExitOk;
}

}  // namespace splitsim::cli
