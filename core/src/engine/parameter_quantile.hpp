// One parameter's truncated inverse CDF, prepared once to turn a whole column of uniforms into draws.
#pragma once

#include <cstddef>
#include <memory>

#include "engine/truncated_inverse_cdf.hpp"
#include "splitsim/distribution.hpp"

namespace splitsim {

class BetaQuantileTable;

// What truncated_quantile(d, lo, hi, u) computes for one u, prepared for many: the probabilities of the
// range's ends are found once, not per draw. Normal and log-normal draws are Boost's quantiles, bit for bit
// what truncated_quantile gives; beta draws come from a BetaQuantileTable, within 1e-12 relative of it.
class ParameterQuantile {
 public:
  ParameterQuantile(const Distribution& d, double lo, double hi);

  // x[i] = the draw at uniform u[i] in (0, 1). `x` may alias `u`.
  void operator()(const double* u, double* x, std::size_t n) const;

 private:
  Distribution distribution_;
  double lo_, hi_;
  detail::Truncation range_;
  std::shared_ptr<const BetaQuantileTable> beta_;
};

}  // namespace splitsim
