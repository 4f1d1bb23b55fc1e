// Auction cost: the effective CPM rises as spend grows against a fixed audience.
#pragma once

#include <cmath>

namespace splitsim::models {

// Effective cost per 1000 impressions when spending `spend` in one period.
// cpm_eff = base_cpm * (1 + spend / reference_spend)^elasticity, where reference_spend is the cost of one
// impression per audience member at the base CPM: bidding for a larger share of a fixed audience costs more.
// A power law fits the field's observation that CPA grows as spend^beta (beta ~0.28 for one account going
// from $500/day to $4,000/day with CPA +80%).
inline double effective_cpm(double spend, double base_cpm, double audience, double elasticity) {
  const double reference_spend = audience * base_cpm / 1000.0;
  if (reference_spend <= 0.0) return base_cpm;
  return base_cpm * std::pow(1.0 + spend / reference_spend, elasticity);
}

// Impressions bought by `spend` at the effective CPM. Increasing in spend while elasticity < 1.
inline double impressions_bought(double spend, double base_cpm, double audience, double elasticity) {
  if (spend <= 0.0) return 0.0;
  return 1000.0 * spend / effective_cpm(spend, base_cpm, audience, elasticity);
}

}  // namespace splitsim::models
