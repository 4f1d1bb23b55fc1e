// values[i] = fn(i) for every i, made once over the processes of a group: each process makes its run of
// them (run_of) (in parallel on its threads) and they exchange the values. Each value depends on i alone, so
// every process ends with the bits one process makes: how a sampler's likelihoods and a spread split's
// statistics divide over the ranks.
#pragma once

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/gather_or_fail.hpp"
#include "base/process_group.hpp"

namespace splitsim {

// With no group (or a group of one), fn is called for every i here. `fn` is called from several threads at
// once; if it throws on any process, every process throws the lowest rank's failure (gather_or_fail).
// `buffer`, when given, keeps the exchange's memory for the next call of the same size.
template <typename T, typename Fn>
void share_values(const ProcessGroup* group, std::vector<T>& values, Fn&& fn, Gathered* buffer = nullptr) {
  static_assert(std::is_trivially_copyable_v<T>);
  const std::size_t size = group ? group->size() : 1, rank = group ? group->rank() : 0;
  const std::size_t count = values.size();
  const auto first = [&](std::size_t r) { return run_of(r, size, count).first; };
  std::exception_ptr failure;
  try {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(first(rank), first(rank + 1), 1),
                      [&](const auto& range) {
                        for (std::size_t i = range.begin(); i < range.end(); ++i) values[i] = fn(i);
                      });
  } catch (...) {
    if (size == 1) throw;
    failure = std::current_exception();
  }
  if (size == 1) return;
  Gathered local;
  Gathered& all = buffer ? *buffer : local;
  gather_or_fail(*group,
                 std::string_view(reinterpret_cast<const char*>(values.data() + first(rank)),
                                  (first(rank + 1) - first(rank)) * sizeof(T)),
                 failure, all);
  for (std::size_t r = 0; r < size; ++r) {
    const std::string_view part = all.part(r);
    if (part.size() != (first(r + 1) - first(r)) * sizeof(T))
      throw std::runtime_error("rank " + std::to_string(r) + " sent the wrong number of values");
    if (r != rank) std::memcpy(static_cast<void*>(values.data() + first(r)), part.data(), part.size());
  }
}

}  // namespace splitsim
