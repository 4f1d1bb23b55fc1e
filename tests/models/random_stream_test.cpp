// The counter-based stream: addressed, reproducible, and with the moments it claims.
#include <gtest/gtest.h>

#include <splitsim/random_stream.hpp>

namespace splitsim {
namespace {

TEST(RandomStream, SameAddressSameValueDifferentAddressDifferentValue) {
  const RandomStream a(42, 3, StreamId::kPeriodNoise);
  EXPECT_EQ(a.uniform(7, 2, 1), RandomStream(42, 3, StreamId::kPeriodNoise).uniform(7, 2, 1));
  EXPECT_NE(a.uniform(7, 2, 1), a.uniform(8, 2, 1));
  EXPECT_NE(a.uniform(7, 2, 1), a.uniform(7, 3, 1));
  EXPECT_NE(a.uniform(7, 2, 1), a.uniform(7, 2, 2));
  EXPECT_NE(a.uniform(7, 2, 1), RandomStream(43, 3, StreamId::kPeriodNoise).uniform(7, 2, 1));
  EXPECT_NE(a.uniform(7, 2, 1), RandomStream(42, 4, StreamId::kPeriodNoise).uniform(7, 2, 1));
  EXPECT_NE(a.uniform(7, 2, 1), RandomStream(42, 3, StreamId::kParameters).uniform(7, 2, 1));
}

TEST(RandomStream, UniformIsInsideTheOpenIntervalWithTheRightMean) {
  const RandomStream s(1, 0, StreamId::kPeriodNoise);
  double sum = 0.0;
  const int n = 200'000;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform(static_cast<std::uint64_t>(i), 0, 0);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
  }
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
}

TEST(RandomStream, NormalHasMeanZeroAndVarianceOne) {
  const RandomStream s(2, 0, StreamId::kPeriodNoise);
  double sum = 0.0, squares = 0.0;
  const int n = 200'000;
  for (int i = 0; i < n; ++i) {
    const double z = s.normal(static_cast<std::uint64_t>(i), 1, 0);
    sum += z;
    squares += z * z;
  }
  EXPECT_NEAR(sum / n, 0.0, 4 / std::sqrt(static_cast<double>(n)));
  EXPECT_NEAR(squares / n, 1.0, 4 * std::sqrt(2.0 / n));
}

TEST(RandomStream, MeanOneLogNormalHasMeanOne) {
  const RandomStream s(3, 0, StreamId::kPeriodNoise);
  double sum = 0.0;
  const int n = 200'000;
  for (int i = 0; i < n; ++i) sum += s.mean_one_log_normal(static_cast<std::uint64_t>(i), 0, 0, 0.3);
  EXPECT_NEAR(sum / n, 1.0, 0.005);
  EXPECT_EQ(s.mean_one_log_normal(1, 1, 1, 0.0), 1.0);
}

}  // namespace
}  // namespace splitsim
