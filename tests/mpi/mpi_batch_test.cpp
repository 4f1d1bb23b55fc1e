// `mpirun -n K splitsim-mpi batch`: scenarios handed out to the ranks as they ask give the manifest and the
// results folder of a plain batch, failures included, for K = 1, 2, 3. A rank killed mid-batch ends the job
// with mpirun's message, loses nothing already written, and --resume, with or without MPI, completes it.
// Ctrl-C stops every rank, and rank 0 alone says so.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <csignal>
#include <set>

#include "batch.pb.h"
#include "batch_support.hpp"
#include "mpirun_support.hpp"
#include "output/results_io.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using testing::mpirun;
using testing::run_splitsim;
using testing::write_file;

// The manifest without what depends on when, how long and how it was reached: start, end, each run's
// duration, and whether a resumed batch reused a run's results.
std::string comparable_manifest(const fs::path& dir) {
  auto m = testing::read_manifest(dir);
  m.clear_started_at();
  m.clear_finished_at();
  for (auto& run : *m.mutable_runs()) {
    run.clear_wall_seconds();
    run.clear_reused();
  }
  return m.SerializeAsString();
}

std::string comparable_results(const fs::path& file) {
  auto results = load_results(file);
  results.mutable_metadata()->clear_execution();
  return serialize_results(results);
}

std::set<std::string> file_names(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
  return names;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Every OK entry of `dir`'s manifest has the results `reference` has for it; how many there are.
int expect_ok_results_as_in(const fs::path& dir, const fs::path& reference) {
  int ok = 0;
  const auto manifest = testing::read_manifest(dir);
  for (const auto& run : manifest.runs()) {
    if (run.status() != v1::OK) continue;
    ++ok;
    EXPECT_EQ(comparable_results(dir / run.output_file()), comparable_results(reference / run.output_file()))
        << run.output_file();
  }
  return ok;
}

TEST(MpiBatch, OneTwoOrThreeRanksGiveTheManifestAndResultsOfAPlainBatch) {
  // The bundled examples, an invalid scenario and one whose plugin crashes (isolated, as it must be).
  const auto in = testing::temp_dir();
  write_file(in, "invalid.textproto", "budget { total: -5 }\n");
  write_file(in, "zz_crash.textproto", testing::scenario_on_plugin("test_crash"));
  const auto examples = (testing::source_dir() / "scenarios").string();
  auto batch = [&](const fs::path& out) {
    return std::vector<std::string>{"batch",        examples,
                                    in.string(),    "-o",
                                    out.string(),   "--isolate",
                                    "--timeout",    "60",
                                    "--plugin-dir", testing::test_plugin_dir("test_crash").string(),
                                    "--threads",    "1",
                                    "--trials",     "10"};
  };
  const auto work = testing::temp_dir();
  const auto single = work / "single";
  const auto plain = run_splitsim(batch(single));
  ASSERT_EQ(plain.exit_code, 1) << plain.err;  // two scenarios fail
  const auto m = testing::read_manifest(single);
  ASSERT_GE(m.runs_size(), 11);
  std::multiset<v1::RunStatus> statuses;
  for (const auto& run : m.runs()) statuses.insert(run.status());
  EXPECT_EQ(statuses.count(v1::INVALID), 1u);
  EXPECT_EQ(statuses.count(v1::CRASHED), 1u);

  for (const int ranks : {1, 2, 3}) {
    const auto out = work / ("k" + std::to_string(ranks));
    const auto r = mpirun(ranks, batch(out));
    EXPECT_EQ(r.exit_code, 1) << ranks << " ranks: " << r.err;
    EXPECT_EQ(comparable_manifest(out), comparable_manifest(single)) << ranks << " ranks";
    EXPECT_EQ(expect_ok_results_as_in(out, single), m.runs_size() - 2) << ranks << " ranks";
    EXPECT_EQ(file_names(out), file_names(single)) << ranks << " ranks: no other file, none missing";
    EXPECT_EQ(replaced(r.out, out.string(), single.string()), plain.out) << "rank 0 alone prints";
  }
}

TEST(MpiBatch, ARankKilledMidBatchLosesNothingWrittenAndResumeCompletesIt) {
  // Five scenarios, then one whose plugin kills the rank that runs it (once). With two ranks of one job
  // each, the last scenario is handed out only when at least four others are in the manifest.
  const auto in = testing::temp_dir();
  for (int seed = 1; seed <= 5; ++seed)
    write_file(in, "good_" + std::to_string(seed) + ".textproto", testing::good_scenario(seed, 30));
  write_file(in, "zz_kill.textproto", testing::scenario_on_plugin("test_kill_once"));
  auto batch = [&](const fs::path& out) {
    return std::vector<std::string>{"batch",        in.string(),
                                    "-o",           out.string(),
                                    "--plugin-dir", testing::test_plugin_dir("test_kill_once").string(),
                                    "--threads",    "1"};
  };
  const auto work = testing::temp_dir();
  const auto single = work / "single";
  ASSERT_EQ(run_splitsim(batch(single)).exit_code, 0);  // no mark: the plugin kills nothing

  for (const bool resume_under_mpi : {true, false}) {
    SCOPED_TRACE(resume_under_mpi ? "resumed under mpirun" : "resumed by splitsim");
    const auto out = work / (resume_under_mpi ? "mpi" : "plain");
    const auto mark = write_file(work, resume_under_mpi ? "mpi.mark" : "plain.mark", "");
    const auto killed = mpirun(2, batch(out), {"SPLITSIM_TEST_KILL_MARK=" + mark.string()});
    ASSERT_TRUE(fs::exists(mark.string() + ".used")) << "no rank was killed: " << killed.err;
    EXPECT_NE(killed.exit_code, 0);
    // mpirun says which rank died and of what.
    EXPECT_NE(killed.err.find("exited on signal 9 (Killed)"), std::string::npos) << killed.err;
    // Rank 0, when it was not the one killed, says how to go on before mpirun ends it in turn.
    if (killed.err.find("process rank 0 ") == std::string::npos) {
      EXPECT_NE(killed.err.find("resume with the same command plus --resume"), std::string::npos)
          << killed.err;
    }

    const auto m = testing::read_manifest(out);
    ASSERT_EQ(m.runs_size(), 6) << "the manifest is whole";
    EXPECT_EQ(m.runs(5).status(), v1::NOT_RUN);
    const int ok_before = expect_ok_results_as_in(out, single);
    EXPECT_GE(ok_before, 4) << "what was finished is listed";

    auto resume = batch(out);
    resume.push_back("--resume");
    const auto r = resume_under_mpi ? mpirun(2, resume) : run_splitsim(resume);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(comparable_manifest(out), comparable_manifest(single));
    EXPECT_EQ(expect_ok_results_as_in(out, single), 6);
    const auto resumed = testing::read_manifest(out);
    // A scenario whose results were written just before the kill, but not yet its entry, is reused too.
    EXPECT_GE(std::count_if(resumed.runs().begin(), resumed.runs().end(),
                            [](const v1::ScenarioRun& run) { return run.reused(); }),
              ok_before)
        << "what was finished is reused, not run again";
    EXPECT_EQ(file_names(out), file_names(single));
  }
}

TEST(MpiBatch, ABatchThatCannotStartOnRankZeroEndsEveryRankAsAPlainBatchEnds) {
  // Rank 0 makes the folder; the other ranks wait for its word rather than for scenarios that never come.
  const auto in = testing::temp_dir();
  write_file(in, "a.textproto", testing::good_scenario(1, 20));
  const auto not_a_folder = write_file(testing::temp_dir(), "results", "a file\n");
  const std::vector<std::string> args{"batch", in.string(), "-o", not_a_folder.string(), "--threads", "1"};
  const auto plain = run_splitsim(args);
  ASSERT_NE(plain.exit_code, 0);
  const auto r = mpirun(2, args);
  EXPECT_EQ(r.exit_code, plain.exit_code) << r.err;
  EXPECT_NE(r.err.find(plain.err), std::string::npos) << "rank 0 says why, as splitsim does: " << r.err;
}

TEST(MpiBatch, CtrlCStopsEveryRankAndRankZeroAloneSaysSoAndHowToResume) {
  const auto in = testing::temp_dir();
  for (int seed = 1; seed <= 6; ++seed)
    write_file(in, "s" + std::to_string(seed) + ".textproto", testing::good_scenario(seed, 600));
  const auto work = testing::temp_dir();
  const auto out = work / "out";
  const auto err = work / "err";
  const pid_t pid =
      testing::spawn_mpirun(2, {"batch", in.string(), "-o", out.string(), "--threads", "1"}, err);
  testing::wait_for_first_result(out, pid);
  ASSERT_EQ(::kill(pid, SIGINT), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const auto said = testing::slurp(err);
  const auto first = said.find("stopping:");
  ASSERT_NE(first, std::string::npos) << said;
  EXPECT_EQ(said.find("stopping:", first + 1), std::string::npos) << "said once, by rank 0: " << said;
  EXPECT_NE(said.find("Resume with the same command plus --resume"), std::string::npos) << said;
  const auto m = testing::read_manifest(out);
  EXPECT_TRUE(m.interrupted());
  EXPECT_GE(testing::count_ok(out), 1);
  EXPECT_LT(testing::count_ok(out), 6);
}

}  // namespace
}  // namespace splitsim
