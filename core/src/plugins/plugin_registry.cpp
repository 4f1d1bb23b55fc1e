#include "plugins/plugin_registry.hpp"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "plugins/library_file_check.hpp"
#include "plugins/plugin_trust.hpp"
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

// Plugin names become file names: letters, digits, '_', '-' and '.' only, so no name reaches another folder.
bool valid_plugin_name(const std::string& name) {
  if (name.empty() || name == "." || name == "..") return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.'; });
}

// The *.so files of a folder, in name order (the order plugins list shows and loads them).
std::vector<fs::path> library_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".so" && !entry.is_directory(ec)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
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

PluginRegistry::PluginRegistry(PluginLoadPolicy policy)
    : policy_(std::move(policy)), mutex_(std::make_unique<std::mutex>()) {}
PluginRegistry::PluginRegistry(PluginRegistry&&) noexcept = default;
PluginRegistry& PluginRegistry::operator=(PluginRegistry&&) noexcept = default;
PluginRegistry::~PluginRegistry() = default;

std::string plugin_name_of_file(const fs::path& file) {
  const std::string stem = file.stem().string(), prefix = "libsplitsim_";
  if (file.extension() != ".so" || stem.size() <= prefix.size() ||
      stem.compare(0, prefix.size(), prefix) != 0) {
    return "";
  }
  return stem.substr(prefix.size());
}

std::vector<fs::path> PluginRegistry::search_path(const std::vector<fs::path>& explicit_dirs,
                                                  bool include_bundled) {
  std::vector<fs::path> dirs = explicit_dirs;
  for (auto& dir : split_folder_list(std::getenv("SPLITSIM_PLUGIN_PATH"))) dirs.push_back(std::move(dir));
  if (include_bundled) dirs.push_back(bundled_plugin_dir());
  return dirs;
}

void PluginRegistry::use_search_path(const std::vector<fs::path>& dirs) {
  folders_.clear();
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;  // a missing folder on a search path is not an error
    const bool repeat = std::any_of(folders_.begin(), folders_.end(),
                                    [&](const Folder& f) { return fs::equivalent(f.path, dir, ec); });
    if (repeat) continue;
    folders_.push_back({dir, !policy_.bundled_dir.empty() && fs::equivalent(dir, policy_.bundled_dir, ec)});
  }
}

void PluginRegistry::load_all() {
  std::lock_guard lock(*mutex_);
  for (const auto& folder : folders_) {
    for (const auto& file : library_files(folder.path)) {
      const std::string name = plugin_name_of_file(file);
      if (!valid_plugin_name(name)) {
        fail_locked(
            file,
            "not named libsplitsim_NAME.so, so no scenario can use it (scenarios name a plugin by its "
            "file, as splitsim_add_plugin names it): rename it after the plugin's name",
            "");
        continue;
      }
      if (const auto first = resolved_.find(name); first != resolved_.end()) {
        std::error_code ec;
        if (fs::equivalent(first->second, file, ec)) continue;
        // A later copy of a name that loaded is never used; when the first copy failed, its failure says why.
        if (const auto* used = find_locked(name)) {
          fail_locked(file,
                      "plugin name '" + name + "' is already taken by " + used->file.string() +
                          " (found earlier on the search path, so that one is used): rename one of them",
                      name);
        }
        continue;
      }
      find_locked(name);
    }
  }
}

void PluginRegistry::load_directories(const std::vector<fs::path>& dirs) {
  use_search_path(dirs);
  load_all();
}

bool PluginRegistry::load_file(const fs::path& file) {
  std::lock_guard lock(*mutex_);
  return load_file_locked(file, file.parent_path().empty() ? fs::path(".") : file.parent_path(), "");
}

bool PluginRegistry::add(LoadedPlugin plugin) {
  std::lock_guard lock(*mutex_);
  return add_locked(std::move(plugin), "");
}

const LoadedPlugin* PluginRegistry::find(const std::string& name) const {
  std::lock_guard lock(*mutex_);
  return find_locked(name);
}

const LoadedPlugin* PluginRegistry::find_locked(const std::string& name) const {
  for (const auto& plugin : plugins_) {
    if (plugin.info.name == name) return &plugin;
  }
  if (!valid_plugin_name(name) || resolved_.count(name) || folders_.empty()) return nullptr;
  const std::string file_name = "libsplitsim_" + name + ".so";
  for (std::size_t f = 0; f < folders_.size(); ++f) {
    const fs::path file = folders_[f].path / file_name;
    std::error_code ec;
    if (!fs::exists(file, ec) || fs::is_directory(file, ec)) continue;
    resolved_[name] = file;
    if (!folders_[f].bundled && !policy_.allow_shadow) {
      for (std::size_t later = f + 1; later < folders_.size(); ++later) {
        const fs::path bundled = folders_[later].path / file_name;
        if (folders_[later].bundled && fs::exists(bundled, ec)) {
          fail_locked(file,
                      "shadows the bundled plugin '" + name + "' (" + bundled.string() +
                          "): a plugin of the same name earlier on the search path would silently replace "
                          "it. Remove or rename this one, or pass --allow-shadow (" +
                          kAllowShadowVariable + "=1) to use it instead of the bundled one",
                      name);
          return nullptr;
        }
      }
    }
    if (!load_file_locked(file, folders_[f].path, name)) return nullptr;
    return &plugins_.back();
  }
  resolved_[name] = fs::path();
  std::string folders;
  for (const auto& folder : folders_) folders += (folders.empty() ? "" : ", ") + folder.path.string();
  fail_locked({}, "no " + file_name + " in the plugin folders (" + folders + ")", name);
  return nullptr;
}

bool PluginRegistry::load_file_locked(const fs::path& file, const fs::path& folder,
                                      const std::string& expected_name) const {
  auto fail = [&](std::string reason) {
    fail_locked(file, std::move(reason), expected_name);
    return false;
  };
  std::error_code ec;
  if (!fs::exists(file, ec)) return fail("no such file");
  // Both checks come before dlopen: loading runs the library's static constructors, and the loader touches
  // every mapped page of a segment, which in a truncated file raises SIGBUS.
  if (auto untrusted = untrusted_library_reason(file, folder, policy_.trusted_dirs)) return fail(*untrusted);
  if (auto incomplete = incomplete_library_reason(file)) return fail(*incomplete);

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
  return add_locked(std::move(loaded), expected_name);
}

bool PluginRegistry::add_locked(LoadedPlugin plugin, const std::string& expected_name) const {
  auto fail = [&](std::string reason) {
    fail_locked(plugin.file, std::move(reason), expected_name.empty() ? plugin.info.name : expected_name);
    return false;
  };
  if (const auto problems = check_plugin_info(plugin.info); !problems.empty()) {
    std::string reason = "invalid self-description:";
    for (const auto& problem : problems) reason += " " + problem + ";";
    reason.pop_back();
    return fail(reason);
  }
  if (!expected_name.empty() && plugin.info.name != expected_name) {
    return fail("its file name says plugin '" + expected_name + "' but the plugin calls itself '" +
                plugin.info.name +
                "': scenarios find a plugin by its file name, so rename the file to libsplitsim_" +
                plugin.info.name + ".so (or the plugin to '" + expected_name + "')");
  }
  for (const auto& existing : plugins_) {
    if (existing.info.name == plugin.info.name) {
      return fail("plugin name '" + plugin.info.name + "' is already taken by " + existing.file.string() +
                  " (found earlier on the search path, so that one is used): rename one of them");
    }
  }
  plugins_.push_back(std::move(plugin));
  return true;
}

void PluginRegistry::fail_locked(fs::path file, std::string reason, std::string name) const {
  failures_.push_back({std::move(file), std::move(reason), std::move(name)});
}

std::vector<LoadedPlugin> PluginRegistry::plugins() const {
  std::lock_guard lock(*mutex_);
  return {plugins_.begin(), plugins_.end()};
}

std::vector<LoadFailure> PluginRegistry::failures() const {
  std::lock_guard lock(*mutex_);
  return {failures_.begin(), failures_.end()};
}

std::vector<fs::path> PluginRegistry::searched() const {
  std::vector<fs::path> dirs;
  for (const auto& folder : folders_) dirs.push_back(folder.path);
  return dirs;
}

std::vector<std::string> PluginRegistry::available_names() const {
  std::set<std::string> names;
  for (const auto& folder : folders_) {
    for (const auto& file : library_files(folder.path)) {
      if (const auto name = plugin_name_of_file(file); valid_plugin_name(name)) names.insert(name);
    }
  }
  return {names.begin(), names.end()};
}

const LoadFailure* PluginRegistry::failure_for(const std::string& name) const {
  std::lock_guard lock(*mutex_);
  for (const auto& failure : failures_) {
    if (failure.name == name) return &failure;
  }
  for (const auto& failure : failures_) {
    if (failure.file.stem().string() == name || plugin_name_of_file(failure.file) == name) return &failure;
  }
  return nullptr;
}

}  // namespace splitsim
