// Memory flat in the number of candidates: a grid keeps each candidate's figures in a temporary file as soon
// as it is simulated, and only what ranks it in memory. Runs of 12,341 and 91,881 candidates (7.4 times
// as many) are held to the estimate and to each other. Labelled `slow`: the larger grid takes about 20 s on
// two cores.
#include <gtest/gtest.h>

#include <iostream>

#include "peak_memory.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

// What a grid may keep in memory per candidate: a kibibyte. What it keeps (its split, its place in the
// temporary file, what ranks it) is measured at about 270 bytes with four channels; its KPI summaries as
// results messages, as a grid once kept them, took about 38 KB each with the results' serialised bytes
// (3.4 GiB for this grid), so the bound tells the two apart by a factor of 30 either way.
constexpr double kMaxBytesPerCandidate = 1024.0;

TEST(MemoryFlat, PeakGrowsByAtMostAKibibytePerCandidate) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "peak RSS under AddressSanitizer is not the program's";
#endif
  const auto dir = testing::temp_dir();
  const auto smaller = testing::write_file(dir, "grid_12k.textproto", testing::paid_grid_scenario(0.025));
  const auto larger = testing::write_file(dir, "grid_92k.textproto", testing::paid_grid_scenario(0.0125));
  const double small_peak = testing::measured_peak_mib(smaller);
  const double large_peak = testing::measured_peak_mib(larger);
  std::cout << "12,341 candidates: peaked at " << small_peak << " MiB; 91,881: " << large_peak << " MiB\n";
  const double added = 91'881.0 - 12'341.0;
  EXPECT_LT(large_peak - small_peak, added * kMaxBytesPerCandidate / (1 << 20))
      << "12,341 candidates peaked at " << small_peak << " MiB, 91,881 at " << large_peak << " MiB";
  EXPECT_LT(large_peak, 1024.0) << "a grid of 91,881 candidates peaked at " << large_peak << " MiB";

  // The estimate a run is refused by is within 25% of the peak at this size too.
  const double estimate = testing::estimated_mib(larger);
  std::cout << "91,881 candidates: estimated " << estimate << " MiB\n";
  EXPECT_LE(large_peak, estimate * 1.25) << "estimated " << estimate << " MiB, peaked at " << large_peak;
  EXPECT_GE(large_peak, estimate * 0.75) << "estimated " << estimate << " MiB, peaked at " << large_peak;
}

}  // namespace
}  // namespace splitsim
