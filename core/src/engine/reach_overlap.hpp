// Total unique reach across channels whose audiences overlap.
#pragma once

#include <cstddef>

#include "scenario/overlap_matrix.hpp"

namespace splitsim {

// Unique people reached by all channels together, merging them in order: with U the people reached so far
// and R the next channel's reach, U += R - ((1 - o) U R / P + o min(U, R)), where o is the channel's largest
// overlap with the channels already merged. With every o = 0 this is P (1 - prod(1 - R_c / P)). The result is
// at least the largest reach, at most min(P, sum of reaches), and never falls when a channel reaches more.
double total_reach(const double* reach, std::size_t channels, double population,
                   const OverlapMatrix& overlap);

}  // namespace splitsim
