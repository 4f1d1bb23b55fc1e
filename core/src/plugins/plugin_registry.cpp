#include "plugins/plugin_registry.hpp"

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "splitsim/abi.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

// Turns the dynamic loader's message into advice for the usual causes.
std::string explain_dlopen_failure(const std::string& what) {
  if (what.find("invalid ELF header") != std::string::npos ||
      what.find("file too short") != std::string::npos) {
    return "not a shared library (" + what + ")";
  }
  if (what.find("cannot open shared object file") != std::string::npos) {
    return "a library it depends on is missing (" + what +
           "): install that library or add its folder to LD_LIBRARY_PATH";
  }
  if (what.find("undefined symbol") != std::string::npos) {
    return "it needs a symbol nothing provides (" + what +
           "): it was probably built against another splitsim or library version; rebuild it";
  }
  return "cannot be loaded (" + what + ")";
}

bool inside(double value, double lo, double hi) { return value >= lo && value <= hi; }

// The value a distribution is centred on, to check it against the parameter's range.
double centre(const Distribution& d) {
  switch (d.kind) {
    case DistributionKind::kUniform:
      return 0.5 * (d.a + d.b);
    case DistributionKind::kBeta:
      return d.a / (d.a + d.b);
    default:
      return d.a;
  }
}

}  // namespace

std::vector<std::string> check_plugin_info(const PluginInfo& info) {
  std::vector<std::string> problems;
  if (info.name.empty()) problems.push_back("its name is empty");
  if (info.version.empty()) problems.push_back("its version is empty");
  std::set<std::string> names;
  for (const auto& param : info.params) {
    const std::string where = "parameter '" + param.name + "': ";
    if (param.name.empty()) problems.push_back("a parameter has an empty name");
    if (!names.insert(param.name).second) problems.push_back(where + "declared twice");
    if (!std::isfinite(param.min) || !std::isfinite(param.max) || param.min > param.max) {
      problems.push_back(where + "its range is not a finite [min, max]");
      continue;
    }
    const auto& d = param.default_value;
    if (!std::isfinite(d.a) || !std::isfinite(d.b) || !inside(centre(d), param.min, param.max)) {
      problems.push_back(where + "its default " + describe(d) + " lies outside its range");
    }
  }
  return problems;
}

std::vector<fs::path> PluginRegistry::search_path(const std::vector<fs::path>& explicit_dirs,
                                                  bool include_bundled) {
  std::vector<fs::path> dirs = explicit_dirs;
  if (const char* env = std::getenv("SPLITSIM_PLUGIN_PATH")) {
    std::string list = env;
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto end = std::min(list.find(':', start), list.size());
      if (end > start) dirs.emplace_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  if (include_bundled) {
    // Build and install trees share the layout bin/splitsim + lib/splitsim/plugins.
    dirs.push_back(fs::path(boost::dll::program_location()).parent_path().parent_path() /
                   SPLITSIM_PLUGIN_SUBDIR);
  }
  return dirs;
}

void PluginRegistry::load_directories(const std::vector<fs::path>& dirs) {
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;  // a missing folder on a search path is not an error
    searched_.push_back(dir);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".so" && !entry.is_directory()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) load_file(file);
  }
}

bool PluginRegistry::load_file(const fs::path& file) {
  auto fail = [&](std::string reason) {
    failures_.push_back({file, std::move(reason)});
    return false;
  };
  std::error_code ec;
  if (!fs::exists(file, ec)) return fail("no such file");

  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    library->load(file);
  } catch (const std::exception& e) {
    return fail(explain_dlopen_failure(e.what()));
  }

  // The ABI version is checked before anything else in the library is called.
  if (!library->has(kAbiVersionSymbol)) {
    return fail(std::string("not a splitsim plugin: it exports no ") + kAbiVersionSymbol +
                " (use SPLITSIM_PLUGIN(YourPlatform) from splitsim/export.hpp; with hidden visibility only "
                "exported symbols are seen)");
  }
  const std::uint32_t abi = library->get<std::uint32_t()>(kAbiVersionSymbol)();
  if (abi != kAbiVersion) {
    return fail("built for plugin ABI version " + std::to_string(abi) + ", this runner needs version " +
                std::to_string(kAbiVersion) + ": rebuild the plugin against this splitsim SDK");
  }
  if (!library->has(kFactorySymbol)) {
    return fail(std::string("missing the factory symbol ") + kFactorySymbol +
                " (use SPLITSIM_PLUGIN(YourPlatform) from splitsim/export.hpp)");
  }

  std::shared_ptr<const Platform> platform;
  try {
    auto& factory = library->get<Platform*()>(kFactorySymbol);
    Platform* raw = factory();
    if (!raw) return fail("its factory returned no platform");
    // The deleter holds the library, so the code of the object's destructor stays mapped until it has run.
    platform = std::shared_ptr<const Platform>(raw, [library](const Platform* p) { delete p; });
  } catch (const std::exception& e) {
    return fail(std::string("its factory threw: ") + e.what());
  } catch (...) {
    return fail("its factory threw a non-standard exception");
  }

  LoadedPlugin loaded{platform, {}, file};
  try {
    loaded.info = platform->info();
  } catch (const std::exception& e) {
    return fail(std::string("info() threw: ") + e.what());
  }
  return add(std::move(loaded));
}

bool PluginRegistry::add(LoadedPlugin plugin) {
  auto fail = [&](std::string reason) {
    failures_.push_back({plugin.file, std::move(reason)});
    return false;
  };
  if (const auto problems = check_plugin_info(plugin.info); !problems.empty()) {
    std::string reason = "invalid self-description:";
    for (const auto& problem : problems) reason += " " + problem + ";";
    reason.pop_back();
    return fail(reason);
  }
  if (const auto* existing = find(plugin.info.name)) {
    return fail("plugin name '" + plugin.info.name + "' is already taken by " + existing->file.string() +
                " (found earlier on the search path, so that one is used): rename one of them");
  }
  plugins_.push_back(std::move(plugin));
  return true;
}

const LoadedPlugin* PluginRegistry::find(const std::string& name) const {
  for (const auto& plugin : plugins_) {
    if (plugin.info.name == name) return &plugin;
  }
  return nullptr;
}

const LoadFailure* PluginRegistry::failure_for(const std::string& name) const {
  for (const auto& failure : failures_) {
    const auto stem = failure.file.stem().string();
    if (stem == name || stem == "libsplitsim_" + name ||
        failure.reason.find("'" + name + "'") != std::string::npos) {
      return &failure;
    }
  }
  return nullptr;
}

}  // namespace splitsim
