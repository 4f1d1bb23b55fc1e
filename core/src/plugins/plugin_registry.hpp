// Loads platform plugins with Boost.DLL and keeps each library alive as long as anything it created.
#pragma once

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "plugins/plugin_load_policy.hpp"
#include "splitsim/platform.hpp"

namespace splitsim {

// A plugin ready to simulate. `platform` holds its library: the library unloads only after the last copy.
struct LoadedPlugin {
  std::shared_ptr<const Platform> platform;
  PluginInfo info;  // copied from the plugin at load time
  std::filesystem::path file;
};

// A file that could not be used as a plugin, and why (with what to do about it).
struct LoadFailure {
  std::filesystem::path file;  // empty when no file was found for `name`
  std::string reason;
  std::string name;  // the plugin name the file was loaded for, when known
  std::string to_string() const { return file.empty() ? reason : file.string() + ": " + reason; }
};

// The plugins of a search path. A library's static constructors run as soon as it is loaded, so a plugin is
// loaded only when something asks for it by name: `find("meta")` loads libsplitsim_meta.so from the first
// folder of the search path that has one (the name splitsim_add_plugin gives it), after checking who could
// have written it (plugin_trust.hpp) and that it is a complete library (library_file_check.hpp).
//
// Lives for the whole process (objects from a plugin must not outlive its library), so the runner creates
// one and passes it down. Thread-safe: scenarios of a batch look plugins up concurrently.
class PluginRegistry {
 public:
  explicit PluginRegistry(PluginLoadPolicy policy = PluginLoadPolicy::from_environment());
  PluginRegistry(PluginRegistry&&) noexcept;
  PluginRegistry& operator=(PluginRegistry&&) noexcept;
  ~PluginRegistry();

  // The directories searched, in order: each `explicit_dirs` entry (--plugin-dir), then each entry of the
  // SPLITSIM_PLUGIN_PATH environment variable (':'-separated), then the bundled folder next to the runner.
  static std::vector<std::filesystem::path> search_path(
      const std::vector<std::filesystem::path>& explicit_dirs, bool include_bundled = true);

  // Where find() looks for plugins it has not loaded yet. Loads nothing.
  void use_search_path(const std::vector<std::filesystem::path>& dirs);

  // Loads every plugin the search path offers (for `plugins list`): each name once, from the first folder
  // that has it, exactly as find() would. Other *.so files are recorded as failures saying why no scenario
  // can use them.
  void load_all();

  // use_search_path(dirs), then load_all().
  void load_directories(const std::vector<std::filesystem::path>& dirs);

  // Loads one library by its path, whatever its file name (`plugins check FILE`). Returns false (and
  // records why) when it is not a usable plugin.
  bool load_file(const std::filesystem::path& file);

  // Registers an already created platform (used for libraries just loaded, and for in-process models).
  // Returns false (and records why) when its self-description is invalid or its name is taken.
  bool add(LoadedPlugin plugin);

  // The plugin of that name, loading it from the search path on first use; nullptr when there is none
  // or it could not be loaded (failure_for says why).
  const LoadedPlugin* find(const std::string& name) const;

  // Snapshots: the plugins loaded so far, the failures so far, the folders of the search path that exist.
  std::vector<LoadedPlugin> plugins() const;
  std::vector<LoadFailure> failures() const;
  std::vector<std::filesystem::path> searched() const;

  // The names the search path offers (libsplitsim_NAME.so files), without loading anything.
  std::vector<std::string> available_names() const;

  // The failure recorded for a plugin of that name (or a file whose stem matches it), or nullptr.
  const LoadFailure* failure_for(const std::string& name) const;

 private:
  struct Folder {
    std::filesystem::path path;
    bool bundled = false;
  };

  const LoadedPlugin* find_locked(const std::string& name) const;
  const LoadedPlugin* load_named(const std::string& name, const Folder& folder) const;
  bool load_file_locked(const std::filesystem::path& file, const std::filesystem::path& folder,
                        const std::string& expected_name) const;
  bool add_locked(LoadedPlugin plugin, const std::string& expected_name) const;
  void fail_locked(std::filesystem::path file, std::string reason, std::string name) const;

  PluginLoadPolicy policy_;
  std::vector<Folder> folders_;  // the search path's existing folders, without repeats
  // Loaded lazily from const lookups; deques keep the addresses handed out stable as they grow.
  mutable std::unique_ptr<std::mutex> mutex_;
  mutable std::deque<LoadedPlugin> plugins_;
  mutable std::deque<LoadFailure> failures_;
  mutable std::map<std::string, std::filesystem::path> resolved_;  // name -> the file that provides it
};

// Checks a plugin's self-description: a name, unique parameter names, min <= max, defaults inside the range.
// Returns the problems found (empty when sane).
std::vector<std::string> check_plugin_info(const PluginInfo& info);

// The plugin name a library file stands for (libsplitsim_NAME.so -> NAME), or "" for another file name.
std::string plugin_name_of_file(const std::filesystem::path& file);

}  // namespace splitsim
