// `mpirun -n K splitsim-mpi run`: a grid's candidates spread over K ranks give the results of one process,
// byte for byte but for the execution record (threads, start, wall time), for K = 1, 2, 4 and 1 or 2
// threads per rank; an optimize run with a frontier and a calibrated run too. Bad input ends every rank
// with rank 0's message and exit code 2, and writes nothing.
#include <gtest/gtest.h>

#include "mpirun_support.hpp"
#include "output/results_io.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;

using testing::mpirun;

std::string comparable(const fs::path& file) {
  auto results = load_results(file);
  results.mutable_metadata()->clear_execution();
  return serialize_results(results);
}

std::string example(const std::string& name) { return (testing::source_dir() / "scenarios" / name).string(); }

// The results of `extra` on one process, then on K ranks of T threads: the same bytes each time.
void expect_same_on_every_layout(const std::string& scenario, const std::vector<std::string>& extra) {
  const auto dir = testing::temp_dir();
  std::vector<std::string> plain{"run", scenario, "-o", (dir / "plain.pb").string(), "--threads", "1"};
  plain.insert(plain.end(), extra.begin(), extra.end());
  const auto reference = testing::run_splitsim(plain);
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const auto expected = comparable(dir / "plain.pb");
  for (const int ranks : {1, 2, 4}) {
    for (const int threads : {1, 2}) {
      const auto out = dir / ("k" + std::to_string(ranks) + "t" + std::to_string(threads) + ".pb");
      std::vector<std::string> args{"run",        scenario,    "-o",
                                    out.string(), "--threads", std::to_string(threads)};
      args.insert(args.end(), extra.begin(), extra.end());
      const auto r = mpirun(ranks, args);
      ASSERT_EQ(r.exit_code, 0) << ranks << " ranks: " << r.err;
      EXPECT_EQ(comparable(out), expected) << ranks << " ranks x " << threads << " threads";
      EXPECT_EQ(load_results(out).metadata().execution().threads(), static_cast<unsigned>(threads));
    }
  }
}

TEST(MpiRun, AGridGivesTheBytesOfOneProcessOnAnyNumberOfRanksAndThreads) {
  expect_same_on_every_layout(example("mid_size_multi_network.textproto"), {"--trials", "40"});
}

TEST(MpiRun, AnOptimizedRunWithItsFrontierGivesTheBytesOfOneProcess) {
  expect_same_on_every_layout(example("next_quarter_optimized.textproto"), {"--trials", "40"});
}

TEST(MpiRun, ACalibratedRunGivesTheBytesOfOneProcess) {
  const auto calibration = testing::temp_dir() / "account.pb";
  const auto made = testing::run_splitsim({"calibrate", example("calibrated_account.textproto"), "-o",
                                           calibration.string(), "--particles", "200"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  expect_same_on_every_layout(example("calibrated_account.textproto"),
                              {"--trials", "40", "--calibration", calibration.string()});
}

// The particles' likelihoods spread over the ranks: the calibration file one process writes, byte for byte,
// and its report printed once.
TEST(MpiRun, ACalibrationGivesTheBytesOfOneProcessOnAnyNumberOfRanks) {
  const auto dir = testing::temp_dir();
  const auto reference = dir / "plain.pb";
  const auto plain = testing::run_splitsim({"calibrate", example("calibrated_account.textproto"), "-o",
                                            reference.string(), "--particles", "200", "--threads", "2"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  for (const int ranks : {2, 3}) {
    const auto out = dir / ("k" + std::to_string(ranks) + ".pb");
    const auto r = mpirun(ranks, {"calibrate", example("calibrated_account.textproto"), "-o", out.string(),
                                  "--particles", "200", "--threads", "1"});
    ASSERT_EQ(r.exit_code, 0) << ranks << " ranks: " << r.err;
    EXPECT_EQ(testing::slurp(out), testing::slurp(reference)) << ranks << " ranks";
    EXPECT_EQ(r.out, std::string(plain.out).replace(plain.out.find(reference.string()),
                                                    reference.string().size(), out.string()))
        << "the report printed once";
  }
}

// Open MPI binds a rank to one core by default: asking it for two threads is said, with the way out.
TEST(MpiRun, MoreThreadsThanARanksCoresAreSaidWithHowToGiveItCores) {
  const std::vector<std::string> args{
      "run", example("small_business.textproto"),    "--trials", "30", "--threads", "2",
      "-o",  (testing::temp_dir() / "r.pb").string()};
  const auto bound = mpirun(1, args, {"OMPI_MCA_hwloc_base_binding_policy=core"});
  ASSERT_EQ(bound.exit_code, 0) << bound.err;
  EXPECT_NE(bound.err.find("warning: --threads 2 asks for more threads than the 1 core this process may use"),
            std::string::npos)
      << bound.err;
  EXPECT_NE(bound.err.find("--map-by slot:PE=2"), std::string::npos) << bound.err;
  const auto unbound = mpirun(1, args, {"OMPI_MCA_hwloc_base_binding_policy=none"});
  ASSERT_EQ(unbound.exit_code, 0) << unbound.err;
  EXPECT_EQ(unbound.err.find("warning: --threads"), std::string::npos) << unbound.err;
}

TEST(MpiRun, RankZeroAloneWritesAndPrints) {
  const auto dir = testing::temp_dir();
  const auto r = mpirun(2, {"run", example("small_business.textproto"), "--trials", "30", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plain = testing::run_splitsim(
      {"run", example("small_business.textproto"), "--trials", "30", "--format", "csv"});
  EXPECT_EQ(r.out, plain.out) << "the plan printed once, as one process prints it";
}

TEST(MpiRun, BadInputEndsEveryRankWithExitCodeTwoAndWritesNothing) {
  const auto dir = testing::temp_dir();
  const auto bad = testing::write_file(dir, "bad.textproto", "budget { total: -5 }\n");
  const auto out = dir / "r.pb";
  const auto r = mpirun(2, {"run", bad.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("bad.textproto"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("budget.total"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST(MpiRun, OnlyRunBatchAndCalibrateAreSpreadOverRanks) {
  const auto r = mpirun(2, {"validate", example("small_business.textproto")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("only `run`, `batch` and `calibrate` are spread over ranks"), std::string::npos)
      << r.err;
  // A merge copies files once: K ranks would race on one folder.
  const auto merge = mpirun(2, {"batch", "merge", "a", "b", "-o", (testing::temp_dir() / "m").string()});
  EXPECT_EQ(merge.exit_code, 2) << merge.err;
  EXPECT_NE(merge.err.find("run `batch merge` with splitsim"), std::string::npos) << merge.err;
}

}  // namespace
}  // namespace splitsim
