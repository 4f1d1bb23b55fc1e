#include "calibration/smc_sampler.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "base/shared_values.hpp"

namespace splitsim {
namespace {

// Addresses of the sampler's draws on its stream: moves use (particle, move, coordinate) with the move
// counter below this; resampling uses (0, kResampleBase + step, 0).
constexpr std::uint32_t kResampleBase = 0x80000000u;

// log sum exp of a[i], in index order.
double log_sum_exp(const std::vector<double>& a) {
  const double top = *std::max_element(a.begin(), a.end());
  if (!std::isfinite(top)) return top;
  double sum = 0.0;
  for (double x : a) sum += std::exp(x - top);
  return top + std::log(sum);
}

// Effective sample size of the weights exp(delta * log_likelihood) on equally weighted particles.
double ess_at(double delta, const std::vector<double>& log_likelihood, std::vector<double>& scratch) {
  for (std::size_t i = 0; i < log_likelihood.size(); ++i) scratch[i] = delta * log_likelihood[i];
  const double top = *std::max_element(scratch.begin(), scratch.end());
  double sum = 0.0, squares = 0.0;
  for (double a : scratch) {
    const double w = std::exp(a - top);
    sum += w;
    squares += w * w;
  }
  return squares > 0.0 ? sum * sum / squares : 0.0;
}

// The next temperature step: the largest delta <= room whose ESS stays at least `target`.
double next_delta(double room, double target, const std::vector<double>& log_likelihood) {
  std::vector<double> scratch(log_likelihood.size());
  if (ess_at(room, log_likelihood, scratch) >= target) return room;
  double lo = 0.0, hi = room;
  for (int i = 0; i < 100 && hi - lo > 1e-14 * room; ++i) {
    const double mid = 0.5 * (lo + hi);
    (ess_at(mid, log_likelihood, scratch) >= target ? lo : hi) = mid;
  }
  return lo > 0.0 ? lo : hi;
}

// Systematic resampling: indices of the particles kept, one uniform for all.
std::vector<std::size_t> systematic(const std::vector<double>& log_weights, double u) {
  const std::size_t n = log_weights.size();
  const double log_total = log_sum_exp(log_weights);
  std::vector<std::size_t> kept(n);
  double cumulative = 0.0;
  std::size_t j = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double position = (static_cast<double>(i) + u) / static_cast<double>(n);
    while (j + 1 < n && cumulative + std::exp(log_weights[j] - log_total) < position) {
      cumulative += std::exp(log_weights[j] - log_total);
      ++j;
    }
    kept[i] = j;
  }
  return kept;
}

// The proposal's square root: Cholesky factor of scale^2 x the particles' covariance (a small ridge keeps it
// positive definite when a coordinate has collapsed); the diagonal's square root if it still fails.
Eigen::MatrixXd proposal_root(const std::vector<double>& z, std::size_t n, std::size_t d, double scale) {
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(d));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < d; ++j)
      mean(static_cast<Eigen::Index>(j)) += z[i * d + j] / static_cast<double>(n);
  Eigen::MatrixXd covariance =
      Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(d));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t a = 0; a < d; ++a) {
      const double da = z[i * d + a] - mean(static_cast<Eigen::Index>(a));
      for (std::size_t b = 0; b <= a; ++b)
        covariance(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) +=
            da * (z[i * d + b] - mean(static_cast<Eigen::Index>(b)));
    }
  }
  covariance /= static_cast<double>(std::max<std::size_t>(1, n - 1));
  covariance = covariance.selfadjointView<Eigen::Lower>();
  for (std::size_t j = 0; j < d; ++j)
    covariance(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(j)) += 1e-10;
  covariance *= scale * scale;
  const Eigen::LLT<Eigen::MatrixXd> llt(covariance);
  if (llt.info() == Eigen::Success) return llt.matrixL();
  return covariance.diagonal().cwiseSqrt().asDiagonal();
}

}  // namespace

SmcResult run_smc(std::size_t d, std::vector<double> initial, const LogDensity& log_likelihood,
                  const LogDensity& log_prior, const RandomStream& stream, const SmcOptions& options) {
  const std::size_t n = initial.size() / std::max<std::size_t>(1, d);
  SmcResult result;
  result.dimension = d;
  result.z = std::move(initial);
  result.log_likelihood.assign(n, 0.0);
  std::vector<double> prior(n);
  // The likelihoods are the sampler's cost: each process evaluates its run of the particles and they
  // exchange them. Everything else is cheap, and every process does it alike.
  Gathered exchanged;  // kept from exchange to exchange: each has the last one's size
  const auto evaluate_all = [&] {
    share_values(
        options.group, result.log_likelihood,
        [&](std::size_t i) { return log_likelihood(std::span<const double>(result.z.data() + i * d, d)); },
        &exchanged);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1), [&](const auto& range) {
      for (std::size_t i = range.begin(); i < range.end(); ++i)
        prior[i] = log_prior(std::span<const double>(result.z.data() + i * d, d));
    });
    result.evaluations += n;
  };
  evaluate_all();
  if (std::none_of(result.log_likelihood.begin(), result.log_likelihood.end(),
                   [](double l) { return std::isfinite(l); })) {
    throw std::runtime_error("no draw of the prior gives the data a finite likelihood");
  }

  result.min_ess = static_cast<double>(n);
  double phi = 0.0, scale = 2.38 / std::sqrt(static_cast<double>(std::max<std::size_t>(1, d)));
  std::uint32_t move_counter = 0;
  std::vector<double> proposal(n * d), proposal_likelihood(n), proposal_prior(n);
  std::vector<char> accepted(n);
  for (std::size_t step = 0; phi < 1.0; ++step) {
    if (step >= options.max_steps) {
      throw std::runtime_error("the sampler needed more than " + std::to_string(options.max_steps) +
                               " temperatures: the data may contradict the model");
    }
    // Reweight to the next temperature.
    const double delta =
        next_delta(1.0 - phi, options.ess_fraction * static_cast<double>(n), result.log_likelihood);
    phi = (1.0 - phi - delta) <= 1e-12 ? 1.0 : phi + delta;
    std::vector<double> log_weights(n);
    for (std::size_t i = 0; i < n; ++i) log_weights[i] = delta * result.log_likelihood[i];
    result.log_evidence += log_sum_exp(log_weights) - std::log(static_cast<double>(n));
    std::vector<double> scratch(n);
    result.min_ess = std::min(result.min_ess, ess_at(delta, result.log_likelihood, scratch));
    result.temperatures.push_back(phi);

    // Resample.
    const auto kept =
        systematic(log_weights, stream.uniform(0, kResampleBase + static_cast<std::uint32_t>(step), 0));
    std::vector<double> z(n * d), l(n), p(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::copy_n(result.z.begin() + static_cast<std::ptrdiff_t>(kept[i] * d), d,
                  z.begin() + static_cast<std::ptrdiff_t>(i * d));
      l[i] = result.log_likelihood[kept[i]];
      p[i] = prior[kept[i]];
    }
    result.z.swap(z);
    result.log_likelihood.swap(l);
    prior.swap(p);

    // Move: random-walk Metropolis at temperature phi.
    const Eigen::MatrixXd root = proposal_root(result.z, n, d, scale);
    std::size_t moves = options.max_moves, step_accepted = 0, step_proposed = 0;
    for (std::size_t move = 0; move < moves; ++move, ++move_counter) {
      // Proposals and priors are cheap: every process makes all of them; the likelihoods are shared.
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1), [&](const auto& range) {
        Eigen::VectorXd xi(static_cast<Eigen::Index>(d));
        for (std::size_t i = range.begin(); i < range.end(); ++i) {
          for (std::size_t j = 0; j < d; ++j)
            xi(static_cast<Eigen::Index>(j)) = stream.normal(i, move_counter, static_cast<std::uint32_t>(j));
          const Eigen::VectorXd step_vector = root * xi;
          double* zp = proposal.data() + i * d;
          for (std::size_t j = 0; j < d; ++j)
            zp[j] = result.z[i * d + j] + step_vector(static_cast<Eigen::Index>(j));
          proposal_prior[i] = log_prior(std::span<const double>(zp, d));
        }
      });
      share_values(
          options.group, proposal_likelihood,
          [&](std::size_t i) { return log_likelihood(std::span<const double>(proposal.data() + i * d, d)); },
          &exchanged);
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 1), [&](const auto& range) {
        for (std::size_t i = range.begin(); i < range.end(); ++i) {
          const double log_ratio =
              phi * (proposal_likelihood[i] - result.log_likelihood[i]) + proposal_prior[i] - prior[i];
          const double u = stream.uniform(i, move_counter, static_cast<std::uint32_t>(d));
          accepted[i] = std::isfinite(proposal_likelihood[i]) && std::log(u) < log_ratio;
        }
      });
      result.evaluations += n;
      std::size_t count = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (!accepted[i]) continue;
        ++count;
        std::copy_n(proposal.begin() + static_cast<std::ptrdiff_t>(i * d), d,
                    result.z.begin() + static_cast<std::ptrdiff_t>(i * d));
        result.log_likelihood[i] = proposal_likelihood[i];
        prior[i] = proposal_prior[i];
      }
      step_accepted += count;
      step_proposed += n;
      if (move == 0) {
        // Enough moves that a particle stays where it is with at most miss_probability.
        const double rate = static_cast<double>(count) / static_cast<double>(n);
        const double wanted = rate >= 1.0 ? 1.0
                              : rate <= 0.0
                                  ? static_cast<double>(options.max_moves)
                                  : std::ceil(std::log(options.miss_probability) / std::log1p(-rate));
        moves = std::clamp(static_cast<std::size_t>(wanted), options.min_moves, options.max_moves);
      }
    }
    result.moves += moves;
    result.acceptance_rate = static_cast<double>(step_accepted) / static_cast<double>(step_proposed);
    // Aim at the acceptance rate of an efficient random walk (about a quarter).
    scale *= std::exp(std::clamp(2.0 * (result.acceptance_rate - 0.25), -1.0, 1.0));
  }

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto row_less = [&](std::size_t a, std::size_t b) {
    return std::lexicographical_compare(result.z.begin() + static_cast<std::ptrdiff_t>(a * d),
                                        result.z.begin() + static_cast<std::ptrdiff_t>((a + 1) * d),
                                        result.z.begin() + static_cast<std::ptrdiff_t>(b * d),
                                        result.z.begin() + static_cast<std::ptrdiff_t>((b + 1) * d));
  };
  std::sort(order.begin(), order.end(), row_less);
  result.distinct = n == 0 ? 0 : 1;
  for (std::size_t i = 1; i < n; ++i) result.distinct += row_less(order[i - 1], order[i]) ? 1 : 0;
  return result;
}

}  // namespace splitsim
