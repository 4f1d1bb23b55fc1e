#include "engine/parameter_quantile.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/math_policy.hpp"
#include "engine/beta_quantile_table.hpp"
#include "engine/truncated_inverse_cdf.hpp"

namespace splitsim {
namespace {

using Normal = boost::math::normal_distribution<double, MathPolicy>;
using LogNormal = boost::math::lognormal_distribution<double, MathPolicy>;
using Beta = boost::math::beta_distribution<double, MathPolicy>;

constexpr std::size_t kChunk = 256;

template <typename Dist>
void boost_quantiles(const Dist& dist, const detail::Truncation& range, double lo, double hi, const double* u,
                     double* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) x[i] = detail::inverse_in_range(dist, range, lo, hi, u[i]);
}

}  // namespace

ParameterQuantile::ParameterQuantile(const Distribution& d, double lo, double hi)
    : distribution_(d), lo_(lo), hi_(hi) {
  switch (d.kind) {
    case DistributionKind::kFixed:
    case DistributionKind::kUniform:
      break;
    case DistributionKind::kNormal:
      range_ = detail::truncation_of(Normal(d.a, d.b), lo, hi);
      break;
    case DistributionKind::kLogNormal:
      range_ = detail::truncation_of(LogNormal(std::log(d.a), d.b), lo, hi);
      break;
    case DistributionKind::kBeta: {
      range_ = detail::truncation_of(Beta(d.a, d.b), lo, hi);
      // The probabilities the smallest and the largest uniform map to: the table need not reach further.
      const double p_lo = range_.probability(0x1.0p-54), p_hi = range_.probability(1.0 - 0x1.0p-53);
      if (range_.usable(p_lo) && range_.usable(p_hi) && p_lo < p_hi)
        beta_ = shared_beta_quantile_table(d.a, d.b, p_lo, p_hi);
      break;
    }
  }
}

void ParameterQuantile::operator()(const double* u, double* x, std::size_t n) const {
  const Distribution& d = distribution_;
  switch (d.kind) {
    case DistributionKind::kFixed:
      std::fill_n(x, n, std::clamp(d.a, lo_, hi_));
      return;
    case DistributionKind::kUniform: {
      const double a = std::max(d.a, lo_), b = std::min(d.b, hi_);
      for (std::size_t i = 0; i < n; ++i) x[i] = std::clamp(a + u[i] * (b - a), lo_, hi_);
      return;
    }
    case DistributionKind::kNormal:
      return boost_quantiles(Normal(d.a, d.b), range_, lo_, hi_, u, x, n);
    case DistributionKind::kLogNormal:
      return boost_quantiles(LogNormal(std::log(d.a), d.b), range_, lo_, hi_, u, x, n);
    case DistributionKind::kBeta:
      if (!beta_) return boost_quantiles(Beta(d.a, d.b), range_, lo_, hi_, u, x, n);
      for (std::size_t done = 0; done < n; done += kChunk) {
        const std::size_t m = std::min(kChunk, n - done);
        std::array<double, kChunk> p;  // read before x, which may alias u, is written
        for (std::size_t i = 0; i < m; ++i) p[i] = range_.probability(u[done + i]);
        beta_->quantiles(p.data(), x + done, m);
        for (std::size_t i = 0; i < m; ++i)
          x[done + i] = range_.usable(p[i]) ? std::clamp(x[done + i], lo_, hi_) : range_.median;
      }
      return;
  }
}

}  // namespace splitsim
