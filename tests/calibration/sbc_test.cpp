// Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari & Gelman 2018): parameters drawn from the
// prior, a history simulated from them by the plugin with its own noise and the measurement error,
// calibrated; over many replicates the rank of the true value in its posterior is uniform, so the central 50%
// and 90% intervals hold the truth about 50% and 90% of the time. A sampler that is overconfident (too
// narrow) or biased fails here even when every single recovery looks fine.
//
// Replicates: kReplicates histories of 26 weeks on the Meta plugin, every calibrated parameter counted
// (kReplicates x 12 ranks). Tolerance: coverage within 3 standard errors of a binomial with kReplicates
// trials (conservative: the parameters of one replicate are not independent), and a chi-square test of the
// ranks' uniformity over 10 bins at the 0.1% level.
#include <gtest/gtest.h>

#include <cmath>

#include "calibration/calibrate.hpp"
#include "calibration/parameter_space.hpp"
#include "calibration_support.hpp"
#include "engine/parameter_sampler.hpp"
#include "test_support.hpp"

namespace splitsim {
namespace {

constexpr int kReplicates = 100;
constexpr std::size_t kParticles = 200;

constexpr const char* kScenario = R"(
budget { total: 100000 }
horizon { periods: 13 }
channels { name: "facebook" plugin: "meta" organic { cost_per_post: 100 } }
objective { kpi: CONVERSIONS }
trials: 100
seed: 1
)";

TEST(SimulationBasedCalibration, PosteriorRanksOfTheTruthAreUniform) {
  const auto scenario = testing::resolved(kScenario);
  const auto& channel = scenario.channels[0];
  const ParameterSpace space(channel.parameters, std::nullopt);
  const auto spend = testing::varied_spend(26, 2000, 40000);
  std::vector<double> ranks;
  int inside50 = 0, inside90 = 0;
  for (int r = 0; r < kReplicates; ++r) {
    // The truth: a prior draw of every calibrated parameter, the others as the calibration holds them.
    const RandomStream truth_stream(1000 + static_cast<std::uint64_t>(r), 0, StreamId::kPluginExtra);
    std::vector<double> z(space.dimension());
    for (std::size_t j = 0; j < z.size(); ++j)
      z[j] = ParameterSpace::z_of(truth_stream.uniform(0, static_cast<std::uint32_t>(j), 0));
    std::vector<double> truth(channel.parameters.size());
    space.values(z, truth);

    testing::SyntheticHistory h;
    h.channel = &channel;
    h.truth = truth;
    h.spend = spend;
    h.seed = 500 + static_cast<std::uint64_t>(r);
    const auto dir = testing::temp_dir();
    CalibrationData data;
    data.histories.push_back(
        {"facebook", testing::write_file(dir, "h.csv", testing::synthetic_history_csv(h)), "h.csv", "", {}});
    CalibrationOptions options;
    options.particles = kParticles;
    options.seed = static_cast<std::uint64_t>(r);
    const auto calibration = calibrate(scenario, data, options);
    const auto& calibrated = calibration.channels(0);
    for (std::size_t j = 0; j < space.dimension(); ++j) {
      double below = 0.0;
      for (const auto& particle : calibrated.particles())
        below += particle.values(static_cast<int>(j)) < truth[space.calibrated()[j]] ? 1.0 : 0.0;
      const double rank = below / static_cast<double>(calibrated.particles_size());
      ranks.push_back(rank);
      inside50 += rank >= 0.25 && rank < 0.75;
      inside90 += rank >= 0.05 && rank < 0.95;
    }
  }
  const double n = static_cast<double>(ranks.size());
  const double coverage50 = inside50 / n, coverage90 = inside90 / n;
  const double se50 = std::sqrt(0.25 / kReplicates), se90 = std::sqrt(0.09 / kReplicates);
  std::printf("SBC: %d replicates x %zu parameters: 50%% intervals cover %.3f, 90%% intervals cover %.3f\n",
              kReplicates, space.dimension(), coverage50, coverage90);
  EXPECT_NEAR(coverage50, 0.5, 3 * se50);
  EXPECT_NEAR(coverage90, 0.9, 3 * se90);
  std::array<double, 10> bins{};
  for (double rank : ranks) bins[std::min<std::size_t>(9, static_cast<std::size_t>(rank * 10))] += 1;
  double chi2 = 0.0;
  for (double count : bins) chi2 += (count - n / 10) * (count - n / 10) / (n / 10);
  std::printf("SBC: rank histogram (10 bins):");
  for (double count : bins) std::printf(" %.0f", count);
  std::printf("; chi-square %.1f\n", chi2);
  // Chi-square with 9 degrees of freedom: 27.9 at the 0.1% level. The ranks of one replicate are correlated,
  // so the statistic is inflated over a sample of independent ranks: allow twice the critical value.
  EXPECT_LT(chi2, 2 * 27.9);
}

}  // namespace
}  // namespace splitsim
