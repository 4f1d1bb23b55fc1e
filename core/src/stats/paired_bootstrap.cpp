#include "stats/paired_bootstrap.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <splitsim/random_stream.hpp>

#include "stats/summary.hpp"

namespace splitsim {

BootstrapInterval paired_bootstrap(std::span<const double> a, std::span<const double> b,
                                   const SampleStatistic& statistic, std::uint64_t key, std::uint32_t address,
                                   std::size_t replicates, double level) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n == 0 || replicates == 0) return {};
  const RandomStream stream(key, address, StreamId::kParameters);
  std::vector<double> differences(replicates);
  // Each replicate writes its own slot from its own draws: the order the threads run in changes nothing.
  tbb::parallel_for(std::size_t{0}, replicates, [&](std::size_t r) {
    std::vector<double> resampled_a(n), resampled_b(n);
    for (std::size_t j = 0; j < n; ++j) {
      const double u = stream.uniform(r, 0, static_cast<std::uint32_t>(j));
      const auto i = std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)));
      resampled_a[j] = a[i];
      resampled_b[j] = b[i];
    }
    differences[r] = statistic(resampled_a) - statistic(resampled_b);
  });
  std::sort(differences.begin(), differences.end());
  const double tail = 0.5 * (1.0 - level);
  return {percentile_sorted(differences, tail), percentile_sorted(differences, 1.0 - tail)};
}

}  // namespace splitsim
