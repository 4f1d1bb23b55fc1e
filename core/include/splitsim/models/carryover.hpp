// Carryover (adstock): an exposure keeps working in the periods after it.
#pragma once

#include <cmath>
#include <cstddef>

#include "splitsim/math.hpp"

namespace splitsim::models {

// Geometric adstock, one period: stock_t = input_t + decay * stock_{t-1}, decay in [0, 1).
// The stock's total over an unbounded horizon is the input's total / (1 - decay).
inline double geometric_adstock(double previous_stock, double input, double decay) {
  return input + decay * previous_stock;
}

// The part of a geometric stock that acts in this period when an input's whole effect is spread over time
// (weights (1 - decay) * decay^lag sum to one): a unit of input acts (1 - decay) now, (1 - decay) decay
// next... Effects beyond the horizon are lost, as they are in reality for a plan that stops.
inline double geometric_release(double stock, double decay) { return (1.0 - decay) * stock; }

// Weibull-shaped lag (as in Robyn's weibull_pdf adstock): weights[lag] is the probability mass a Weibull
// (shape, scale in periods) puts on [lag, lag + 1), for lag = 0 .. count - 1. The weights sum to at most one
// (the tail beyond the window is lost). shape > 1 delays the peak; shape = 1 is a geometric-like decay.
inline void weibull_lag_weights(double shape, double scale, double* weights, std::size_t count) {
  const auto cdf = [shape, scale](double x) { return -math::expm1(-std::pow(x / scale, shape)); };
  double previous = 0.0;
  for (std::size_t lag = 0; lag < count; ++lag) {
    const double next = cdf(static_cast<double>(lag + 1));
    weights[lag] = next - previous;
    previous = next;
  }
}

// Distributes inputs over later periods by lag weights: output[t] = sum over lag of weights[lag] *
// input[t - lag]. `output` must not alias `input`. Linear, non-negative for non-negative inputs.
inline void apply_lag(const double* input, std::size_t periods, const double* weights, std::size_t lags,
                      double* output) {
  for (std::size_t t = 0; t < periods; ++t) {
    double sum = 0.0;
    for (std::size_t lag = 0; lag < lags && lag <= t; ++lag) sum += weights[lag] * input[t - lag];
    output[t] = sum;
  }
}

}  // namespace splitsim::models
