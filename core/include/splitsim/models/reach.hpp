// Reach and frequency: unique people reached by impressions spread over an addressable audience.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "splitsim/math.hpp"

namespace splitsim::models {

// Poisson reach: with impressions landing independently on an audience of A people, the expected number of
// people seen at least once is A * (1 - exp(-I / A)). Never above A nor above I; increasing and concave in I.
inline double poisson_reach(double impressions, double audience) {
  if (audience <= 0.0 || impressions <= 0.0) return 0.0;
  return -audience * math::expm1(-impressions / audience);
}

// Negative binomial reach: people differ in how much they use the network (gamma-distributed exposure rates
// with shape `dispersion`), so impressions pile up on heavy users and fewer people are reached than under
// Poisson: A * (1 - (1 + I / (A k))^-k). Tends to poisson_reach as k grows; never above it.
inline double negative_binomial_reach(double impressions, double audience, double dispersion) {
  if (audience <= 0.0 || impressions <= 0.0) return 0.0;
  if (!(dispersion > 0.0) || std::isinf(dispersion)) return poisson_reach(impressions, audience);
  return -audience * math::expm1(-dispersion * math::log1p(impressions / (audience * dispersion)));
}

// The same for n trials: reach[i] is, bit for bit, negative_binomial_reach(impressions[i], audience[i],
// dispersion[i]).
inline void negative_binomial_reach(const double* impressions, const double* audience,
                                    const double* dispersion, double* reach, std::size_t n) {
  constexpr std::size_t kLanes = 64;
  const auto poisson = [](double k) { return !(k > 0.0) || std::isinf(k); };
  for (std::size_t done = 0; done < n; done += kLanes) {
    const std::size_t m = std::min(kLanes, n - done);
    const double* seen = impressions + done;
    const double* people = audience + done;
    const double* k = dispersion + done;
    double exponent[kLanes];  // of 1 - reach / audience = e^exponent
    for (std::size_t i = 0; i < m; ++i) exponent[i] = poisson(k[i]) ? 0.0 : seen[i] / (people[i] * k[i]);
    math::log1p(exponent, exponent, m);
    for (std::size_t i = 0; i < m; ++i)
      exponent[i] = poisson(k[i]) ? -seen[i] / people[i] : -k[i] * exponent[i];
    math::expm1(exponent, exponent, m);
    for (std::size_t i = 0; i < m; ++i)
      reach[done + i] = people[i] <= 0.0 || seen[i] <= 0.0 ? 0.0 : -people[i] * exponent[i];
  }
}

// The impressions that give `reach` under negative_binomial_reach (its inverse): A k ((1 - R/A)^(-1/k) - 1),
// or -A log(1 - R/A) for Poisson exposure. Reach at or above the audience is taken as just below it.
inline double impressions_for_reach(double reach, double audience, double dispersion) {
  if (audience <= 0.0 || reach <= 0.0) return 0.0;
  const double unreached = std::fmax(1.0 - reach / audience, 1e-12);
  if (!(dispersion > 0.0) || std::isinf(dispersion)) return -audience * math::log(unreached);
  return audience * dispersion * math::expm1(-math::log(unreached) / dispersion);
}

// Average frequency: impressions per person reached (0 when nobody was reached).
inline double average_frequency(double impressions, double reach) {
  return reach > 0.0 ? impressions / reach : 0.0;
}

// Impressions delivered when nobody may see more than `cap` (a whole number >= 1) of them: with exposures
// Poisson(I / A) per person, A * E[min(N, cap)] = A * sum over k = 1..cap of P(N >= k). At most I and at most
// A * cap; equal to I when the cap never binds.
inline double frequency_capped_impressions(double impressions, double audience, double cap) {
  if (audience <= 0.0 || impressions <= 0.0 || cap < 1.0) return 0.0;
  const double lambda = impressions / audience;
  const auto whole_cap = static_cast<long>(std::floor(cap));
  // P(N >= k) = 1 - P(N <= k - 1), from the Poisson pmf in log space (no underflow for large lambda).
  double below = 0.0, expected = 0.0;
  for (long k = 1; k <= whole_cap; ++k) {
    const double j = static_cast<double>(k - 1);
    below += std::exp(-lambda + j * std::log(lambda) - std::lgamma(j + 1.0));
    const double tail = 1.0 - below;
    if (tail < 1e-15) break;  // the rest of the sum is negligible (and would take long for a huge cap)
    expected += tail;
  }
  return std::fmin(impressions, audience * expected);
}

}  // namespace splitsim::models
