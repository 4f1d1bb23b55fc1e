#include "test_support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

extern char** environ;

namespace splitsim::testing {
namespace fs = std::filesystem;

fs::path source_dir() { return SPLITSIM_SOURCE_DIR; }
fs::path bundled_plugin_dir() { return SPLITSIM_BUNDLED_PLUGIN_DIR; }
fs::path test_plugin_dir(const std::string& name) { return fs::path(SPLITSIM_TEST_PLUGIN_DIR) / name; }

namespace {
struct TempRoot {
  fs::path path;
  TempRoot() {
    std::random_device device;
    path = fs::temp_directory_path() / ("splitsim-test-" + std::to_string(device()));
    fs::create_directories(path);
  }
  ~TempRoot() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

class Lambda final : public Platform {
 public:
  Lambda(PluginInfo info, SimulateFn simulate) : info_(std::move(info)), simulate_(std::move(simulate)) {}
  const PluginInfo& info() const override { return info_; }
  void simulate(const SimulationBlock& block, const OutputBuffers& out) const override {
    simulate_(block, out);
  }

 private:
  PluginInfo info_;
  SimulateFn simulate_;
};
}  // namespace

fs::path temp_dir() {
  static TempRoot root;
  static int counter = 0;
  auto dir = root.path / std::to_string(counter++);
  fs::create_directories(dir);
  return dir;
}

fs::path write_file(const fs::path& dir, const std::string& name, const std::string& content) {
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

CommandResult run_splitsim(const std::vector<std::string>& args) {
  const auto dir = temp_dir();
  std::string command = quote(SPLITSIM_BINARY);
  for (const auto& arg : args) command += " " + quote(arg);
  command += " > " + quote((dir / "out").string()) + " 2> " + quote((dir / "err").string()) + " < /dev/null";
  // The tests choose their plugin folders explicitly: the caller's environment must not add any.
  // A hang must fail the test, not the suite: the command is killed after two minutes.
  const std::string full = "env -u SPLITSIM_PLUGIN_PATH timeout -s KILL 120 " + command;
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  return result;
}

PluginRegistry bundled_registry() {
  PluginRegistry registry;
  registry.load_directories({bundled_plugin_dir()});
  return registry;
}

LoadedPlugin make_platform(PluginInfo info, SimulateFn simulate) {
  LoadedPlugin plugin;
  plugin.info = info;
  plugin.file = "<in-process " + info.name + ">";
  plugin.platform = std::make_shared<Lambda>(std::move(info), std::move(simulate));
  return plugin;
}

pid_t spawn_quietly(std::vector<std::string> command, const fs::path& stderr_file) {
  std::vector<char*> argv;
  for (auto& a : command) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO,
                                   stderr_file.empty() ? "/dev/null" : stderr_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(failed, 0) << "could not start " << command.front();
  return failed ? 0 : pid;
}

}  // namespace splitsim::testing
