// The SDK's deterministic math and Philox lanes: every width gives the one-value bits, and the values are
// those of <cmath> and Random123 (to rounding, and exactly).
#include <Random123/philox.h>
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <splitsim/math.hpp>
#include <splitsim/philox_lanes.hpp>
#include <splitsim/random_stream.hpp>
#include <vector>

namespace splitsim {
namespace {

// Values over many magnitudes and signs, with the edges a model meets: zeros, tiny, huge, infinities.
std::vector<double> wide_inputs(double low, double high, std::uint32_t seed) {
  std::mt19937_64 random(seed);
  std::vector<double> x = {0.0, -0.0, 1e-300, 1e-17, 1.0, low, high, std::numeric_limits<double>::infinity()};
  std::uniform_real_distribution<double> exponent(-12.0, std::log10(high));
  std::uniform_real_distribution<double> linear(low, high);
  for (int i = 0; i < 2000; ++i) x.push_back(i % 2 ? std::pow(10.0, exponent(random)) : linear(random));
  return x;
}

using Scalar = double (*)(double);
using Array = void (*)(const double*, double*, std::size_t);
struct Function {
  const char* name;
  Scalar one;
  Array many;
  double (*reference)(double);
  double low, high;
  double tolerance = 4e-16;  // relative, against <cmath>: both within about 1 ulp
};

const Function kFunctions[] = {
    {"exp", math::exp, math::exp, [](double x) { return std::exp(x); }, -700.0, 700.0},
    {"expm1", math::expm1, math::expm1, [](double x) { return std::expm1(x); }, -700.0, 700.0},
    {"log", math::log, math::log, [](double x) { return std::log(x); }, 0.0, 1e300},
    {"log1p", math::log1p, math::log1p, [](double x) { return std::log1p(x); }, -0.999999, 1e300},
    {"cos", math::cos, math::cos, [](double x) { return std::cos(x); }, -7.0, 7.0},
    {"coarse_log", math::coarse_log, math::coarse_log, [](double x) { return std::log(x); }, 0.0, 1e300,
     1e-15},
    {"coarse_cos", math::coarse_cos, math::coarse_cos, [](double x) { return std::cos(x); }, -7.0, 7.0,
     1e-15},
};

TEST(DeterministicMath, ArrayFormsGiveTheOneValueBitsForEveryLengthAndOffset) {
  for (const auto& f : kFunctions) {
    const auto x = wide_inputs(f.low, f.high, 1);
    for (std::size_t offset = 0; offset < 3; ++offset) {
      for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 63u, 64u, 65u, 1000u}) {
        std::vector<double> y(n + offset, -1.0);
        f.many(x.data() + offset, y.data() + offset, n);
        for (std::size_t i = 0; i < n; ++i) {
          ASSERT_EQ(std::bit_cast<std::uint64_t>(y[offset + i]),
                    std::bit_cast<std::uint64_t>(f.one(x[offset + i])))
              << f.name << "(" << x[offset + i] << ") n=" << n << " offset=" << offset;
        }
      }
    }
  }
}

TEST(DeterministicMath, SseAndAvxGiveTheSameBits) {
#if defined(__x86_64__)
  if (!__builtin_cpu_supports("avx")) GTEST_SKIP() << "this CPU has no AVX";
  const auto compare = [](auto sse, auto avx, const char* name, double low, double high) {
    const auto x = wide_inputs(low, high, 2);
    std::vector<double> a(x.size()), b(x.size());
    sse(x.data(), a.data(), x.size());
    avx(x.data(), b.data(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      ASSERT_EQ(std::bit_cast<std::uint64_t>(a[i]), std::bit_cast<std::uint64_t>(b[i]))
          << name << "(" << x[i] << ")";
  };
  compare(math::detail::exp_sse2, math::detail::exp_avx, "exp", -700.0, 700.0);
  compare(math::detail::expm1_sse2, math::detail::expm1_avx, "expm1", -700.0, 700.0);
  compare(math::detail::log_sse2, math::detail::log_avx, "log", 0.0, 1e300);
  compare(math::detail::log1p_sse2, math::detail::log1p_avx, "log1p", -0.999999, 1e300);
  compare(math::detail::cos_sse2, math::detail::cos_avx, "cos", -7.0, 7.0);
  compare(math::detail::coarse_log_sse2, math::detail::coarse_log_avx, "coarse_log", 0.0, 1e300);
  compare(math::detail::coarse_cos_sse2, math::detail::coarse_cos_avx, "coarse_cos", -7.0, 7.0);
#else
  GTEST_SKIP() << "x86-64 only";
#endif
}

TEST(DeterministicMath, ValuesAreThoseOfTheStandardLibraryToRounding) {
  for (const auto& f : kFunctions) {
    for (double x : wide_inputs(f.low, f.high, 3)) {
      const double expected = f.reference(x), got = f.one(x);
      if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(got)) << f.name << "(" << x << ")";
      } else if (std::isinf(expected) || expected == 0.0) {
        EXPECT_EQ(got, expected) << f.name << "(" << x << ")";
      } else {
        EXPECT_NEAR(got, expected, f.tolerance * std::fabs(expected)) << f.name << "(" << x << ")";
      }
    }
  }
}

TEST(DeterministicMath, PowerOfAPositiveBaseIsPowWithinTheModelsRange) {
  std::mt19937_64 random(4);
  std::uniform_real_distribution<double> base(1e-6, 1e6), exponent(-3.0, 3.0);
  for (int i = 0; i < 20000; ++i) {
    const double x = base(random), y = exponent(random);
    EXPECT_NEAR(math::power_of_positive(x, y), std::pow(x, y), 1e-13 * std::pow(x, y)) << x << "^" << y;
  }
  EXPECT_EQ(math::power_of_positive(5.0, 0.0), 1.0);
  EXPECT_EQ(math::power_of_positive(1.0, 0.7), 1.0);
}

// The array form, in place or not, for every length around the vector widths: the scalar form's bits.
TEST(DeterministicMath, PowerOfPositiveOverAnArrayIsTheScalarFormBitForBit) {
  std::mt19937_64 random(5);
  std::uniform_real_distribution<double> base(1e-6, 1e6), exponent(-3.0, 3.0);
  for (std::size_t n = 0; n <= 70; ++n) {
    std::vector<double> x(n), y(n), power(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = base(random), y[i] = exponent(random);
    if (n > 3) x[1] = 1.0, y[2] = 0.0;
    math::power_of_positive(x.data(), y.data(), power.data(), n);
    std::vector<double> in_place = x;
    math::power_of_positive(in_place.data(), y.data(), in_place.data(), n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto expected = std::bit_cast<std::uint64_t>(math::power_of_positive(x[i], y[i]));
      ASSERT_EQ(std::bit_cast<std::uint64_t>(power[i]), expected) << "n " << n << " i " << i;
      ASSERT_EQ(std::bit_cast<std::uint64_t>(in_place[i]), expected) << "n " << n << " i " << i;
    }
  }
}

TEST(PhiloxLanes, GiveRandom123sWordsForEveryCountAndAcrossTheWrap) {
  r123::Philox4x32 philox;
  for (std::uint32_t first : {0u, 12345u, 0xFFFFFFF0u}) {
    for (std::size_t n : {0u, 1u, 7u, 8u, 9u, 17u, 64u, 333u}) {
      std::vector<std::uint32_t> w[4];
      for (auto& v : w) v.assign(n, 0);
      philox4x32_lanes(first, n, 0x0301u, 17u, 2u, 0xDEADBEEFu, 0x01234567u,
                       PhiloxLanes{{w[0].data(), w[1].data(), w[2].data(), w[3].data()}});
      for (std::size_t i = 0; i < n; ++i) {
        const auto expected =
            philox({{first + static_cast<std::uint32_t>(i), 0x0301u, 17u, 2u}}, {{0xDEADBEEFu, 0x01234567u}});
        for (int k = 0; k < 4; ++k) ASSERT_EQ(w[k][i], expected.v[k]) << "first " << first << " i " << i;
      }
    }
  }
}

TEST(RandomStream, BlockFormsGiveTheOneTrialBits) {
  const RandomStream s(0x1234567890ABCDEFull, 5, StreamId::kPeriodNoise);
  const std::uint64_t first = 4'294'967'200ull;  // crosses the 32-bit counter's wrap
  const std::size_t n = 150;
  std::vector<double> u1(n), u2(n), z(n), factor(n), sigma(n);
  for (std::size_t i = 0; i < n; ++i)
    sigma[i] = i % 10 == 0 ? 0.0 : i % 10 == 1 ? -0.5 : 0.01 * static_cast<double>(i);
  s.uniform2(first, n, 3, 1, u1.data(), u2.data());
  s.normal(first, n, 3, 1, z.data());
  s.mean_one_log_normal(first, n, 3, 1, sigma.data(), factor.data());
  for (std::size_t i = 0; i < n; ++i) {
    double a, b;
    s.uniform2(first + i, 3, 1, a, b);
    ASSERT_EQ(u1[i], a);
    ASSERT_EQ(u2[i], b);
    ASSERT_EQ(std::bit_cast<std::uint64_t>(z[i]), std::bit_cast<std::uint64_t>(s.normal(first + i, 3, 1)));
    ASSERT_EQ(std::bit_cast<std::uint64_t>(factor[i]),
              std::bit_cast<std::uint64_t>(s.mean_one_log_normal(first + i, 3, 1, sigma[i])))
        << "trial " << i << " sigma " << sigma[i];
  }
}

}  // namespace
}  // namespace splitsim
