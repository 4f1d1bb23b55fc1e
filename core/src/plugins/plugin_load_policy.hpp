// What the user allows when plugins are loaded: shadowing a bundled plugin, and folders trusted despite
// their ownership or permissions. Read from the environment, so isolated batch jobs (child processes)
// follow the same policy as the command that started them.
#pragma once

#include <filesystem>
#include <vector>

namespace splitsim {

struct PluginLoadPolicy {
  // A plugin found earlier on the search path may replace a bundled one of the same name
  // (SPLITSIM_ALLOW_SHADOW=1, or --allow-shadow). Otherwise that is an error naming both files.
  bool allow_shadow = false;
  // Folders whose libraries are loaded whatever their ownership and permissions
  // (SPLITSIM_TRUSTED_PLUGIN_DIRS, ':'-separated, or --trust-plugin-dir).
  std::vector<std::filesystem::path> trusted_dirs;
  // The bundled plugins' folder (next to the runner): the one shadowing refers to.
  std::filesystem::path bundled_dir;

  static PluginLoadPolicy from_environment();
};

// The bundled plugins' folder of this runner: build and install trees share the layout
// bin/splitsim + lib/splitsim/plugins.
std::filesystem::path bundled_plugin_dir();

// Splits a ':'-separated list of folders (as PATH), skipping empty entries.
std::vector<std::filesystem::path> split_folder_list(const char* list);

// The environment variables behind the policy, and what the command-line flags set.
inline constexpr const char* kAllowShadowVariable = "SPLITSIM_ALLOW_SHADOW";
inline constexpr const char* kTrustedDirsVariable = "SPLITSIM_TRUSTED_PLUGIN_DIRS";

}  // namespace splitsim
