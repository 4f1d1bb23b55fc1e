// Counter-based random numbers addressed by (seed, channel, stream, trial, period, draw).
#pragma once

#include <Random123/philox.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "splitsim/math.hpp"
#include "splitsim/philox_lanes.hpp"

namespace splitsim {

// Named streams keep draws of one purpose independent of draws of another: adding a draw to one stream
// never shifts the numbers of another.
enum class StreamId : std::uint32_t {
  kParameters = 0,   // per-trial parameter draws, made by the runner
  kPeriodNoise = 1,  // per-period noise, drawn by plugins
  kPluginExtra = 2,  // free for a plugin's own further purposes
  kPosterior = 3,    // the runner's posterior draws: the calibration sampler's moves, a trial's particle
};

// Named sets of trials. Each is the whole (channel, stream, trial, period, draw) address space under its own
// key, so figures judged on one set are independent of choices made on another: the optimizer's finalists
// are judged on trials the search never saw, and the recommendation is compared with its runner-ups on
// trials that chose neither. The runner derives each set's key with trial_set_seed(); plugins only ever
// see the key of the set being simulated.
enum class TrialSet : std::uint64_t {
  kSearch = 0,                           // every candidate of the grid or of the search
  kFresh = 0x9E3779B97F4A7C15ull,        // the optimizer's finalists, frontier and marginal returns
  kComparison = 0xC2B2AE3D27D4EB4Full,   // the recommendation against its runner-ups
  kCalibration = 0x165667B19E3779F9ull,  // `splitsim calibrate`: prior draws, noise replicates, sampler moves
};

// The key of a trial set of the scenario's seed: Philox streams of another key are independent.
inline constexpr std::uint64_t trial_set_seed(std::uint64_t seed, TrialSet set) {
  return seed ^ static_cast<std::uint64_t>(set);
}

// A view on Philox4x32-10 for one (seed, channel, stream); channels below 2^24. Every number is a pure
// function of its address, never of the thread or call order, which is what makes results identical for any
// thread count.
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint32_t channel, StreamId stream)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}},
        channel_stream_((channel << 8) | static_cast<std::uint32_t>(stream)) {}

  // A uniform number in the open interval (0, 1) for (trial, period, draw).
  double uniform(std::uint64_t trial, std::uint32_t period, std::uint32_t draw) const {
    const auto r = block(trial, period, draw);
    return to_open_unit(r.v[0], r.v[1]);
  }

  // Two independent uniforms in (0, 1) from one generator call, for (trial, period, draw).
  void uniform2(std::uint64_t trial, std::uint32_t period, std::uint32_t draw, double& u1, double& u2) const {
    const auto r = block(trial, period, draw);
    u1 = to_open_unit(r.v[0], r.v[1]);
    u2 = to_open_unit(r.v[2], r.v[3]);
  }

  // A standard normal draw (Box-Muller on one generator call) for (trial, period, draw).
  double normal(std::uint64_t trial, std::uint32_t period, std::uint32_t draw) const {
    double u1, u2;
    uniform2(trial, period, draw, u1, u2);
    return std::sqrt(-2.0 * math::coarse_log(u1)) * math::coarse_cos(kTwoPi * u2);
  }

  // A multiplicative noise factor exp(sigma * z - sigma^2 / 2): log-normal with mean 1.
  double mean_one_log_normal(std::uint64_t trial, std::uint32_t period, std::uint32_t draw,
                             double sigma) const {
    if (sigma <= 0.0) return 1.0;
    return math::exp(sigma * normal(trial, period, draw) - 0.5 * sigma * sigma);
  }

  // The same numbers for the n consecutive trials first_trial .. first_trial + n - 1 at one (period, draw),
  // computed several trials at a time: element i is bit for bit what the one-trial form gives for trial
  // first_trial + i. A vectorised plugin draws a period's noise for a whole block with one call.
  void uniform2(std::uint64_t first_trial, std::size_t n, std::uint32_t period, std::uint32_t draw,
                double* u1, double* u2) const {
    for (std::size_t done = 0; done < n; done += kLanes) {
      const std::size_t m = std::min(kLanes, n - done);
      std::uint32_t w[4][kLanes];
      philox4x32_lanes(static_cast<std::uint32_t>(first_trial + done), m, channel_stream_, period, draw,
                       key_.v[0], key_.v[1], PhiloxLanes{{w[0], w[1], w[2], w[3]}});
      for (std::size_t i = 0; i < m; ++i) {
        u1[done + i] = to_open_unit(w[0][i], w[1][i]);
        u2[done + i] = to_open_unit(w[2][i], w[3][i]);
      }
    }
  }

  void normal(std::uint64_t first_trial, std::size_t n, std::uint32_t period, std::uint32_t draw,
              double* z) const {
    for (std::size_t done = 0; done < n; done += kLanes) {
      const std::size_t m = std::min(kLanes, n - done);
      double u1[kLanes], u2[kLanes];
      uniform2(first_trial + done, m, period, draw, u1, u2);
      math::coarse_log(u1, u1, m);
      for (std::size_t i = 0; i < m; ++i) u2[i] *= kTwoPi;
      math::coarse_cos(u2, u2, m);
      for (std::size_t i = 0; i < m; ++i) z[done + i] = std::sqrt(-2.0 * u1[i]) * u2[i];
    }
  }

  // sigma[i] is the noise's spread for trial first_trial + i.
  void mean_one_log_normal(std::uint64_t first_trial, std::size_t n, std::uint32_t period, std::uint32_t draw,
                           const double* sigma, double* factor) const {
    normal(first_trial, n, period, draw, factor);
    for (std::size_t i = 0; i < n; ++i) factor[i] = sigma[i] * factor[i] - 0.5 * sigma[i] * sigma[i];
    math::exp(factor, factor, n);
    for (std::size_t i = 0; i < n; ++i) factor[i] = sigma[i] <= 0.0 ? 1.0 : factor[i];
  }

 private:
  using Philox = r123::Philox4x32;
  static constexpr double kTwoPi = 6.283185307179586;
  // Trials per step of the block forms: their scratch is on the stack.
  static constexpr std::size_t kLanes = 64;

  Philox::ctr_type block(std::uint64_t trial, std::uint32_t period, std::uint32_t draw) const {
    // Trials are below 2^32 (the runner validates it), so the trial index fits one counter word.
    const Philox::ctr_type counter{{static_cast<std::uint32_t>(trial), channel_stream_, period, draw}};
    return Philox()(counter, key_);
  }

  // 53 random bits mapped to the centre of one of 2^53 cells: never exactly 0 or 1.
  static double to_open_unit(std::uint32_t hi, std::uint32_t lo) {
    const std::uint64_t bits = ((static_cast<std::uint64_t>(hi) << 32) | lo) >> 11;
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-53;
  }

  Philox::key_type key_;
  std::uint32_t channel_stream_;
};

}  // namespace splitsim
