// Draws each trial's model parameters from their distributions, once per run (common to every candidate).
#pragma once

#include <cstdint>
#include <vector>

#include "splitsim/distribution.hpp"
#include "splitsim/plugin_info.hpp"

namespace splitsim {

// The value of `d` truncated to [lo, hi] at probability u in (0, 1): inverse-CDF sampling restricted to the
// range's probability interval, so draws never leave the parameter's valid range and keep their shape.
double truncated_quantile(const Distribution& d, double lo, double hi, double u);

// One parameter of one channel: its spec and the distribution in force (scenario override or default).
struct ResolvedParameter {
  ParamSpec spec;
  Distribution distribution;
};

// values[p][trial]: parameter p of every trial, drawn from the (seed, channel, parameters) stream at address
// (trial, p, 0), so a trial's parameters do not depend on how many trials run or in which order.
std::vector<std::vector<double>> draw_parameters(const std::vector<ResolvedParameter>& parameters,
                                                 std::uint64_t seed, std::uint32_t channel,
                                                 std::uint64_t trials);

}  // namespace splitsim
