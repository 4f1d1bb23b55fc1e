// splitsim batch end to end: statuses, isolation, resume after SIGKILL, SIGINT, fail-fast.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "batch.pb.h"
#include "batch_support.hpp"
#include "output/results_io.hpp"
#include "test_support.hpp"

extern char** environ;

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using testing::run_splitsim;
using testing::write_file;

std::string on_plugin(const std::string& plugin) { return testing::scenario_on_plugin(plugin); }
std::string good(int seed, int trials = 200) { return testing::good_scenario(seed, trials); }

v1::BatchManifest manifest(const fs::path& dir) {
  v1::BatchManifest m;
  std::ifstream in(dir / "manifest.pb", std::ios::binary);
  EXPECT_TRUE(m.ParseFromIstream(&in)) << dir;
  return m;
}

const v1::ScenarioRun& run_of(const v1::BatchManifest& m, const std::string& name) {
  for (const auto& run : m.runs()) {
    if (fs::path(run.scenario_file()).filename() == name) return run;
  }
  throw std::runtime_error("no run for " + name);
}

std::string plugin_dir(const std::string& name) { return testing::test_plugin_dir(name).string(); }

TEST(Batch, EachScenarioGetsItsOwnStatusAndGoodResultsAreWritten) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  write_file(in, "a_good.textproto", good(1, 50));
  write_file(in, "b_invalid.textproto", "budget { total: -5 }\n");
  write_file(in, "c_throws.textproto", on_plugin("test_throws"));
  write_file(in, "d_crash.textproto", on_plugin("test_crash"));
  write_file(in, "e_hang.textproto", on_plugin("test_hang"));
  write_file(in, "f_good.json", R"({"budget": {"total": 3000}, "horizon": {"periods": 4}, "trials": 30,
    "objective": {"kpi": "REACH"}, "channels": [{"name": "fb", "plugin": "meta", "organic": {"costPerPost": 90}}]})");
  const auto r = run_splitsim({"batch", in.string(), "-o", out.string(), "--isolate", "--timeout", "5",
                               "--jobs", "2", "--plugin-dir", plugin_dir("test_throws"), "--plugin-dir",
                               plugin_dir("test_crash"), "--plugin-dir", plugin_dir("test_hang")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto m = manifest(out);
  ASSERT_EQ(m.runs_size(), 6);
  EXPECT_EQ(run_of(m, "a_good.textproto").status(), v1::OK);
  EXPECT_EQ(run_of(m, "f_good.json").status(), v1::OK);
  EXPECT_EQ(run_of(m, "b_invalid.textproto").status(), v1::INVALID);
  EXPECT_NE(run_of(m, "b_invalid.textproto").message().find("budget.total"), std::string::npos);
  EXPECT_EQ(run_of(m, "c_throws.textproto").status(), v1::PLUGIN_ERROR);
  EXPECT_NE(run_of(m, "c_throws.textproto").message().find("model exploded"), std::string::npos);
  EXPECT_EQ(run_of(m, "d_crash.textproto").status(), v1::CRASHED);
  EXPECT_NE(run_of(m, "d_crash.textproto").message().find("signal 11"), std::string::npos)
      << run_of(m, "d_crash.textproto").message();
  EXPECT_EQ(run_of(m, "e_hang.textproto").status(), v1::TIMED_OUT);
  // Good results are complete and readable; failed ones left nothing behind.
  EXPECT_NO_THROW(load_results(out / run_of(m, "a_good.textproto").output_file()));
  EXPECT_NO_THROW(load_results(out / run_of(m, "f_good.json").output_file()));
  int files = 0;
  for (const auto& entry : fs::directory_iterator(out)) files += entry.path().extension() == ".pb" ? 1 : 0;
  EXPECT_EQ(files, 3);  // two results + manifest.pb
  EXPECT_TRUE(fs::exists(out / "manifest.json"));
  EXPECT_TRUE(fs::exists(out / "manifest.csv"));
}

TEST(Batch, WithoutIsolationAFailingPluginFailsOnlyItsScenario) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  write_file(in, "good.textproto", good(2, 30));
  write_file(in, "throws.textproto", on_plugin("test_throws"));
  write_file(in, "invalid.json", "{\"budget\": ");
  const auto r =
      run_splitsim({"batch", in.string(), "-o", out.string(), "--plugin-dir", plugin_dir("test_throws")});
  EXPECT_EQ(r.exit_code, 1);
  const auto m = manifest(out);
  EXPECT_EQ(run_of(m, "good.textproto").status(), v1::OK);
  EXPECT_EQ(run_of(m, "throws.textproto").status(), v1::PLUGIN_ERROR);
  EXPECT_EQ(run_of(m, "invalid.json").status(), v1::INVALID);
}

TEST(Batch, AllGoodExitsZeroAndTimeoutNeedsNothingElse) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  write_file(in, "one.textproto", good(3, 30));
  EXPECT_EQ(run_splitsim({"batch", in.string(), "-o", out.string()}).exit_code, 0);
  EXPECT_EQ(run_splitsim({"batch", (in / "missing").string(), "-o", out.string()}).exit_code, 2);
  EXPECT_EQ(run_splitsim({"batch", in.string()}).exit_code, 2);  // no -o
}

using testing::count_ok;
using testing::spawn_batch;
using testing::wait_for_first_result;

// Results without what legitimately differs between runs.
std::string comparable(const fs::path& file) {
  auto results = load_results(file);
  results.mutable_metadata()->clear_execution();
  return serialize_results(results);
}

fs::path six_scenarios() {
  const auto in = testing::temp_dir();
  for (int i = 0; i < 6; ++i) write_file(in, "s" + std::to_string(i) + ".textproto", good(10 + i, 250));
  return in;
}

TEST(Batch, SearchOverrideOptimizesEveryScenarioInProcessAndIsolated) {
  const auto in = testing::temp_dir();
  for (int i = 0; i < 2; ++i) write_file(in, "s" + std::to_string(i) + ".textproto", good(30 + i, 100));
  for (const bool isolate : {false, true}) {
    const auto out = testing::temp_dir() / (isolate ? "isolated" : "in_process");
    std::vector<std::string> args{"batch", in.string(), "-o", out.string(), "--search", "optimize"};
    if (isolate) args.push_back("--isolate");
    const auto r = run_splitsim(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto m = manifest(out);
    ASSERT_EQ(m.runs_size(), 2);
    for (const auto& run : m.runs()) {
      EXPECT_EQ(run.status(), v1::OK) << run.message();
      const auto results = load_results(out / run.output_file());
      EXPECT_EQ(results.recommendation().strategy(), "optimize");
      EXPECT_EQ(results.recommendation().frontier_size(), 5);
    }
  }
}

TEST(Batch, KilledAndResumedGivesTheSameOutputsAsAnUninterruptedRun) {
  const auto in = six_scenarios();
  const auto reference = testing::temp_dir() / "reference", resumed = testing::temp_dir() / "resumed";
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", reference.string(), "--jobs", "1", "--threads", "1"})
                .exit_code,
            0);

  const pid_t pid = spawn_batch({in.string(), "-o", resumed.string(), "--jobs", "1", "--threads", "1"},
                                testing::temp_dir() / "err");
  wait_for_first_result(resumed, pid);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  const int done_before = count_ok(resumed);
  EXPECT_LT(done_before, 6);

  const auto r = run_splitsim({"batch", in.string(), "-o", resumed.string(), "--jobs", "1", "--resume"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = manifest(resumed);
  int reused = 0;
  for (const auto& run : m.runs()) {
    ASSERT_EQ(run.status(), v1::OK);
    reused += run.reused() ? 1 : 0;
    EXPECT_EQ(comparable(resumed / run.output_file()), comparable(reference / run.output_file()))
        << run.output_file();
  }
  EXPECT_GE(reused, done_before);
  // Nothing duplicated or left over: six results, the manifest and its two views.
  EXPECT_EQ(std::distance(fs::directory_iterator(resumed), fs::directory_iterator()), 9);
}

TEST(Batch, SigintStopsCleanlyAndSaysHowToResume) {
  const auto in = six_scenarios();
  const auto out = testing::temp_dir() / "out", err = testing::temp_dir() / "err";
  const pid_t pid = spawn_batch({in.string(), "-o", out.string(), "--jobs", "1", "--threads", "1"}, err);
  wait_for_first_result(out, pid);
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  std::ifstream in_err(err);
  const std::string text((std::istreambuf_iterator<char>(in_err)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("--resume"), std::string::npos) << text;
  const auto m = manifest(out);
  EXPECT_TRUE(m.interrupted());
  int not_run = 0;
  for (const auto& run : m.runs()) not_run += run.status() == v1::NOT_RUN ? 1 : 0;
  EXPECT_GE(not_run, 1);
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_EQ(entry.path().filename().string().rfind(".", 0), std::string::npos)
        << "temporary file left: " << entry.path();
  }
}

TEST(Batch, ResumeRerunsAScenarioThatChanged) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  write_file(in, "a.textproto", good(5, 30));
  write_file(in, "b.textproto", good(6, 30));
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", out.string()}).exit_code, 0);
  write_file(in, "b.textproto", good(7, 30));  // edited since
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", out.string(), "--resume"}).exit_code, 0);
  const auto m = manifest(out);
  EXPECT_TRUE(run_of(m, "a.textproto").reused());
  EXPECT_FALSE(run_of(m, "b.textproto").reused());
  EXPECT_EQ(load_results(out / "b.pb").metadata().seed(), 7u);
}

TEST(Batch, FailFastStartsNothingAfterTheFirstFailure) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  write_file(in, "a_invalid.textproto", "budget { total: -5 }\n");
  write_file(in, "b_good.textproto", good(8, 30));
  const auto r = run_splitsim({"batch", in.string(), "-o", out.string(), "--jobs", "1", "--fail-fast"});
  EXPECT_EQ(r.exit_code, 1);
  const auto m = manifest(out);
  EXPECT_EQ(run_of(m, "a_invalid.textproto").status(), v1::INVALID);
  EXPECT_EQ(run_of(m, "b_good.textproto").status(), v1::NOT_RUN);
}

TEST(Batch, SameStemsInDifferentFoldersGetDistinctResultFiles) {
  const auto in = testing::temp_dir(), out = testing::temp_dir() / "out";
  fs::create_directories(in / "q1");
  fs::create_directories(in / "q2");
  write_file(in / "q1", "plan.textproto", good(1, 20));
  write_file(in / "q2", "plan.textproto", good(2, 20));
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", out.string()}).exit_code, 0);
  EXPECT_TRUE(fs::exists(out / "q1-plan.pb"));
  EXPECT_TRUE(fs::exists(out / "q2-plan.pb"));
}

}  // namespace
}  // namespace splitsim
