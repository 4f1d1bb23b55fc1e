// The memory estimate that `validate` prints and `run` enforces, against the peak RSS a run really reaches,
// on shapes that stress each of its terms: many channels and candidates, many trials, an optimizer run, a
// grid of twelve thousand candidates (tests/core/memory_flat_test.cpp holds one of ninety thousand).
#include <gtest/gtest.h>

#include <iostream>

#include "peak_memory.hpp"
#include "test_support.hpp"

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

struct Shape {
  const char* name;
  int channels, trials;
  const char* search;
  const char* format = "table";
  double paid_grid_step = 0.0;  // > 0: testing::paid_grid_scenario at this step instead
};

void PrintTo(const Shape& shape, std::ostream* out) { *out << shape.name; }

class ResourceEstimate : public ::testing::TestWithParam<Shape> {};

// Within 25% of what the run takes: never far below (an estimate that lets a run through must be honest),
// nor far above (it would refuse runs that fit).
TEST_P(ResourceEstimate, IsWithinAQuarterOfThePeakARunReaches) {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's shadow memory and quarantine multiply the resident set; the estimate is of a normal
  // build.
  GTEST_SKIP() << "peak RSS under AddressSanitizer is not the program's";
#endif
  const auto& shape = GetParam();
  const auto file =
      testing::write_file(testing::temp_dir(), std::string(shape.name) + ".textproto",
                          shape.paid_grid_step > 0.0 ? testing::paid_grid_scenario(shape.paid_grid_step)
                                                     : scenario(shape.channels, shape.trials, shape.search));
  const double estimate = testing::estimated_mib(file);
  const double peak = testing::measured_peak_mib(file, shape.format);
  std::cout << shape.name << ": estimated " << estimate << " MiB, peaked at " << peak << " MiB\n";
  EXPECT_LE(peak, estimate * 1.25) << "estimated " << estimate << " MiB, peaked at " << peak << " MiB";
  EXPECT_GE(peak, estimate * 0.75) << "estimated " << estimate << " MiB, peaked at " << peak << " MiB";
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
                      Shape{"csv_view", 32, 20, "grid { organic_step: 1 channel_step: 0.5 }", "csv"},
                      // 12,341 candidates: what a grid keeps per candidate, once written away.
                      Shape{"large_grid", 4, 8, "", "table", 0.025}),
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
