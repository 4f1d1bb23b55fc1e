// Loads platform plugins with Boost.DLL and keeps each library alive as long as anything it created.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

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
  std::filesystem::path file;
  std::string reason;
  std::string to_string() const { return file.string() + ": " + reason; }
};

// Every plugin found on the search path. Lives for the whole process (objects from a plugin must not outlive
// its library), so the runner creates one and passes it down.
class PluginRegistry {
 public:
  // The directories searched, in order: each `explicit_dirs` entry (--plugin-dir), then each entry of the
  // SPLITSIM_PLUGIN_PATH environment variable (':'-separated), then the bundled folder next to the runner.
  static std::vector<std::filesystem::path> search_path(
      const std::vector<std::filesystem::path>& explicit_dirs, bool include_bundled = true);

  // Loads every *.so of each directory (in name order). The first plugin of a name wins; later ones with the
  // same name are recorded as failures naming both files.
  void load_directories(const std::vector<std::filesystem::path>& dirs);

  // Loads one library. Returns false (and records why) when it is not a usable plugin.
  bool load_file(const std::filesystem::path& file);

  // Registers an already created platform (used for libraries just loaded, and for in-process models).
  // Returns false (and records why) when its self-description is invalid or its name is taken.
  bool add(LoadedPlugin plugin);

  // The plugin of that name, or nullptr.
  const LoadedPlugin* find(const std::string& name) const;

  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  const std::vector<LoadFailure>& failures() const { return failures_; }
  const std::vector<std::filesystem::path>& searched() const { return searched_; }

  // The failure recorded for a file whose plugin name or file stem matches `name`, or nullptr.
  const LoadFailure* failure_for(const std::string& name) const;

 private:
  std::vector<LoadedPlugin> plugins_;
  std::vector<LoadFailure> failures_;
  std::vector<std::filesystem::path> searched_;
};

// Checks a plugin's self-description: a name, unique parameter names, min <= max, defaults inside the range.
// Returns the problems found (empty when sane).
std::vector<std::string> check_plugin_info(const PluginInfo& info);

}  // namespace splitsim
