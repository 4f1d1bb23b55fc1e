#include "batch_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "test_support.hpp"

namespace splitsim::testing {

namespace fs = std::filesystem;

std::string good_scenario(int seed, int trials) {
  return "budget { total: 5000 } horizon { periods: 8 } objective { kpi: CONVERSIONS target: 50 }\n"
         "trials: " +
         std::to_string(trials) + " seed: " + std::to_string(seed) +
         "\n"
         "channels { name: \"fb\" plugin: \"meta\" organic { cost_per_post: 100 } }\n"
         "channels { name: \"li\" plugin: \"linkedin\" organic { cost_per_post: 120 } }\n"
         "search { grid { organic_step: 0.1 channel_step: 0.1 } }\n";
}

std::string scenario_on_plugin(const std::string& plugin) {
  return "budget { total: 1000 } horizon { periods: 3 } objective { kpi: REACH } trials: 20\n"
         "channels { name: \"ch\" plugin: \"" +
         plugin + "\" organic { cost_per_post: 10 } }\n";
}

pid_t spawn_batch(const std::vector<std::string>& args, const fs::path& stderr_file) {
  std::vector<std::string> command{SPLITSIM_BINARY, "batch"};
  command.insert(command.end(), args.begin(), args.end());
  return spawn_quietly(std::move(command), stderr_file);
}

v1::BatchManifest read_manifest(const fs::path& dir) {
  v1::BatchManifest m;
  std::ifstream in(dir / "manifest.pb", std::ios::binary);
  if (!in || !m.ParseFromIstream(&in)) return {};
  return m;
}

int count_ok(const fs::path& dir) {
  int ok = 0;
  const auto manifest = read_manifest(dir);  // alive for the loop: runs() refers into it
  for (const auto& run : manifest.runs()) ok += run.status() == v1::OK ? 1 : 0;
  return ok;
}

void wait_for_first_result(const fs::path& out, pid_t pid) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (count_ok(out) < 1 && std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, WNOHANG), 0) << "the batch ended before it could be interrupted";
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::vector<pid_t> job_processes(const fs::path& out) {
  std::vector<pid_t> pids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> args;
    std::stringstream parts(cmdline);
    for (std::string arg; std::getline(parts, arg, '\0');) args.push_back(arg);
    if (args.size() == 3 && args[1] == "job" && args[2].find(out.string()) == 0)
      pids.push_back(std::stoi(name));
  }
  return pids;
}

}  // namespace splitsim::testing
