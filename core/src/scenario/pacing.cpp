#include "scenario/pacing.hpp"

namespace splitsim {

std::vector<double> pacing_shares(const v1::Pacing& pacing, std::size_t periods) {
  std::vector<double> weights(periods, 1.0);
  const double n = static_cast<double>(periods);
  for (std::size_t t = 0; t < periods; ++t) {
    // Linear from 1.5 to 0.5 (or back): the first period gets three times the last.
    const double position = periods > 1 ? static_cast<double>(t) / (n - 1.0) : 0.5;
    if (pacing.shape() == v1::Pacing::FRONT_LOADED) weights[t] = 1.5 - position;
    if (pacing.shape() == v1::Pacing::BACK_LOADED) weights[t] = 0.5 + position;
    if (pacing.shape() == v1::Pacing::CUSTOM) weights[t] = pacing.weights(static_cast<int>(t));
  }
  double total = 0.0;
  for (double w : weights) total += w;
  for (double& w : weights) w /= total;
  return weights;
}

}  // namespace splitsim
