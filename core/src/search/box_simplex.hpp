// Projection onto the shares a plan may take: each within its bounds, all summing to one.
#pragma once

#include <cstddef>

namespace splitsim {

// Writes to `out` the point of {lo <= s <= hi, sum(s) = 1} nearest to `x` (Euclidean): s_i = clamp(x_i - t,
// lo_i, hi_i) for the t that makes them sum to one, found by bisection (the sum falls as t rises).
// Returns false, leaving `out` unspecified, when the set is empty (sum lo > 1 or sum hi < 1).
bool project_to_box_simplex(const double* x, const double* lo, const double* hi, std::size_t n, double* out);

}  // namespace splitsim
