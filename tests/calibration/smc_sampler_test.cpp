// The sampler against a posterior known exactly: a normal prior and a correlated normal likelihood.
#include "calibration/smc_sampler.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <atomic>
#include <cmath>

#include "thread_group.hpp"

namespace splitsim {
namespace {

// Prior N(0, I); likelihood exp(-(z - m)' A (z - m) / 2) with A = n [[1, r], [r, 1]] / s^2: the posterior is
// normal with precision I + A and mean (I + A)^-1 A m.
struct Gaussian2 {
  double a11, a12, a22, m1, m2;
  double operator()(std::span<const double> z) const {
    const double d1 = z[0] - m1, d2 = z[1] - m2;
    return -0.5 * (a11 * d1 * d1 + 2.0 * a12 * d1 * d2 + a22 * d2 * d2);
  }
};

double log_normal_prior(std::span<const double> z) {
  double sum = 0.0;
  for (double x : z) sum -= 0.5 * x * x;
  return sum;
}

SmcResult sample(const Gaussian2& likelihood, std::size_t particles, std::size_t threads) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const RandomStream stream(42, 0, StreamId::kPosterior);
  std::vector<double> initial(particles * 2);
  for (std::size_t i = 0; i < particles; ++i) {
    initial[2 * i] = stream.normal(i, 0xFFFF0000u, 0);
    initial[2 * i + 1] = stream.normal(i, 0xFFFF0000u, 1);
  }
  SmcOptions options;
  options.particles = particles;
  return run_smc(2, initial, likelihood, &log_normal_prior, stream, options);
}

TEST(SmcSampler, RecoversAnInformativeCorrelatedNormalPosterior) {
  // 200 observations with sd 1 on z1 + z2 and z1 - z2 mixed: precision in the hundreds, strong correlation.
  const Gaussian2 likelihood{400.0, 300.0, 400.0, 1.5, -0.5};
  const auto result = sample(likelihood, 2000, 2);
  // Exact posterior: precision P = I + A, mean P^-1 A m.
  const double p11 = 401.0, p12 = 300.0, p22 = 401.0, det = p11 * p22 - p12 * p12;
  const double c11 = p22 / det, c12 = -p12 / det, c22 = p11 / det;
  const double am1 = 400.0 * 1.5 + 300.0 * -0.5, am2 = 300.0 * 1.5 + 400.0 * -0.5;
  const double mean1 = c11 * am1 + c12 * am2, mean2 = c12 * am1 + c22 * am2;
  double s1 = 0, s2 = 0, q11 = 0, q12 = 0, q22 = 0;
  const double n = static_cast<double>(result.z.size() / 2);
  for (std::size_t i = 0; i < result.z.size() / 2; ++i) {
    s1 += result.z[2 * i];
    s2 += result.z[2 * i + 1];
  }
  s1 /= n;
  s2 /= n;
  for (std::size_t i = 0; i < result.z.size() / 2; ++i) {
    const double d1 = result.z[2 * i] - s1, d2 = result.z[2 * i + 1] - s2;
    q11 += d1 * d1 / n;
    q12 += d1 * d2 / n;
    q22 += d2 * d2 / n;
  }
  EXPECT_NEAR(s1, mean1, 0.15 * std::sqrt(c11));
  EXPECT_NEAR(s2, mean2, 0.15 * std::sqrt(c22));
  EXPECT_NEAR(std::sqrt(q11), std::sqrt(c11), 0.1 * std::sqrt(c11));
  EXPECT_NEAR(std::sqrt(q22), std::sqrt(c22), 0.1 * std::sqrt(c22));
  EXPECT_NEAR(q12 / std::sqrt(q11 * q22), c12 / std::sqrt(c11 * c22), 0.05);
  EXPECT_GT(result.temperatures.size(), 3u) << "informative data need several temperatures";
  EXPECT_EQ(result.temperatures.back(), 1.0);
  EXPECT_GE(result.min_ess, 0.5 * 2000 - 1e-9);
  EXPECT_GT(result.distinct, 1000u);
  // log evidence: the prior expectation of the likelihood, exact for normals: -log(det(I + A)) / 2 - m'Bm
  // / 2.
  const double quadratic = 0.5 * (1.5 * am1 + -0.5 * am2 - (mean1 * am1 + mean2 * am2));
  EXPECT_NEAR(result.log_evidence, -0.5 * std::log(det) - quadratic, 0.2);
}

TEST(SmcSampler, GivesTheSameParticlesOnOneAndTwoThreads) {
  const Gaussian2 likelihood{50.0, 10.0, 20.0, 0.3, 0.1};
  const auto one = sample(likelihood, 300, 1);
  const auto two = sample(likelihood, 300, 2);
  EXPECT_EQ(one.z, two.z);
  EXPECT_EQ(one.temperatures, two.temperatures);
  EXPECT_EQ(one.log_evidence, two.log_evidence);
}

// The likelihoods spread over processes (played by threads): every process ends with the particles of one
// process, bit for bit, and evaluated only its own share of them.
TEST(SmcSampler, GivesTheParticlesOfOneProcessOnThreeEachEvaluatingItsOwnShare) {
  const Gaussian2 likelihood{50.0, 10.0, 20.0, 0.3, 0.1};
  const auto one = sample(likelihood, 300, 2);
  const RandomStream stream(42, 0, StreamId::kPosterior);
  std::vector<double> initial(300 * 2);
  for (std::size_t i = 0; i < 300; ++i) {
    initial[2 * i] = stream.normal(i, 0xFFFF0000u, 0);
    initial[2 * i + 1] = stream.normal(i, 0xFFFF0000u, 1);
  }
  testing::ThreadGroup group(3);
  std::vector<SmcResult> got(3);
  std::vector<std::atomic<std::size_t>> calls(3);
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    SmcOptions options;
    options.particles = 300;
    options.group = &member;
    const auto counted = [&, rank](std::span<const double> z) {
      ++calls[rank];
      return likelihood(z);
    };
    got[rank] = run_smc(2, initial, counted, &log_normal_prior, stream, options);
  });
  for (std::size_t r = 0; r < 3; ++r) {
    EXPECT_EQ(got[r].z, one.z) << "rank " << r;
    EXPECT_EQ(got[r].log_likelihood, one.log_likelihood);
    EXPECT_EQ(got[r].temperatures, one.temperatures);
    EXPECT_EQ(got[r].log_evidence, one.log_evidence);
    EXPECT_EQ(got[r].evaluations, one.evaluations);
    EXPECT_EQ(calls[r], one.evaluations / 3) << "rank " << r << " evaluates its 100 particles of 300 only";
  }
}

// A likelihood that throws on one process (a plugin failing) ends every process, none left waiting.
TEST(SmcSampler, ALikelihoodThatThrowsOnOneProcessEndsEveryProcess) {
  std::vector<double> initial(200 * 2, 0.1);
  testing::ThreadGroup group(2);
  std::vector<std::string> said(2);
  group.run([&](std::size_t rank, const ProcessGroup& member) {
    SmcOptions options;
    options.particles = 200;
    options.group = &member;
    const auto failing = [rank](std::span<const double>) -> double {
      if (rank == 1) throw std::runtime_error("model exploded");
      return 0.0;
    };
    try {
      run_smc(2, initial, failing, &log_normal_prior, RandomStream(1, 0, StreamId::kPosterior), options);
    } catch (const std::runtime_error& e) {
      said[rank] = e.what();
    }
  });
  EXPECT_EQ(said[1], "model exploded");
  EXPECT_EQ(said[0], "rank 1: model exploded");
}

TEST(SmcSampler, RefusesALikelihoodThatNoPriorDrawCanReach) {
  const auto nowhere = [](std::span<const double>) { return -std::numeric_limits<double>::infinity(); };
  std::vector<double> initial(20, 0.0);
  EXPECT_THROW(run_smc(2, initial, nowhere, &log_normal_prior, RandomStream(1, 0, StreamId::kPosterior), {}),
               std::runtime_error);
}

}  // namespace
}  // namespace splitsim
