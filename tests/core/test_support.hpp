// Shared helpers of the core tests: paths, running the CLI, in-process platforms.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "plugins/plugin_registry.hpp"

namespace splitsim::testing {

std::filesystem::path source_dir();
std::filesystem::path bundled_plugin_dir();
// Folder holding only the named test plugin.
std::filesystem::path test_plugin_dir(const std::string& name);
// A fresh, empty temporary folder removed at process exit.
std::filesystem::path temp_dir();

// Writes `content` to `dir/name` and returns the path.
std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& content);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the splitsim binary with `args` (each shell-quoted) and captures both streams.
CommandResult run_splitsim(const std::vector<std::string>& args);

// Starts `command` (the program's path first) without waiting for it: stdin from /dev/null, stdout thrown
// away, stderr into `stderr_file` (thrown away when empty). The child's pid; a failure to start fails the
// test and gives 0.
pid_t spawn_quietly(std::vector<std::string> command, const std::filesystem::path& stderr_file = {});

// A registry with the bundled plugins only (no environment search path).
PluginRegistry bundled_registry();

// An in-process platform whose simulate is a lambda: for engine tests without a shared library.
using SimulateFn = std::function<void(const SimulationBlock&, const OutputBuffers&)>;
LoadedPlugin make_platform(PluginInfo info, SimulateFn simulate);

}  // namespace splitsim::testing
