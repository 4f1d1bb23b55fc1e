// Draws each trial's model parameters from their distributions, once per run (common to every candidate).
#pragma once

#include <cstdint>
#include <vector>

#include "scenario/resolved_parameter.hpp"
#include "splitsim/distribution.hpp"

namespace splitsim {

// The value of `d` truncated to [lo, hi] at probability u in (0, 1): inverse-CDF sampling restricted to the
// range's probability interval, so draws never leave the parameter's valid range and keep their shape.
// Boost.Math's quantile for one value (medians, prior intervals, calibration's parameter space);
// draw_parameters prepares the same function once per parameter instead (ParameterQuantile).
double truncated_quantile(const Distribution& d, double lo, double hi, double u);

// A channel's parameters for every trial: table[p][trial], in the plugin's parameter order.
using ParameterTable = std::vector<std::vector<double>>;

struct PosteriorDraws;

// values[p][trial]: parameter p of every trial, drawn from the (seed, channel, parameters) stream at address
// (trial, p, 0), so a trial's parameters do not depend on how many trials run or in which order. With a
// `posterior`, each trial then takes one whole draw of it for the parameters it covers, the draw chosen at
// (trial, 0, 0) of the (seed, channel, posterior) stream.
ParameterTable draw_parameters(const std::vector<ResolvedParameter>& parameters, std::uint64_t seed,
                               std::uint32_t channel, std::uint64_t trials,
                               const PosteriorDraws* posterior = nullptr);

}  // namespace splitsim
