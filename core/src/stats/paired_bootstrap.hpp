// A percentile bootstrap interval for the difference of a statistic between two paired samples (the same
// trials under two plans), deterministic: every resample is addressed by (key, address, replicate, draw).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace splitsim {

struct BootstrapInterval {
  double low = 0.0, high = 0.0;
};

// A statistic of a sample; it may reorder the sample it is given.
using SampleStatistic = std::function<double(std::vector<double>&)>;

// The `level` interval of statistic(a) - statistic(b) over `replicates` resamples of the trial indices with
// replacement, each pair kept together. The same numbers for any thread count and call order: resample r's
// j-th index is a Philox draw at (key, address, r, j). a and b have the same size.
BootstrapInterval paired_bootstrap(std::span<const double> a, std::span<const double> b,
                                   const SampleStatistic& statistic, std::uint64_t key, std::uint32_t address,
                                   std::size_t replicates = 400, double level = 0.95);

}  // namespace splitsim
