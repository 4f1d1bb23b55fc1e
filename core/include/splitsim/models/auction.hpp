// Auction cost: the effective CPM rises as spend grows against a fixed audience.
#pragma once

#include <algorithm>
#include <cstddef>

#include "splitsim/math.hpp"

namespace splitsim::models {

// Effective cost per 1000 impressions when spending `spend` in one period.
// cpm_eff = base_cpm * (1 + spend / reference_spend)^elasticity, where reference_spend is the cost of one
// impression per audience member at the base CPM: bidding for a larger share of a fixed audience costs more.
// A power law fits the field's observation that CPA grows as spend^beta (beta ~0.28 for one account going
// from $500/day to $4,000/day with CPA +80%).
inline double effective_cpm(double spend, double base_cpm, double audience, double elasticity) {
  const double reference_spend = audience * base_cpm / 1000.0;
  if (reference_spend <= 0.0) return base_cpm;
  return base_cpm * math::power_of_positive(1.0 + spend / reference_spend, elasticity);
}

// Impressions bought by `spend` at the effective CPM. Increasing in spend while elasticity < 1.
inline double impressions_bought(double spend, double base_cpm, double audience, double elasticity) {
  if (spend <= 0.0) return 0.0;
  return 1000.0 * spend / effective_cpm(spend, base_cpm, audience, elasticity);
}

// The same for n trials that spend the same amount: impressions[i] is, bit for bit,
// impressions_bought(spend, base_cpm[i], audience[i], elasticity[i]).
inline void impressions_bought(double spend, const double* base_cpm, const double* audience,
                               const double* elasticity, double* impressions, std::size_t n) {
  if (spend <= 0.0) {
    std::fill(impressions, impressions + n, 0.0);
    return;
  }
  constexpr std::size_t kLanes = 64;
  for (std::size_t done = 0; done < n; done += kLanes) {
    const std::size_t m = std::min(kLanes, n - done);
    const double* cpm = base_cpm + done;
    const double* people = audience + done;
    double growth[kLanes];  // (1 + spend / reference_spend)^elasticity, by exp(elasticity log(ratio))
    for (std::size_t i = 0; i < m; ++i) {
      const double reference_spend = people[i] * cpm[i] / 1000.0;
      growth[i] = reference_spend <= 0.0 ? 1.0 : 1.0 + spend / reference_spend;
    }
    math::power_of_positive(growth, elasticity + done, growth, m);
    for (std::size_t i = 0; i < m; ++i) {
      const double reference_spend = people[i] * cpm[i] / 1000.0;
      const double effective = reference_spend <= 0.0 ? cpm[i] : cpm[i] * growth[i];
      impressions[done + i] = 1000.0 * spend / effective;
    }
  }
}

}  // namespace splitsim::models
