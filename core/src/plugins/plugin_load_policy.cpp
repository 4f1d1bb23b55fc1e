#include "plugins/plugin_load_policy.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <string>

namespace splitsim {

namespace fs = std::filesystem;

std::vector<fs::path> split_folder_list(const char* list) {
  std::vector<fs::path> dirs;
  if (!list) return dirs;
  const std::string text = list;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(':', start), text.size());
    if (end > start) dirs.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return dirs;
}

fs::path bundled_plugin_dir() {
  return fs::path(boost::dll::program_location()).parent_path().parent_path() / SPLITSIM_PLUGIN_SUBDIR;
}

PluginLoadPolicy PluginLoadPolicy::from_environment() {
  PluginLoadPolicy policy;
  const char* shadow = std::getenv(kAllowShadowVariable);
  policy.allow_shadow = shadow && std::string(shadow) != "" && std::string(shadow) != "0";
  policy.trusted_dirs = split_folder_list(std::getenv(kTrustedDirsVariable));
  policy.bundled_dir = bundled_plugin_dir();
  return policy;
}

}  // namespace splitsim
