// A grid's candidates spread over the processes of a group: each process evaluates those whose index i has
// i mod size == rank, and all of them get every candidate back, in index order.
#pragma once

#include <cstddef>
#include <vector>

#include "base/process_group.hpp"
#include "results.pb.h"

namespace splitsim {

// Candidates 0 .. total - 1, where this process holds `mine` (its share, in index order). Every process
// calls it and gets all of them. Serialised deterministically and parsed back: a double's bits survive, so
// every process holds the candidates one process would make. Memory holds the whole grid on this path.
std::vector<v1::Candidate> all_candidates(const ProcessGroup& group, const std::vector<v1::Candidate>& mine,
                                          std::size_t total);

}  // namespace splitsim
