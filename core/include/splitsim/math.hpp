// Elementary functions that give the same bits on every x86-64 machine, one value at a time or over arrays.
//
// Why not <cmath>: glibc picks its exp/log/pow at run time by CPU (FMA or not), and a vectorised loop needs
// vector functions anyway. SLEEF's deterministic "cinz" functions return identical bits on plain C, SSE2 and
// AVX (they never use FMA), so a plugin may compute one value or four at once and a cluster of mixed
// machines agrees to the last bit. Accuracy: within 1 ulp of the exact result (SLEEF's u10 functions).
//
// The array forms take n values from x (and y) and write n results; output may alias input. They use AVX
// when the CPU has it, SSE2 otherwise (every x86-64 CPU has SSE2); both give the scalar form's bits.
#pragma once

#include <cmath>
#include <cstddef>

#if defined(__x86_64__)
#include <immintrin.h>
#include <sleef.h>

// sleef.h declares its AVX entry points only to code compiled with AVX; the dispatching functions below
// call them from AVX-targeted functions, chosen at run time, so declare them here for other code.
#if !defined(__AVX__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
extern "C" {
__m256d Sleef_cinz_expd4_u10avx(__m256d);
__m256d Sleef_cinz_expm1d4_u10avx(__m256d);
__m256d Sleef_cinz_logd4_u10avx(__m256d);
__m256d Sleef_cinz_log1pd4_u10avx(__m256d);
__m256d Sleef_cinz_cosd4_u10avx(__m256d);
__m256d Sleef_cinz_logd4_u35avx(__m256d);
__m256d Sleef_cinz_cosd4_u35avx(__m256d);
}
#pragma GCC diagnostic pop
#endif
#else
#include <sleef.h>
#endif

namespace splitsim::math {

#if defined(__x86_64__)

namespace detail {

// One SLEEF function in its three widths. The scalar form runs the SSE2 function on one lane: same bits as
// the plain C one, at a third of its cost.
#define SPLITSIM_MATH_UNARY(name, sleef, accuracy)                                                   \
  inline double name##_one(double x) {                                                               \
    return _mm_cvtsd_f64(Sleef_cinz_##sleef##d2_##accuracy##sse2(_mm_set_sd(x)));                    \
  }                                                                                                  \
  inline void name##_sse2(const double* x, double* y, std::size_t n) {                               \
    std::size_t i = 0;                                                                               \
    for (; i + 2 <= n; i += 2)                                                                       \
      _mm_storeu_pd(y + i, Sleef_cinz_##sleef##d2_##accuracy##sse2(_mm_loadu_pd(x + i)));            \
    for (; i < n; ++i) y[i] = name##_one(x[i]);                                                      \
  }                                                                                                  \
  __attribute__((target("avx"))) inline void name##_avx(const double* x, double* y, std::size_t n) { \
    std::size_t i = 0;                                                                               \
    for (; i + 4 <= n; i += 4)                                                                       \
      _mm256_storeu_pd(y + i, Sleef_cinz_##sleef##d4_##accuracy##avx(_mm256_loadu_pd(x + i)));       \
    for (; i < n; ++i) y[i] = name##_one(x[i]);                                                      \
  }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
SPLITSIM_MATH_UNARY(exp, exp, u10)
SPLITSIM_MATH_UNARY(expm1, expm1, u10)
SPLITSIM_MATH_UNARY(log, log, u10)
SPLITSIM_MATH_UNARY(log1p, log1p, u10)
SPLITSIM_MATH_UNARY(cos, cos, u10)
SPLITSIM_MATH_UNARY(coarse_log, log, u35)
SPLITSIM_MATH_UNARY(coarse_cos, cos, u35)
#pragma GCC diagnostic pop
#undef SPLITSIM_MATH_UNARY

// Asked once per process: every later call takes the same branch, so the choice costs nothing per value.
inline bool cpu_has_avx() {
  static const bool has = __builtin_cpu_supports("avx");
  return has;
}

}  // namespace detail

#define SPLITSIM_MATH_FUNCTION(name, sleef, accuracy)                                   \
  inline double name(double x) { return detail::name##_one(x); }                        \
  inline void name(const double* x, double* y, std::size_t n) {                         \
    detail::cpu_has_avx() ? detail::name##_avx(x, y, n) : detail::name##_sse2(x, y, n); \
  }

#else  // other architectures: SLEEF's plain C functions, the same bits as its vector ones there

#define SPLITSIM_MATH_FUNCTION(name, sleef, accuracy)                                          \
  inline double name(double x) { return Sleef_cinz_##sleef##d1_##accuracy##purec(x); }         \
  inline void name(const double* x, double* y, std::size_t n) {                                \
    for (std::size_t i = 0; i < n; ++i) y[i] = Sleef_cinz_##sleef##d1_##accuracy##purec(x[i]); \
  }

#endif

SPLITSIM_MATH_FUNCTION(exp, exp, u10)      // e^x
SPLITSIM_MATH_FUNCTION(expm1, expm1, u10)  // e^x - 1, exact near 0
SPLITSIM_MATH_FUNCTION(log, log, u10)      // natural logarithm
SPLITSIM_MATH_FUNCTION(log1p, log1p, u10)  // log(1 + x), exact near 0
SPLITSIM_MATH_FUNCTION(cos, cos, u10)      // cosine of x radians
// Within 3.5 ulp instead of 1, at half the cost: for turning uniforms into noise, where a few ulp of a
// random draw change nothing a user could see.
SPLITSIM_MATH_FUNCTION(coarse_log, log, u35)
SPLITSIM_MATH_FUNCTION(coarse_cos, cos, u35)
#undef SPLITSIM_MATH_FUNCTION

// x^y for x > 0, as exp(y log x): a vector pow costs four times an exp and a log, and the models' powers
// (a spend ratio or a posting ratio to an elasticity below 1) keep |y log x| small, where the result is
// within a few ulp. Non-positive x gives what exp(y log x) gives (NaN or 0): callers guard their domain.
inline double power_of_positive(double x, double y) { return exp(y * log(x)); }
// The same for n pairs: power[i] is, bit for bit, power_of_positive(x[i], y[i]). `power` may alias `x`.
inline void power_of_positive(const double* x, const double* y, double* power, std::size_t n) {
  log(x, power, n);
  for (std::size_t i = 0; i < n; ++i) power[i] *= y[i];
  exp(power, power, n);
}

}  // namespace splitsim::math
