#include "mpirun_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

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
  std::vector<std::string> command{SPLITSIM_MPIRUN,       "--allow-run-as-root", "--oversubscribe", "-n",
                                   std::to_string(ranks), SPLITSIM_MPI_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  return spawn_quietly(std::move(command), stderr_file);
}

}  // namespace splitsim::testing
