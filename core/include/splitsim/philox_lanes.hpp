// Philox4x32-10 over many counters at once: the same numbers as Random123's r123::Philox4x32, eight per
// AVX2 instruction when the CPU has it. Integer arithmetic, so every width gives the same bits.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace splitsim {

// The four words of Philox4x32-10 for the counters {first + i, c1, c2, c3}, i = 0 .. n - 1 (the first word
// wraps modulo 2^32), under key {k0, k1}: out[w][i] is word w of counter i.
struct PhiloxLanes {
  std::uint32_t* out[4];
};

namespace detail {

inline constexpr std::uint32_t kPhiloxM0 = 0xD2511F53u, kPhiloxM1 = 0xCD9E8D57u;
inline constexpr std::uint32_t kPhiloxW0 = 0x9E3779B9u, kPhiloxW1 = 0xBB67AE85u;

inline void philox_scalar(std::uint32_t first, std::size_t begin, std::size_t n, std::uint32_t c1,
                          std::uint32_t c2, std::uint32_t c3, std::uint32_t k0, std::uint32_t k1,
                          const PhiloxLanes& lanes) {
  for (std::size_t i = begin; i < n; ++i) {
    std::uint32_t x0 = first + static_cast<std::uint32_t>(i), x1 = c1, x2 = c2, x3 = c3;
    std::uint32_t key0 = k0, key1 = k1;
    for (int round = 0; round < 10; ++round) {
      if (round > 0) key0 += kPhiloxW0, key1 += kPhiloxW1;
      const std::uint64_t p0 = static_cast<std::uint64_t>(kPhiloxM0) * x0;
      const std::uint64_t p1 = static_cast<std::uint64_t>(kPhiloxM1) * x2;
      x0 = static_cast<std::uint32_t>(p1 >> 32) ^ x1 ^ key0;
      x1 = static_cast<std::uint32_t>(p1);
      x2 = static_cast<std::uint32_t>(p0 >> 32) ^ x3 ^ key1;
      x3 = static_cast<std::uint32_t>(p0);
    }
    lanes.out[0][i] = x0, lanes.out[1][i] = x1, lanes.out[2][i] = x2, lanes.out[3][i] = x3;
  }
}

#if defined(__x86_64__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
// _mm256_mul_epu32 multiplies the even 32-bit lanes into 64-bit products, so the odd lanes are shifted
// down, multiplied, and the high and low halves of both are put back in lane order.
__attribute__((target("avx2"))) inline void mulhilo_avx2(__m256i a, __m256i m, __m256i& hi, __m256i& lo) {
  const __m256i even = _mm256_mul_epu32(a, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

// Eight counters per step.
__attribute__((target("avx2"))) inline void philox_avx2(std::uint32_t first, std::size_t n, std::uint32_t c1,
                                                        std::uint32_t c2, std::uint32_t c3, std::uint32_t k0,
                                                        std::uint32_t k1, const PhiloxLanes& lanes) {
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kPhiloxM0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(kPhiloxM1));
  const __m256i step = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256i x0 =
        _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(first + static_cast<std::uint32_t>(i))), step);
    __m256i x1 = _mm256_set1_epi32(static_cast<int>(c1));
    __m256i x2 = _mm256_set1_epi32(static_cast<int>(c2));
    __m256i x3 = _mm256_set1_epi32(static_cast<int>(c3));
    std::uint32_t key0 = k0, key1 = k1;
    for (int round = 0; round < 10; ++round) {
      if (round > 0) key0 += kPhiloxW0, key1 += kPhiloxW1;
      __m256i hi0, lo0, hi1, lo1;
      mulhilo_avx2(x0, m0, hi0, lo0);
      mulhilo_avx2(x2, m1, hi1, lo1);
      x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32(static_cast<int>(key0)));
      x1 = lo1;
      x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32(static_cast<int>(key1)));
      x3 = lo0;
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(lanes.out[0] + i), x0);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(lanes.out[1] + i), x1);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(lanes.out[2] + i), x2);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(lanes.out[3] + i), x3);
  }
  philox_scalar(first, i, n, c1, c2, c3, k0, k1, lanes);
}
#pragma GCC diagnostic pop
#endif

}  // namespace detail

inline void philox4x32_lanes(std::uint32_t first, std::size_t n, std::uint32_t c1, std::uint32_t c2,
                             std::uint32_t c3, std::uint32_t k0, std::uint32_t k1, const PhiloxLanes& lanes) {
#if defined(__x86_64__)
  static const bool has_avx2 = __builtin_cpu_supports("avx2");
  if (has_avx2) return detail::philox_avx2(first, n, c1, c2, c3, k0, k1, lanes);
#endif
  detail::philox_scalar(first, 0, n, c1, c2, c3, k0, k1, lanes);
}

}  // namespace splitsim
