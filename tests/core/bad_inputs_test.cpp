// The bad-input corpus: every file is refused with exit code 2 and its name, never a crash or a hang.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

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

// Each rule has a file in the corpus; its message names the file, the line (where the format has lines) and
// the field.
TEST(BadInputs, EachRuleNamesTheLineAndTheField) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"long_line_parse_error.textproto", ":3: name: "},
      {"huge_budget.textproto", ":1: budget.total: must be at most 1e15"},
      {"custom_pacing_overflow.textproto", ":2: horizon.pacing.weights: "},
      {"log_normal_huge_sigma.textproto", ":6: channels[0].params[0].log_normal.sigma: must be at most 10"},
      {"team_fte_overflow.textproto", ":5: team.members[0].fte: must be at most"},
      {"team_hourly_cost_overflow.textproto", ":5: team.members[0].hourly_cost: must be at most 1e15"},
      {"value_per_conversion_overflow.textproto", ":5: value_per_conversion: must be at most 1e15"},
      {"control_character_name.textproto", ":4: channels[0].name: "},
      {"duplicate_key.json", ":3: budget.total: "},
      {"nested_array.json", ":5: channels[0]: "},
      {"object_for_list.json", ":4: channels: "},
      {"null_in_list.json", ":6: channels[1]: "},
      {"unknown_key.json", ":3: horizon: "},
      {"array_for_object.json", ":1: "},
      {"utf16.json", ": the file is UTF-16"},
  };
  for (const auto& [name, words] : expected) {
    SCOPED_TRACE(name);
    const auto file = testing::source_dir() / "tests" / "bad_inputs" / name;
    ASSERT_TRUE(fs::exists(file));
    const auto r = run_splitsim({"validate", file.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(file.string() + words), std::string::npos) << r.err.substr(0, 2000);
  }
}

TEST(BadInputs, AParseErrorAtTheEndOfAVeryLongLineIsReportedWithItsLine) {
  for (std::size_t length : {std::size_t{40'000}, std::size_t{1'000'000}}) {
    SCOPED_TRACE(length);
    const auto file = testing::write_file(
        testing::temp_dir(), "long.textproto",
        "budget { total: 1000 }\ndescription: \"" + std::string(length, 'x') + "\" budget_typo {\n");
    const auto r = run_splitsim({"validate", file.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err.substr(0, 500);
    EXPECT_NE(r.err.find(file.string() + ":2: "), std::string::npos) << r.err.substr(0, 500);
  }
}

TEST(BadInputs, ABudgetThatOverflowsThePluginsFiguresIsBadInputNotAPluginFailure) {
  const auto out = testing::temp_dir();
  const auto file = testing::source_dir() / "tests" / "bad_inputs" / "huge_budget.textproto";
  const auto r = run_splitsim({"run", file.string(), "-o", (out / "r.pb").string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.find("plugin"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(out));
}

TEST(BadInputs, ControlCharactersNeverReachTheTerminalRaw) {
  const auto dir = testing::temp_dir();
  const auto file = testing::write_file(
      dir, "evil\x1b[2J.textproto",
      "budget { total: 1000 }\nhorizon { periods: 4 }\nobjective { kpi: REACH }\n"
      "channels { name: \"fb\" plugin: \"me\\x1b]0;owned\\x07ta\" organic { cost_per_post: 10 } }\n");
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x07'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("evil\\x1b[2J.textproto:4: channels[0].plugin: "), std::string::npos) << r.err;
  const auto missing = run_splitsim({"validate", (dir / "gone\x1b[31m.textproto").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err.find('\x1b'), std::string::npos) << missing.err;
}

TEST(BadInputs, AFileThatCannotBeOpenedSaysWhy) {
  const auto dir = testing::temp_dir();
  fs::create_symlink(dir / "b.textproto", dir / "a.textproto");
  fs::create_symlink(dir / "a.textproto", dir / "b.textproto");
  const auto loop = run_splitsim({"validate", (dir / "a.textproto").string()});
  EXPECT_EQ(loop.exit_code, 2);
  EXPECT_NE(loop.err.find(std::error_code(ELOOP, std::generic_category()).message()), std::string::npos)
      << loop.err;
  fs::create_directory(dir / "folder.json");
  const auto folder = run_splitsim({"validate", (dir / "folder.json").string()});
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_NE(folder.err.find("a folder"), std::string::npos) << folder.err;
  // A FIFO would block the reader until someone writes to it: it is refused, not waited on.
  ASSERT_EQ(::mkfifo((dir / "pipe.textproto").c_str(), 0600), 0);
  const auto fifo = run_splitsim({"validate", (dir / "pipe.textproto").string()});
  EXPECT_EQ(fifo.exit_code, 2);
  EXPECT_NE(fifo.err.find("a FIFO"), std::string::npos) << fifo.err;
  // Root reads any file: the permission check is the operating system's to make, for other users.
  if (::geteuid() != 0) {
    const auto locked = testing::write_file(dir, "locked.textproto", "budget { total: 1 }\n");
    fs::permissions(locked, fs::perms::none);
    const auto denied = run_splitsim({"validate", locked.string()});
    EXPECT_EQ(denied.exit_code, 2);
    EXPECT_NE(denied.err.find(std::error_code(EACCES, std::generic_category()).message()), std::string::npos)
        << denied.err;
  }
}

TEST(BadInputs, AByteOrderMarkIsAccepted) {
  std::ifstream in(testing::source_dir() / "scenarios" / "brand_awareness.json", std::ios::binary);
  const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto file = testing::write_file(testing::temp_dir(), "bom.json", "\xEF\xBB\xBF" + json);
  const auto r = run_splitsim({"validate", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace splitsim
