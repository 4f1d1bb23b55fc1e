// Sequential Monte Carlo with likelihood tempering (Del Moral, Doucet & Jasra 2006): particles drawn from the
// prior are moved to the posterior through temperatures 0 < phi_1 < ... < 1 of the likelihood. Each next
// temperature keeps the effective sample size of the reweighted particles at a set share of them (found by
// bisection); the particles are then resampled (systematic) and moved by random-walk Metropolis with a
// proposal scaled by their covariance, until each has likely moved at least once. Importance weights alone
// would collapse as soon as the data are informative; tempering never lets them.
//
// Parallel over particles (oneTBB); every random number is addressed by (particle, move, coordinate) on the
// given stream and every sum runs in particle order, so the result is the same for any thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "base/process_group.hpp"
#include "splitsim/random_stream.hpp"

namespace splitsim {

struct SmcOptions {
  std::size_t particles = 1000;
  double ess_fraction = 0.5;  // effective sample size kept at each reweighting, as a share of the particles
  double miss_probability = 0.05;  // moves per step: until a particle stays unmoved with at most this chance
  std::size_t min_moves = 2, max_moves = 10;  // moves per step
  std::size_t max_steps = 1000;               // temperatures at most
  // The processes the likelihoods are spread over (each evaluates its run of the particles and they
  // exchange the values; everything else is cheap and every process does it alike): none, one process.
  const ProcessGroup* group = nullptr;
};

struct SmcResult {
  std::size_t dimension = 0;
  std::vector<double> z;               // particle-major: particle i's coordinate j at [i * dimension + j]
  std::vector<double> log_likelihood;  // of each particle
  std::vector<double> temperatures;    // phi after each step, ending with 1
  double min_ess = 0.0;                // smallest effective sample size after a reweighting
  double acceptance_rate = 0.0;        // of the last step's moves
  std::size_t moves = 0;               // Metropolis moves per particle, over all steps
  std::size_t distinct = 0;            // distinct particles at the end
  double log_evidence = 0.0;           // log of the marginal likelihood (prior expectation of the likelihood)
  std::uint64_t evaluations = 0;       // log likelihood evaluations
};

using LogDensity = std::function<double(std::span<const double>)>;

// Samples the posterior of `log_likelihood` x exp(`log_prior`) from `initial` draws of the prior (particle-
// major, particles x dimension). `log_likelihood` is called from several threads at once; under a group of
// processes, each process calls it for its own particles only and all end with the same bits. Throws
// std::runtime_error when no initial particle has a finite likelihood.
SmcResult run_smc(std::size_t dimension, std::vector<double> initial, const LogDensity& log_likelihood,
                  const LogDensity& log_prior, const RandomStream& stream, const SmcOptions& options);

}  // namespace splitsim
