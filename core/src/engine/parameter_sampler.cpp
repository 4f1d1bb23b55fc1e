#include "engine/parameter_sampler.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <optional>

#include "base/math_policy.hpp"
#include "engine/parameter_quantile.hpp"
#include "engine/truncated_inverse_cdf.hpp"
#include "scenario/resolved_scenario.hpp"
#include "splitsim/random_stream.hpp"

namespace splitsim {
namespace {

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
  return truncated_quantile_with<MathPolicy>(d, lo, hi, u);
}

ParameterTable draw_parameters(const std::vector<ResolvedParameter>& parameters, std::uint64_t seed,
                               std::uint32_t channel, std::uint64_t trials, const PosteriorDraws* posterior) {
  const RandomStream stream(seed, channel, StreamId::kParameters);
  std::vector<std::vector<double>> values(parameters.size(), std::vector<double>(trials));
  // Each parameter's inverse CDF is prepared once (a beta table costs hundreds of Boost calls), side by side.
  std::vector<std::optional<ParameterQuantile>> quantiles(parameters.size());
  tbb::parallel_for(std::size_t{0}, parameters.size(), [&](std::size_t p) {
    quantiles[p].emplace(parameters[p].distribution, parameters[p].spec.min, parameters[p].spec.max);
  });
  for (std::size_t p = 0; p < parameters.size(); ++p) {
    auto& column = values[p];
    const auto& quantile = *quantiles[p];
    if (parameters[p].distribution.kind == DistributionKind::kFixed) {  // no draws to make
      quantile(column.data(), column.data(), column.size());
      continue;
    }
    // Each value depends only on its address, so parallel filling gives the same table for any thread count.
    tbb::parallel_for(tbb::blocked_range<std::uint64_t>(0, trials, 1024), [&](const auto& range) {
      constexpr std::size_t kChunk = 256;
      std::array<double, kChunk> unused;  // the generator's second uniform of each address
      for (std::uint64_t t = range.begin(); t < range.end(); t += kChunk) {
        const std::size_t m = std::min<std::uint64_t>(kChunk, range.end() - t);
        // The uniform at (trial, p, 0), several trials per generator call, then its draw in place.
        stream.uniform2(t, m, static_cast<std::uint32_t>(p), 0, column.data() + t, unused.data());
        quantile(column.data() + t, column.data() + t, m);
      }
    });
  }
  if (posterior && posterior->draws() > 0) take_posterior_draws(*posterior, seed, channel, values);
  return values;
}

}  // namespace splitsim
