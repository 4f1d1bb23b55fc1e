// Total reach across channels with pairwise audience overlap: bounds, limits and monotonicity.
#include "engine/reach_overlap.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace splitsim {
namespace {

TEST(TotalReach, WithoutOverlapIsIndependenceWithinThePopulation) {
  const double reach[] = {100'000, 50'000, 20'000};
  const double p = 1e6;
  EXPECT_NEAR(total_reach(reach, 3, p, OverlapMatrix(3)), p * (1 - 0.9 * 0.95 * 0.98), 1e-6);
}

TEST(TotalReach, FullOverlapNestsTheSmallerReachInTheLarger) {
  const double reach[] = {100'000, 50'000};
  OverlapMatrix nested(2);
  nested.set(0, 1, 1.0);
  EXPECT_DOUBLE_EQ(total_reach(reach, 2, 1e6, nested), 100'000);
}

TEST(TotalReach, BoundedByTheLargestReachTheSumAndThePopulation) {
  const double p = 200'000;
  for (double o : {0.0, 0.3, 0.7, 1.0}) {
    OverlapMatrix m(3);
    m.set(0, 1, o);
    m.set(1, 2, o / 2);
    for (double scale : {0.01, 0.3, 1.0}) {
      const double reach[] = {150'000 * scale, 90'000 * scale, 180'000 * scale};
      const double total = total_reach(reach, 3, p, m);
      EXPECT_GE(total, *std::max_element(reach, reach + 3) - 1e-6);
      EXPECT_LE(total, std::min(p, reach[0] + reach[1] + reach[2]) + 1e-6);
    }
  }
}

TEST(TotalReach, NeverFallsWhenAChannelReachesMoreAndFallsAsOverlapRises) {
  double last_overlap_total = 1e300;
  for (double o = 0.0; o <= 1.0; o += 0.1) {
    OverlapMatrix m(2);
    m.set(0, 1, o);
    double last = 0.0;
    for (double r = 0.0; r <= 400'000; r += 20'000) {
      const double reach[] = {120'000, r};
      const double total = total_reach(reach, 2, 500'000, m);
      EXPECT_GE(total, last - 1e-9);
      last = total;
    }
    const double reach[] = {120'000, 80'000};
    const double total = total_reach(reach, 2, 500'000, m);
    EXPECT_LE(total, last_overlap_total);
    last_overlap_total = total;
  }
}

TEST(OverlapMatrix, ReadsTheScenarioPairsByChannelName) {
  v1::Scenario s;
  for (const char* name : {"facebook", "instagram", "tiktok"}) s.add_channels()->set_name(name);
  auto* pair = s.add_overlaps();
  pair->set_a("instagram");
  pair->set_b("facebook");
  pair->set_overlap(0.8);
  const auto m = OverlapMatrix::from_scenario(s);
  EXPECT_EQ(m.at(0, 1), 0.8);
  EXPECT_EQ(m.at(1, 0), 0.8);
  EXPECT_EQ(m.at(0, 2), 0.0);
}

}  // namespace
}  // namespace splitsim
