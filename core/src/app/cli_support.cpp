#include "app/cli_support.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "errors.hpp"

namespace splitsim::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

void add_plugin_options(po::options_description& options, std::vector<std::string>& plugin_dirs) {
  options.add_options()(
      "plugin-dir", po::value(&plugin_dirs)->composing(),
      "folder to search for plugins first (repeatable); then SPLITSIM_PLUGIN_PATH, then the "
      "bundled plugins");
}

bool parse(const std::vector<std::string>& args, po::options_description& options,
           const po::positional_options_description& positional, const std::string& usage,
           std::ostream& out) {
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      out << usage << "\n" << options << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + "\n" + usage);
  }
  return true;
}

PluginRegistry load_registry(const std::vector<std::string>& plugin_dirs) {
  std::vector<fs::path> dirs(plugin_dirs.begin(), plugin_dirs.end());
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw UsageError("--plugin-dir " + dir.string() + ": no such folder");
  }
  PluginRegistry registry;
  registry.load_directories(PluginRegistry::search_path(dirs));
  return registry;
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace splitsim::cli
