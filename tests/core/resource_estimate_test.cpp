// The memory estimate that `validate` prints and `run` enforces, against the peak RSS a run really reaches,
// on shapes that stress each of its terms: many channels and candidates, many trials, an optimizer run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <regex>

#include "test_support.hpp"

extern char** environ;

namespace splitsim {
namespace {

namespace fs = std::filesystem;

std::string scenario(int channels, int trials, const std::string& search) {
  static const char* kPlugins[] = {"meta",    "instagram", "tiktok",    "linkedin",
                                   "youtube", "x",         "pinterest", "snapchat"};
  std::string text =
      "budget { total: 50000 } horizon { periods: 4 } objective { kpi: CONVERSIONS } trials: " +
      std::to_string(trials) + "\nsearch { " + search + " }\n";
  for (int c = 0; c < channels; ++c) {
    text += "channels { name: \"c" + std::to_string(c) + "\" plugin: \"" + kPlugins[c % 8] +
            "\" organic { cost_per_post: 100 } }\n";
  }
  return text;
}

// The estimate `validate` prints, in MiB.
double estimated_mib(const fs::path& file) {
  const auto r = testing::run_splitsim({"validate", file.string(), "--threads", "2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::smatch match;
  EXPECT_TRUE(std::regex_search(r.out, match, std::regex(R"(about ([0-9.]+) (MiB|GiB) of memory)"))) << r.out;
  if (match.empty()) return 0.0;
  return std::stod(match[1].str()) * (match[2].str() == "GiB" ? 1024.0 : 1.0);
}

// Peak resident memory of `splitsim run FILE`, in MiB (from the kernel's accounting of the child).
// The view printed (`--format`) counts too: JSON and CSV are written a candidate at a time.
double measured_peak_mib(const fs::path& file, const std::string& format) {
  const auto output = testing::temp_dir() / "results.pb";
  std::vector<std::string> args{SPLITSIM_BINARY, "run",      file.string(), "--threads", "2", "-o",
                                output.string(), "--format", format};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  rusage usage{};
  EXPECT_EQ(wait4(pid, &status, 0, &usage), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct Shape {
  const char* name;
  int channels, trials;
  const char* search;
  const char* format = "table";
};

void PrintTo(const Shape& shape, std::ostream* out) { *out << shape.name; }

class ResourceEstimate : public ::testing::TestWithParam<Shape> {};

// Never more than 25% below what the run takes (an estimate that lets a run through must be honest), and
// not so far above that it refuses runs that fit.
TEST_P(ResourceEstimate, IsWithinAQuarterOfThePeakARunReaches) {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's shadow memory and quarantine multiply the resident set; the estimate is of a normal
  // build.
  GTEST_SKIP() << "peak RSS under AddressSanitizer is not the program's";
#endif
  const auto& shape = GetParam();
  const auto file = testing::write_file(testing::temp_dir(), std::string(shape.name) + ".textproto",
                                        scenario(shape.channels, shape.trials, shape.search));
  const double estimate = estimated_mib(file);
  const double peak = measured_peak_mib(file, shape.format);
  EXPECT_LE(peak, estimate * 1.25) << "estimated " << estimate << " MiB, peaked at " << peak << " MiB";
  EXPECT_LE(estimate, peak * 1.6) << "estimated " << estimate << " MiB, peaked at " << peak << " MiB";
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, ResourceEstimate,
    ::testing::Values(Shape{"many_channels_and_candidates", 32, 100,
                            "grid { organic_step: 1 channel_step: 0.5 }"},
                      Shape{"many_trials", 2, 8000, "grid { organic_step: 0.5 channel_step: 0.5 }"},
                      Shape{"optimizer", 8, 400, "optimize { max_evaluations: 100 }"},
                      // The text views of a large grid: protobuf's JSON printer on
                      // the whole message once took 20 times the results' memory.
                      Shape{"json_view", 32, 20, "grid { organic_step: 1 channel_step: 0.5 }", "json"},
                      Shape{"csv_view", 32, 20, "grid { organic_step: 1 channel_step: 0.5 }", "csv"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(ResourceLimitsCli, ValidateRefusesWhatRunRefusesWithTheSameMessage) {
  const auto file = testing::write_file(testing::temp_dir(), "big.textproto",
                                        scenario(8, 2000, "grid { organic_step: 0.5 channel_step: 0.5 }"));
  const auto validate = testing::run_splitsim({"validate", file.string(), "--max-memory-gib", "0.001"});
  const auto run = testing::run_splitsim({"run", file.string(), "--max-memory-gib", "0.001"});
  EXPECT_EQ(validate.exit_code, 2);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(validate.err.find("--max-memory-gib"), std::string::npos) << validate.err;
  EXPECT_EQ(validate.err, run.err);
}

}  // namespace
}  // namespace splitsim
