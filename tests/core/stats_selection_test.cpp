// summarize selects its order statistics instead of sorting every value: its figures must be those of the
// full sort (tests/reference/full_sort_summary.hpp), bit for bit, on random values, ties, constants,
// infinities, ranges that overflow or underflow the counting's scale, values crowded into one bucket, and
// every small size where the ranks of the percentiles and of the CVaR tail meet.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "reference/full_sort_summary.hpp"
#include "stats/summary.hpp"

namespace splitsim {
namespace {

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }

void expect_identical(const Summary& got, const Summary& want, const std::string& what) {
  const std::pair<const char*, std::pair<double, double>> fields[] = {
      {"mean", {got.mean, want.mean}}, {"sd", {got.sd, want.sd}},         {"p5", {got.p5, want.p5}},
      {"p10", {got.p10, want.p10}},    {"p50", {got.p50, want.p50}},      {"p90", {got.p90, want.p90}},
      {"p95", {got.p95, want.p95}},    {"cvar5", {got.cvar5, want.cvar5}}};
  for (const auto& [name, values] : fields) {
    EXPECT_EQ(bits(values.first), bits(values.second))
        << what << ": " << name << " " << values.first << " against " << values.second;
  }
  ASSERT_EQ(got.prob_target.has_value(), want.prob_target.has_value()) << what;
  if (want.prob_target) {
    EXPECT_EQ(bits(*got.prob_target), bits(*want.prob_target)) << what << ": prob_target";
  }
}

// Summaries without a target and with targets on both sides, one of them a value that occurs (a tie).
void expect_as_full_sort(const std::vector<double>& values, const std::string& what) {
  expect_identical(summarize(values), reference::full_sort_summary(values), what);
  for (const double target : {values[values.size() / 2], values.front() * 0.5 + 1.0})
    for (const bool lower : {false, true})
      expect_identical(summarize(values, target, lower), reference::full_sort_summary(values, target, lower),
                       what + " target " + std::to_string(target) + (lower ? " at most" : " at least"));
}

const std::size_t kSizes[] = {1, 2, 3, 4, 5, 19, 20, 21, 39, 40, 41, 99, 100, 101, 1000, 4097};

TEST(SummarySelection, RandomValuesAsTheFullSort) {
  std::mt19937_64 rng(4);
  std::lognormal_distribution<double> skewed(3.0, 1.2);
  for (const std::size_t n : kSizes) {
    for (int repeat = 0; repeat < 5; ++repeat) {
      std::vector<double> values(n);
      for (auto& v : values) v = skewed(rng);
      expect_as_full_sort(values, "n " + std::to_string(n));
    }
  }
}

TEST(SummarySelection, TiesAsTheFullSort) {
  std::mt19937_64 rng(5);
  for (const std::size_t n : kSizes) {
    for (const int levels : {2, 3, 7}) {
      std::uniform_int_distribution<int> level(0, levels - 1);
      std::vector<double> values(n);
      for (auto& v : values) v = 0.25 * level(rng) - 0.5;
      expect_as_full_sort(values, "ties of " + std::to_string(levels) + ", n " + std::to_string(n));
    }
  }
}

TEST(SummarySelection, ConstantsAsTheFullSort) {
  for (const std::size_t n : kSizes)
    for (const double v : {0.0, 1.0 / 3.0, -7.5e9, std::numeric_limits<double>::infinity()})
      expect_as_full_sort(std::vector<double>(n, v),
                          "constant " + std::to_string(v) + ", n " + std::to_string(n));
}

TEST(SummarySelection, InfiniteTrialsAsTheFullSort) {
  // A cost per conversion is infinite in a trial without conversions.
  std::mt19937_64 rng(6);
  std::uniform_real_distribution<double> cpa(20.0, 80.0);
  std::bernoulli_distribution none(0.2);
  for (const std::size_t n : kSizes) {
    std::vector<double> values(n);
    for (auto& v : values) v = none(rng) ? std::numeric_limits<double>::infinity() : cpa(rng);
    expect_as_full_sort(values, "infinities, n " + std::to_string(n));
  }
}

TEST(SummarySelection, CancellingTailSumsInSortedOrder) {
  // A tail of -1e16, +1e16 and small values between, under values of 1e17: the compensated sum cancels to
  // what the small values left in its compensation, which depends on their order. The CVaR must sum the tail
  // in sorted order, as the full sort did, not in the order selection leaves it.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> small(0.0, 1.0);
  for (const std::size_t n : {100u, 1000u, 4097u}) {
    for (int repeat = 0; repeat < 20; ++repeat) {
      const auto tail = static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(n)));
      std::vector<double> values(n, 1e17);
      values[0] = -1e16;
      values[1] = 1e16;
      for (std::size_t i = 2; i < tail; ++i) values[i] = small(rng);
      std::shuffle(values.begin(), values.end(), rng);
      expect_as_full_sort(values, "cancelling tail, n " + std::to_string(n));
    }
  }
}

TEST(SummarySelection, SortedAndReversedInputsAsTheFullSort) {
  for (const std::size_t n : kSizes) {
    std::vector<double> values(n);
    for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<double>(i) * 0.1;
    expect_as_full_sort(values, "ascending, n " + std::to_string(n));
    std::reverse(values.begin(), values.end());
    expect_as_full_sort(values, "descending, n " + std::to_string(n));
  }
}

TEST(SummarySelection, ExtremeRangesAndCrowdedBucketsAsTheFullSort) {
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (const std::size_t n : kSizes) {
    std::vector<double> values(n);
    // max - min overflows to infinity: counting cannot scale it, selection takes over.
    for (auto& v : values) v = (unit(rng) - 0.5) * 3.5e307 * 10.0;
    expect_as_full_sort(values, "overflowing range, n " + std::to_string(n));
    // A range of a few subnormals: its inverse overflows.
    for (auto& v : values) v = unit(rng) < 0.5 ? 0.0 : 5e-324 * (1 + (unit(rng) < 0.5));
    expect_as_full_sort(values, "subnormal range, n " + std::to_string(n));
    // One outlier a trillion times the rest: every other value falls into the first bucket.
    for (auto& v : values) v = unit(rng);
    values[n / 2] = 1e12;
    expect_as_full_sort(values, "one outlier, n " + std::to_string(n));
    // Two far clusters, and values one ulp apart.
    for (auto& v : values) v = (unit(rng) < 0.3 ? 1e9 : 0.0) + unit(rng);
    expect_as_full_sort(values, "two clusters, n " + std::to_string(n));
    for (auto& v : values) v = unit(rng) < 0.5 ? 1.0 : std::nextafter(1.0, 2.0);
    expect_as_full_sort(values, "one ulp apart, n " + std::to_string(n));
  }
}

}  // namespace
}  // namespace splitsim
