#include "stats/summary.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

#include "stats/compensated_sum.hpp"

namespace splitsim {
namespace {

// Where percentile q of n sorted values lies: between order statistics lo and hi, `fraction` of the way.
struct Type7Rank {
  std::size_t lo, hi;
  double fraction;
};

Type7Rank type7_rank(std::size_t n, double q) {
  const double h = q * static_cast<double>(n - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  return {lo, std::min(lo + 1, n - 1), h - static_cast<double>(lo)};
}

// One expression for sorted and selected order statistics alike, so both give the same bits.
double interpolate(double lo_value, double hi_value, double fraction) {
  return lo_value + fraction * (hi_value - lo_value);
}

// Puts each of `ranks` (ascending, distinct, within [first, last) of `all`) where a full sort would: one
// nth_element at the middle rank, then each side on its own part only, so the work is about n log(ranks).
void select_ranks(std::vector<double>& all, std::size_t first, std::size_t last,
                  std::span<const std::size_t> ranks) {
  if (ranks.empty() || first >= last) return;
  const std::size_t middle = ranks.size() / 2, rank = ranks[middle];
  std::nth_element(all.begin() + first, all.begin() + rank, all.begin() + last);
  select_ranks(all, first, rank, ranks.first(middle));
  select_ranks(all, rank + 1, last, ranks.subspan(middle + 1));
}

// Places in `order` (n long) what a full sort would put at each of `ranks` (ascending, distinct, none below
// `tail`) and the sorted `tail` smallest values, by counting: (v - min) * scale keeps the values' order, so
// the r-th smallest lies in the bucket where the running count passes r. One pass counts, one gathers the
// wanted buckets' values into their places, and only those few values are sorted, where nth_element's
// passes mispredict a branch on every value. False when min..max is not a finite range (infinities).
bool place_by_counting(std::span<const double> values, double min, double max, std::size_t tail,
                       std::span<const std::size_t> ranks, std::vector<double>& order) {
  constexpr std::size_t kMaxBuckets = 4096;
  const std::size_t n = values.size();
  const std::size_t buckets = std::clamp<std::size_t>(std::bit_ceil(n / 8), 16, kMaxBuckets);
  const double range = max - min, scale = static_cast<double>(buckets) / range;
  if (!(std::isfinite(range) && std::isfinite(scale) && scale > 0.0)) return false;
  // Each value's bucket, once, in a pass that vectorises (values are finite here, so the product lies in
  // [0, buckets], which a 32-bit integer holds); the count and the gather below read it.
  thread_local std::vector<std::int32_t> bucket_of;
  bucket_of.resize(n);
  const auto last = static_cast<std::int32_t>(buckets - 1);
  for (std::size_t k = 0; k < n; ++k) {
    const auto b = static_cast<std::int32_t>((values[k] - min) * scale);
    bucket_of[k] = b < last ? b : last;
  }
  // Counted into four histograms in turn and added: a run of values in one bucket does not wait on each
  // increment of the same counter.
  std::array<std::array<std::uint32_t, kMaxBuckets + 1>, 4> counts;
  for (auto& c : counts) std::fill_n(c.begin(), buckets + 1, 0u);
  std::size_t k = 0;
  for (; k + 4 <= n; k += 4)
    for (std::size_t j = 0; j < 4; ++j) ++counts[j][bucket_of[k + j] + 1];
  for (; k < n; ++k) ++counts[0][bucket_of[k] + 1];
  auto& start = counts[0];  // start[b]: how many values lie below bucket b
  for (std::size_t b = 1; b <= buckets; ++b)
    start[b] = start[b - 1] + start[b] + counts[1][b] + counts[2][b] + counts[3][b];
  const auto bucket_of_rank = [&](std::size_t r) {
    return static_cast<std::size_t>(std::upper_bound(start.begin(), start.begin() + buckets + 1, r) -
                                    start.begin()) -
           1;
  };
  // Every bucket up to the tail's last value, and each rank's.
  std::array<std::uint32_t, kMaxBuckets> next;  // where a wanted bucket's next value goes; 0: not wanted
  constexpr std::uint32_t kUnwanted = 0;
  std::fill_n(next.begin(), buckets, kUnwanted);
  const std::size_t tail_buckets = bucket_of_rank(tail - 1) + 1;
  for (std::size_t b = 0; b < tail_buckets; ++b) next[b] = start[b] + 1;  // stored one up: 0 means unwanted
  for (const std::size_t r : ranks) next[bucket_of_rank(r)] = start[bucket_of_rank(r)] + 1;
  for (std::size_t k = 0; k < n; ++k) {
    if (std::uint32_t& at = next[bucket_of[k]]; at != kUnwanted) order[at++ - 1] = values[k];
  }
  // Sorted: the tail's buckets as one, then each rank's bucket.
  std::sort(order.begin(), order.begin() + start[tail_buckets]);
  std::size_t sorted_to = tail_buckets;
  for (const std::size_t r : ranks) {
    const std::size_t b = bucket_of_rank(r);
    if (b < sorted_to) continue;
    std::sort(order.begin() + start[b], order.begin() + start[b + 1]);
    sorted_to = b + 1;
  }
  return true;
}

// The same placement by selection, for any values.
void place_by_selection(std::span<const double> values, std::size_t tail, std::span<const std::size_t> ranks,
                        std::vector<double>& order) {
  std::copy(values.begin(), values.end(), order.begin());
  std::vector<std::size_t> all = {tail - 1};
  all.insert(all.end(), ranks.begin(), ranks.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  select_ranks(order, 0, values.size(), all);
  std::sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(tail));
}

constexpr double kPercentiles[] = {0.05, 0.10, 0.50, 0.90, 0.95};

}  // namespace

double percentile_sorted(std::span<const double> sorted, double q) {
  if (sorted.empty()) return 0.0;
  const Type7Rank r = type7_rank(sorted.size(), q);
  return interpolate(sorted[r.lo], sorted[r.hi], r.fraction);
}

// By selection, not by sorting every value: the percentiles' order statistics and the CVaR tail are placed
// with nth_element, and only the tail (5% of the values) is sorted, so its sum runs in sorted order as it
// always has. The figures are those of a full sort, bit for bit (tests/core/stats_selection_test.cpp).
Summary summarize(std::span<const double> values, std::optional<double> target, bool lower_is_better) {
  Summary s;
  const std::size_t n = values.size();
  if (n == 0) return s;
  const auto [min, max] = std::minmax_element(values.begin(), values.end());
  // A constant KPI has exactly its value as mean and zero spread, whatever the rounding of n * v / n.
  const bool constant = *min == *max;
  s.mean = constant ? *min : compensated_sum(values) / static_cast<double>(n);
  if (n > 1 && !constant) {
    // Two passes: the squared deviations from the mean, summed like the mean.
    const double mean = s.mean;
    const double squares = compensated_sum(values, [mean](double v) { return (v - mean) * (v - mean); });
    s.sd = std::sqrt(squares / static_cast<double>(n - 1));
  }
  double* const percentiles[] = {&s.p5, &s.p10, &s.p50, &s.p90, &s.p95};
  const auto tail =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(0.05 * static_cast<double>(n))));
  if (constant) {
    // Every order statistic is the value: nothing to select (many KPIs are constant, e.g. spend).
    for (std::size_t i = 0; i < std::size(kPercentiles); ++i)
      *percentiles[i] = interpolate(*min, *min, type7_rank(n, kPercentiles[i]).fraction);
    s.cvar5 = *min;
  } else {
    // Each percentile's two order statistics, unless the sorted tail holds them.
    // On the stack: this runs for every KPI of every scope of every candidate.
    std::array<std::size_t, 2 * std::size(kPercentiles)> wanted;
    std::size_t count = 0;
    for (const double q : kPercentiles) {
      const Type7Rank r = type7_rank(n, q);
      for (const std::size_t rank : {r.lo, r.hi})
        if (rank >= tail) wanted[count++] = rank;
    }
    std::sort(wanted.begin(), wanted.begin() + count);
    const std::span<const std::size_t> ranks(
        wanted.data(),
        static_cast<std::size_t>(std::unique(wanted.begin(), wanted.begin() + count) - wanted.begin()));
    // Scratch of each thread: summaries run many at a time, each the length of the trials.
    thread_local std::vector<double> order;
    order.resize(n);
    if (!place_by_counting(values, *min, *max, tail, ranks, order))
      place_by_selection(values, tail, ranks, order);
    for (std::size_t i = 0; i < std::size(kPercentiles); ++i) {
      const Type7Rank r = type7_rank(n, kPercentiles[i]);
      *percentiles[i] = interpolate(order[r.lo], order[r.hi], r.fraction);
    }
    s.cvar5 = compensated_sum(std::span<const double>(order).first(tail)) / static_cast<double>(tail);
  }
  if (target) {
    // Counted in one pass: nothing here is sorted to search in.
    const double t = *target;
    const auto reached = lower_is_better
                             ? std::count_if(values.begin(), values.end(), [t](double v) { return v <= t; })
                             : std::count_if(values.begin(), values.end(), [t](double v) { return v >= t; });
    s.prob_target = static_cast<double>(reached) / static_cast<double>(n);
  }
  return s;
}

}  // namespace splitsim
