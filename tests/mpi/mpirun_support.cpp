#include "mpirun_support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

extern char** environ;

namespace splitsim::testing {
namespace {

namespace fs = std::filesystem;

std::string quote(const std::string& text) {
  std::string q = "'";
  for (const char c : text) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CommandResult mpirun(int ranks, const std::vector<std::string>& args,
                     const std::vector<std::string>& environment) {
  const auto dir = temp_dir();
  std::string command = "env -u SPLITSIM_PLUGIN_PATH";
  for (const auto& variable : environment) command += " " + quote(variable);
  command += " timeout -s KILL 300 " + quote(SPLITSIM_MPIRUN) + " --allow-run-as-root --oversubscribe -n " +
             std::to_string(ranks) + " " + quote(SPLITSIM_MPI_BINARY);
  for (const auto& arg : args) command += " " + quote(arg);
  command += " > " + quote((dir / "out").string()) + " 2> " + quote((dir / "err").string()) + " < /dev/null";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  return result;
}

pid_t spawn_mpirun(int ranks, const std::vector<std::string>& args, const fs::path& stderr_file) {
  std::vector<std::string> full{SPLITSIM_MPIRUN,       "--allow-run-as-root", "--oversubscribe", "-n",
                                std::to_string(ranks), SPLITSIM_MPI_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

}  // namespace splitsim::testing
