// `batch --shard I/N` and `batch merge`: a batch split into shards (as a Slurm job array or a Kubernetes
// indexed Job runs it) and joined again gives the manifest and results of one process, failures included.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "batch.pb.h"
#include "batch_support.hpp"
#include "output/results_io.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using testing::run_splitsim;
using testing::write_file;

// The manifest without what depends on when and how long: the start and end, each run's duration.
std::string comparable_manifest(const fs::path& dir) {
  auto m = testing::read_manifest(dir);
  m.clear_started_at();
  m.clear_finished_at();
  for (auto& run : *m.mutable_runs()) run.clear_wall_seconds();
  return m.SerializeAsString();
}

std::string comparable_results(const fs::path& file) {
  auto results = load_results(file);
  results.mutable_metadata()->clear_execution();
  return serialize_results(results);
}

// Five good scenarios, an invalid one and one whose plugin crashes (run isolated).
fs::path mixed_scenarios() {
  const auto in = testing::temp_dir();
  for (int seed = 1; seed <= 5; ++seed)
    write_file(in, "good_" + std::to_string(seed) + ".textproto", testing::good_scenario(seed, 30));
  write_file(in, "invalid.textproto", "budget { total: -5 }\n");
  write_file(in, "zz_crash.textproto", testing::scenario_on_plugin("test_crash"));
  return in;
}

std::vector<std::string> batch_args(const fs::path& in, const fs::path& out) {
  return {"batch",
          in.string(),
          "-o",
          out.string(),
          "--isolate",
          "--timeout",
          "20",
          "--plugin-dir",
          testing::test_plugin_dir("test_crash").string(),
          "--threads",
          "1"};
}

TEST(BatchShards, ThreeShardsMergedGiveTheManifestAndResultsOfOneProcess) {
  const auto in = mixed_scenarios();
  const auto work = testing::temp_dir();
  const auto single = work / "single";
  EXPECT_EQ(run_splitsim(batch_args(in, single)).exit_code, 1);  // two scenarios fail

  std::vector<std::string> merge{"batch", "merge"};
  for (int i = 0; i < 3; ++i) {
    const auto shard = work / ("shard" + std::to_string(i));
    auto args = batch_args(in, shard);
    args.insert(args.end(), {"--shard", std::to_string(i) + "/3"});
    const auto r = run_splitsim(args);
    EXPECT_NE(r.exit_code, 2) << r.err;
    const auto m = testing::read_manifest(shard);
    ASSERT_EQ(m.runs_size(), 7) << "a shard's manifest lists the whole batch";
    EXPECT_EQ(m.shard().index(), static_cast<unsigned>(i));
    for (int k = 0; k < m.runs_size(); ++k) {
      if (k % 3 == i) {
        EXPECT_NE(m.runs(k).status(), v1::NOT_RUN) << k;
      } else {
        EXPECT_EQ(m.runs(k).status(), v1::NOT_RUN) << k;
        EXPECT_EQ(m.runs(k).message(), "run by shard " + std::to_string(k % 3) + " of 3");
        EXPECT_TRUE(m.runs(k).output_file().empty()) << k;
      }
    }
    merge.push_back(shard.string());
  }
  // Any order of the folders: each shard says which it is.
  std::swap(merge[2], merge[4]);
  const auto merged = work / "merged";
  merge.insert(merge.end(), {"-o", merged.string()});
  const auto r = run_splitsim(merge);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // as the batch itself: not every scenario succeeded
  EXPECT_EQ(comparable_manifest(merged), comparable_manifest(single));
  const auto m = testing::read_manifest(merged);
  EXPECT_FALSE(m.has_shard());
  int ok = 0;
  for (const auto& run : m.runs()) {
    if (run.status() != v1::OK) continue;
    ++ok;
    EXPECT_EQ(comparable_results(merged / run.output_file()), comparable_results(single / run.output_file()))
        << run.output_file();
  }
  EXPECT_EQ(ok, 5);
}

// The scenarios in `in` as shards 0/2 and 1/2, into work/s0 and work/s1.
void run_two_shards(const fs::path& in, const fs::path& work) {
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", (work / ("s" + std::to_string(i))).string(),
                            "--shard", std::to_string(i) + "/2"})
                  .exit_code,
              0);
  }
}

TEST(BatchShards, AMissingARepeatedOrAForeignShardIsRefusedAndNothingIsWritten) {
  const auto in = testing::temp_dir();
  for (int seed = 1; seed <= 3; ++seed)
    write_file(in, "s" + std::to_string(seed) + ".textproto", testing::good_scenario(seed, 20));
  const auto work = testing::temp_dir();
  ASSERT_NO_FATAL_FAILURE(run_two_shards(in, work));
  const auto plain = work / "plain";
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", plain.string()}).exit_code, 0);
  const auto out = work / "out";
  struct Case {
    std::vector<std::string> folders;
    std::string says;
  };
  for (const auto& c :
       std::vector<Case>{{{(work / "s0").string()}, "shard 1 of 2 is missing"},
                         {{(work / "s0").string(), (work / "s0").string()}, "shard 0 is given twice"},
                         {{(work / "s0").string(), plain.string()}, "not a shard's manifest"},
                         {{(work / "s0").string(), (work / "nowhere").string()}, "nowhere"}}) {
    std::vector<std::string> args{"batch", "merge"};
    args.insert(args.end(), c.folders.begin(), c.folders.end());
    args.insert(args.end(), {"-o", out.string()});
    const auto r = run_splitsim(args);
    EXPECT_EQ(r.exit_code, 2) << c.says << ": " << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out)) << c.says;
  }
}

TEST(BatchShards, AManifestWhoseShardFiguresAreImpossibleIsRefused) {
  // A damaged or hand-edited manifest: an index past its count, or a count past the folders given.
  const auto in = testing::temp_dir();
  write_file(in, "s.textproto", testing::good_scenario(1, 20));
  const auto work = testing::temp_dir();
  ASSERT_NO_FATAL_FAILURE(run_two_shards(in, work));
  const auto edit = [&](const fs::path& folder, unsigned index, unsigned count) {
    auto m = testing::read_manifest(folder);
    m.mutable_shard()->set_index(index);
    m.mutable_shard()->set_count(count);
    std::ofstream(folder / "manifest.pb", std::ios::binary | std::ios::trunc) << m.SerializeAsString();
  };
  const auto out = work / "out";
  edit(work / "s1", 7, 2);
  auto r =
      run_splitsim({"batch", "merge", (work / "s0").string(), (work / "s1").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("shard 7 of 2 cannot be"), std::string::npos) << r.err;
  edit(work / "s0", 0, 4'000'000'000u);
  edit(work / "s1", 1, 4'000'000'000u);
  r = run_splitsim({"batch", "merge", (work / "s0").string(), (work / "s1").string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("shard 2 of 4000000000 is missing"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

TEST(BatchShards, AShardIsGivenAsIOverNWithIBelowN) {
  const auto in = testing::temp_dir();
  write_file(in, "s.textproto", testing::good_scenario(1, 20));
  for (const std::string shard : {"3/3", "1/0", "x/2", "1-2", "-1/2", "1/2/3"}) {
    const auto r =
        run_splitsim({"batch", in.string(), "-o", (testing::temp_dir() / "o").string(), "--shard", shard});
    EXPECT_EQ(r.exit_code, 2) << shard;
    EXPECT_NE(r.err.find("--shard must be I/N"), std::string::npos) << shard << ": " << r.err;
  }
}

TEST(BatchShards, AnInterruptedShardResumesLikeAnyBatch) {
  // A shard is a batch: --resume reuses what it finished and runs only its own scenarios.
  const auto in = testing::temp_dir();
  for (int seed = 1; seed <= 4; ++seed)
    write_file(in, "s" + std::to_string(seed) + ".textproto", testing::good_scenario(seed, 20));
  const auto out = testing::temp_dir() / "shard";
  ASSERT_EQ(run_splitsim({"batch", in.string(), "-o", out.string(), "--shard", "1/2"}).exit_code, 0);
  fs::remove(out / "s2.pb");  // as if it had been stopped before writing it
  const auto r = run_splitsim({"batch", in.string(), "-o", out.string(), "--shard", "1/2", "--resume"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto m = testing::read_manifest(out);
  EXPECT_EQ(m.runs(1).status(), v1::OK);
  EXPECT_FALSE(m.runs(1).reused());
  EXPECT_TRUE(m.runs(3).reused());
  EXPECT_EQ(m.runs(0).status(), v1::NOT_RUN);
  EXPECT_FALSE(fs::exists(out / "s1.pb"));
}

}  // namespace
}  // namespace splitsim
