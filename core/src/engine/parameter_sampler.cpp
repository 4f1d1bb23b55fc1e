#include "engine/parameter_sampler.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>

#include "scenario/resolved_scenario.hpp"
#include "splitsim/random_stream.hpp"

namespace splitsim {
namespace {

// Maps u into [F(lo), F(hi)] and inverts F: Boost.Math gives the same numbers on every platform.
template <typename Dist>
double inverse_in_range(const Dist& dist, double lo, double hi, double u) {
  using boost::math::cdf;
  using boost::math::quantile;
  const auto support = boost::math::support(dist);
  const double f_lo = lo <= support.first ? 0.0 : cdf(dist, lo);
  const double f_hi = hi >= support.second ? 1.0 : cdf(dist, hi);
  const double p = f_lo + u * (f_hi - f_lo);
  if (!(p > 0.0 && p < 1.0) || f_hi - f_lo <= 0.0) return std::clamp(quantile(dist, 0.5), lo, hi);
  return std::clamp(quantile(dist, p), lo, hi);
}

// Each trial's parameters covered by the posterior become one whole draw of it: drawn together, they keep
// the correlations the data put between them. The other parameters keep their own draws (and addresses).
void take_posterior_draws(const PosteriorDraws& posterior, std::uint64_t seed, std::uint32_t channel,
                          ParameterTable& values) {
  const RandomStream stream(seed, channel, StreamId::kPosterior);
  const std::size_t width = posterior.parameters.size(), draws = posterior.draws();
  const std::uint64_t trials = values.empty() ? 0 : values[0].size();
  tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, trials, 1024), [&](const auto& range) {
    for (std::uint64_t t = range.begin(); t < range.end(); ++t) {
      const auto k = std::min(draws - 1, static_cast<std::size_t>(stream.uniform(t, 0, 0) * draws));
      for (std::size_t j = 0; j < width; ++j)
        values[posterior.parameters[j]][t] = posterior.values[k * width + j];
    }
  });
}

}  // namespace

double truncated_quantile(const Distribution& d, double lo, double hi, double u) {
  switch (d.kind) {
    case DistributionKind::kFixed:
      return std::clamp(d.a, lo, hi);
    case DistributionKind::kUniform: {
      const double a = std::max(d.a, lo), b = std::min(d.b, hi);
      return std::clamp(a + u * (b - a), lo, hi);
    }
    case DistributionKind::kNormal:
      return inverse_in_range(boost::math::normal_distribution<>(d.a, d.b), lo, hi, u);
    case DistributionKind::kLogNormal:
      return inverse_in_range(boost::math::lognormal_distribution<>(std::log(d.a), d.b), lo, hi, u);
    case DistributionKind::kBeta:
      return inverse_in_range(boost::math::beta_distribution<>(d.a, d.b), lo, hi, u);
  }
  return d.a;
}

ParameterTable draw_parameters(const std::vector<ResolvedParameter>& parameters, std::uint64_t seed,
                               std::uint32_t channel, std::uint64_t trials, const PosteriorDraws* posterior) {
  const RandomStream stream(seed, channel, StreamId::kParameters);
  std::vector<std::vector<double>> values(parameters.size(), std::vector<double>(trials));
  for (std::size_t p = 0; p < parameters.size(); ++p) {
    // References, not a structured binding: the lambda below captures them, which clang 14 refuses.
    const auto& spec = parameters[p].spec;
    const auto& distribution = parameters[p].distribution;
    auto& column = values[p];
    if (distribution.kind == DistributionKind::kFixed) {
      std::fill(column.begin(), column.end(), std::clamp(distribution.a, spec.min, spec.max));
      continue;
    }
    // Each value depends only on its address, so parallel filling gives the same table for any thread count.
    tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, trials, 1024), [&](const auto& range) {
      for (std::uint64_t t = range.begin(); t < range.end(); ++t) {
        column[t] = truncated_quantile(distribution, spec.min, spec.max,
                                       stream.uniform(t, static_cast<std::uint32_t>(p), 0));
      }
    });
  }
  if (posterior && posterior->draws() > 0) take_posterior_draws(*posterior, seed, channel, values);
  return values;
}

}  // namespace splitsim
