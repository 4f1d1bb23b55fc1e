// A grid's candidates spread over the processes of a group: each process evaluates a contiguous run of them
// (neighbours in a grid share most channels' plans, which a process then simulates once and reuses), and all
// of them get every candidate back, in index order.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <vector>

#include "base/process_group.hpp"
#include "results.pb.h"

namespace splitsim {

// The candidates process `rank` of `size` evaluates: its run of them, [first, last).
inline RankRun candidates_of(std::size_t rank, std::size_t size, std::size_t total) {
  return run_of(rank, size, total);
}

// Candidates 0 .. total - 1, where this process holds `mine` (its run, candidates_of, in index order): every
// process calls it, and `each` is given every candidate, in index order. Serialised deterministically and
// parsed back one at a time: a double's bits survive, so every process sees the candidates one process
// makes, and memory holds the grid's serialised bytes, not the parsed candidates. With `failure`
// (evaluating its run threw), or when another process failed, every process throws the failure of the
// lowest such rank instead (gather_or_fail).
void all_candidates(const ProcessGroup& group, const std::vector<v1::Candidate>& mine, std::size_t total,
                    const std::function<void(std::size_t, const v1::Candidate&)>& each,
                    std::exception_ptr failure = nullptr);

}  // namespace splitsim
