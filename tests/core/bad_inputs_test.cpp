// The bad-input corpus: every file is refused with exit code 2 and its name, never a crash or a hang.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.hpp"

namespace splitsim {
namespace {

namespace fs = std::filesystem;
using testing::run_splitsim;

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(testing::source_dir() / "tests" / "bad_inputs")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void expect_refused(const fs::path& file) {
  SCOPED_TRACE(file.filename().string());
  const auto validate = run_splitsim({"validate", file.string()});
  EXPECT_EQ(validate.exit_code, 2) << validate.err;
  EXPECT_NE(validate.err.find(file.string()), std::string::npos) << validate.err;

  const auto out = testing::temp_dir();
  const auto run = run_splitsim({"run", file.string(), "-o", (out / "r.pb").string()});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_TRUE(fs::is_empty(out)) << "a refused run left a file";
}

TEST(BadInputs, EveryFileInTheCorpusIsRefusedCleanly) {
  const auto files = corpus();
  EXPECT_GE(files.size(), 20u);
  for (const auto& file : files) expect_refused(file);
}

TEST(BadInputs, AnEnormousFileIsRefusedBeforeItIsRead) {
  const auto dir = testing::temp_dir();
  const auto file = dir / "enormous.textproto";
  {
    std::ofstream out(file);
    const std::string channel = "channels { name: \"c\" plugin: \"meta\" organic { cost_per_post: 1 } }\n";
    for (std::size_t written = 0; written < 17u * 1024 * 1024; written += channel.size()) out << channel;
  }
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("scenarios are limited to 16 MiB"), std::string::npos) << r.err;
}

TEST(BadInputs, ThousandsOfChannelsAreRefusedQuickly) {
  std::string text = "budget { total: 1000 } horizon { periods: 4 } objective { kpi: REACH }\n";
  for (int i = 0; i < 5000; ++i) {
    text +=
        "channels { name: \"c" + std::to_string(i) + "\" plugin: \"meta\" organic { cost_per_post: 1 } }\n";
  }
  const auto file = testing::write_file(testing::temp_dir(), "many.textproto", text);
  const auto r = run_splitsim({"run", file.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("at most 64 channels"), std::string::npos) << r.err.substr(0, 500);
}

TEST(BadInputs, ARunTooLargeForMemoryIsRefusedWithItsEstimateAndTheOverride) {
  const auto r =
      run_splitsim({"run", (testing::source_dir() / "scenarios" / "small_business.textproto").string(),
                    "--trials", "10000000"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("GiB of memory"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--max-memory-gib"), std::string::npos) << r.err;
  const auto work =
      run_splitsim({"run", (testing::source_dir() / "scenarios" / "small_business.textproto").string(),
                    "--max-work", "1000"});
  EXPECT_EQ(work.exit_code, 2);
  EXPECT_NE(work.err.find("--max-work"), std::string::npos) << work.err;
}

}  // namespace
}  // namespace splitsim
