// Summary statistics of one KPI's per-trial values: summarize (selection) against the full sort it replaced
// (tests/reference/full_sort_summary.hpp), on skewed values, on whole counts with many ties (a channel's
// conversions or followers per trial) and on a constant KPI, with a target as candidates are summarised. Run:
// build/bin/summary_bench; the ratio of the two times at each size is the gain.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "reference/full_sort_summary.hpp"
#include "stats/summary.hpp"

namespace {

using namespace splitsim;

std::vector<double> skewed_values(std::size_t n) {
  std::mt19937_64 rng(15);
  std::lognormal_distribution<double> value(8.0, 0.6);  // e.g. conversions, as trials spread them
  std::vector<double> values(n);
  for (auto& v : values) v = value(rng);
  return values;
}

std::vector<double> count_values(std::size_t n) {
  std::mt19937_64 rng(16);
  std::poisson_distribution<int> count(6.0);
  std::vector<double> values(n);
  for (auto& v : values) v = count(rng);
  return values;
}

enum Values { kSkewed, kConstant, kCounts };

template <Summary (*Summarize)(std::span<const double>, std::optional<double>, bool)>
void BM_Summarize(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto values = state.range(1) == kConstant ? std::vector<double>(n, 1250.0)
                      : state.range(1) == kCounts ? count_values(n)
                                                  : skewed_values(n);
  for (auto _ : state) benchmark::DoNotOptimize(Summarize(values, 3000.0, false));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void sizes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"n", "values"});  // values: 0 skewed, 1 constant, 2 counts
  for (const int n : {500, 1000, 10000, 100000}) b->Args({n, kSkewed});
  b->Args({10000, kConstant});
  for (const int n : {500, 10000}) b->Args({n, kCounts});
  b->Unit(benchmark::kMicrosecond);
}

BENCHMARK_TEMPLATE(BM_Summarize, summarize)->Name("Summarize/selection")->Apply(sizes);
BENCHMARK_TEMPLATE(BM_Summarize, reference::full_sort_summary)->Name("Summarize/full_sort")->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
