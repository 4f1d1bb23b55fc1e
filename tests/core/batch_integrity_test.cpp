// A batch under stress: stopped at any moment, stuck in a hung plugin, killed with isolated children
// running, two batches into one folder, output names and folders that collide with the manifest.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "batch_support.hpp"
#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::read_manifest;
using testing::run_splitsim;
using testing::spawn_batch;
using testing::write_file;

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Waits for `pid` at most `limit`; true when it ended (its wait status in `status`).
bool ended_within(pid_t pid, std::chrono::milliseconds limit, int& status) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) return true;
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

void wait_until(const std::function<bool()>& condition, std::chrono::milliseconds limit = 30s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
}

// A stop may land before a scenario starts, while it simulates, or while it saves: whenever it lands, the
// batch ends cleanly, every entry is OK (with whole results) or NOT_RUN, and nothing partial is left.
TEST(BatchStops, AStopAtAnyMomentEndsCleanly) {
  const auto in = testing::temp_dir();
  for (int i = 0; i < 4; ++i)
    write_file(in, "s" + std::to_string(i) + ".textproto", testing::good_scenario(i, 300));
  for (int attempt = 0; attempt < 12; ++attempt) {
    const auto out = testing::temp_dir() / ("out" + std::to_string(attempt));
    const auto err = testing::temp_dir() / ("err" + std::to_string(attempt));
    const pid_t pid = spawn_batch({in.string(), "-o", out.string(), "--jobs", "2", "--threads", "2"}, err);
    std::this_thread::sleep_for(std::chrono::milliseconds(25 * attempt));
    kill(pid, attempt % 2 ? SIGTERM : SIGINT);
    int status = 0;
    ASSERT_TRUE(ended_within(pid, 60s, status)) << "attempt " << attempt;
    // A signal before the batch installs its handlers ends the process as signals do: it had written nothing.
    if (WIFSIGNALED(status) && WTERMSIG(status) == (attempt % 2 ? SIGTERM : SIGINT) && !fs::exists(out))
      continue;
    ASSERT_TRUE(WIFEXITED(status)) << "attempt " << attempt << " died of signal " << WTERMSIG(status) << ": "
                                   << slurp(err);
    EXPECT_TRUE(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 128 + (attempt % 2 ? SIGTERM : SIGINT))
        << WEXITSTATUS(status) << ": " << slurp(err);
    if (!fs::exists(out / "manifest.pb")) continue;  // stopped before it began
    const auto m = read_manifest(out);
    ASSERT_EQ(m.runs_size(), 4);
    for (const auto& run : m.runs()) {
      ASSERT_TRUE(run.status() == v1::OK || run.status() == v1::NOT_RUN)
          << v1::RunStatus_Name(run.status()) << " " << run.message();
      if (run.status() == v1::OK) {
        EXPECT_NO_THROW(load_results(out / run.output_file()));
      }
    }
    for (const auto& entry : fs::directory_iterator(out)) {
      const auto name = entry.path().filename().string();
      EXPECT_NE(name[0], '.') << "left over: " << name;
    }
  }
}

TEST(BatchStops, ASecondStopEndsABatchStuckInAHungPluginAndTheFirstSaysSo) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out", err = testing::temp_dir() / "err";
  write_file(in, "hang.textproto", testing::scenario_on_plugin("test_hang"));
  const pid_t pid = spawn_batch(
      {in.string(), "-o", out.string(), "--plugin-dir", testing::test_plugin_dir("test_hang").string()}, err);
  wait_until([&] { return fs::exists(out / "manifest.pb"); });
  std::this_thread::sleep_for(200ms);  // inside the plugin by now
  kill(pid, SIGINT);
  int status = 0;
  EXPECT_FALSE(ended_within(pid, 500ms, status)) << "a hung plugin cannot be cancelled in process";
  wait_until([&] { return slurp(err).find("--isolate") != std::string::npos; }, 5s);
  EXPECT_NE(slurp(err).find("--isolate"), std::string::npos) << slurp(err);
  kill(pid, SIGINT);
  ASSERT_TRUE(ended_within(pid, 5s, status)) << "the second Ctrl-C must end the batch";
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  EXPECT_EQ(read_manifest(out).runs(0).status(), v1::NOT_RUN);
}

TEST(BatchStops, AKilledBatchTakesItsIsolatedChildrenWithIt) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out", err = testing::temp_dir() / "err";
  write_file(in, "hang.textproto", testing::scenario_on_plugin("test_hang"));
  const pid_t pid = spawn_batch({in.string(), "-o", out.string(), "--isolate", "--timeout", "600",
                                 "--plugin-dir", testing::test_plugin_dir("test_hang").string()},
                                err);
  wait_until([&] { return !testing::job_processes(out).empty(); });
  ASSERT_FALSE(testing::job_processes(out).empty()) << "no child started: " << slurp(err);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  wait_until([&] { return testing::job_processes(out).empty(); }, 5s);
  EXPECT_TRUE(testing::job_processes(out).empty()) << "an isolated child outlived its batch";
}

TEST(BatchStops, IsolatedRunsHaveATimeoutByDefault) {
  const auto r = run_splitsim({"batch", "--help"});
  EXPECT_NE(r.out.find("default 3600"), std::string::npos) << r.out;
}

TEST(BatchFolder, ASecondBatchIntoTheSameFolderIsRefused) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out", err = testing::temp_dir() / "err";
  write_file(in, "hang.textproto", testing::scenario_on_plugin("test_hang"));
  const pid_t first = spawn_batch({in.string(), "-o", out.string(), "--isolate", "--timeout", "600",
                                   "--plugin-dir", testing::test_plugin_dir("test_hang").string()},
                                  err);
  wait_until([&] { return fs::exists(out / "manifest.pb"); });
  const auto other = testing::temp_dir();
  write_file(other, "good.textproto", testing::good_scenario(1, 20));
  const auto second = run_splitsim({"batch", other.string(), "-o", out.string()});
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("another batch is writing into"), std::string::npos) << second.err;
  // The first batch's manifest still has its own single entry.
  EXPECT_EQ(read_manifest(out).runs_size(), 1);
  kill(first, SIGKILL);
  int status = 0;
  waitpid(first, &status, 0);
  // The lock dies with its holder: a new batch may now use the folder.
  EXPECT_EQ(run_splitsim({"batch", other.string(), "-o", out.string()}).exit_code, 0);
}

TEST(BatchFolder, AScenarioNamedManifestKeepsItsResults) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  write_file(in, "manifest.textproto", testing::good_scenario(1, 20));
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", out.string()}).exit_code, 0);
  const auto m = read_manifest(out);
  ASSERT_EQ(m.runs_size(), 1);
  EXPECT_EQ(m.runs(0).output_file(), "manifest-2.pb");
  EXPECT_NO_THROW(load_results(out / "manifest-2.pb"));
}

TEST(BatchFolder, OutputIntoTheInputFolderIsNotReadBackAsAScenario) {
  const auto in = testing::temp_dir();
  write_file(in, "plan.json", R"({"budget": {"total": 3000}, "horizon": {"periods": 4}, "trials": 30,
    "objective": {"kpi": "REACH"}, "channels": [{"name": "fb", "plugin": "meta", "organic": {"costPerPost": 90}}]})");
  for (int run = 0; run < 2; ++run) {
    const auto r = run_splitsim({"batch", in.string(), "-o", in.string(), "--resume"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto m = read_manifest(in);
    ASSERT_EQ(m.runs_size(), 1) << "run " << run;
    EXPECT_EQ(fs::path(m.runs(0).scenario_file()).filename(), "plan.json");
  }
}

}  // namespace
}  // namespace splitsim
