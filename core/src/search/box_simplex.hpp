// The shares a plan may take, {lo <= s <= hi, sum(s) = 1}: projection onto them, and a parametrisation of
// them by a unit box that the optimizer searches.
#pragma once

#include <cstddef>

namespace splitsim {

// Writes to `out` the point of {lo <= s <= hi, sum(s) = 1} nearest to `x` (Euclidean): s_i = clamp(x_i - t,
// lo_i, hi_i) for the t that makes them sum to one, found by bisection (the sum falls as t rises).
// Returns false, leaving `out` unspecified, when the set is empty (sum lo > 1 or sum hi < 1).
bool project_to_box_simplex(const double* x, const double* lo, const double* hi, std::size_t n, double* out);

// The shares for n - 1 coordinates u in [0, 1], filled in order: share i takes the fraction u_i of the range
// left to it once shares 0..i-1 are set (between what the later shares' bounds force on it and what they
// leave), and the last share takes the rest. Every u gives shares within the bounds summing to one, every
// such shares have a u, and a share at a bound has its coordinate at 0 or 1, so a box-bounded search sees
// the shares' bounds as its own. The set must not be empty (sum lo <= 1 <= sum hi).
void shares_from_unit_box(const double* u, const double* lo, const double* hi, std::size_t n, double* out);

// The inverse: coordinates u (n - 1 of them) for `shares` (within the bounds, summing to one); a coordinate
// whose share has no choice is 0.5.
void unit_box_from_shares(const double* shares, const double* lo, const double* hi, std::size_t n, double* u);

}  // namespace splitsim
