#include "calibration/observation_model.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <cmath>
#include <numbers>

namespace splitsim {
namespace {

constexpr std::size_t kMaxMetrics = kMetricCount;
using SmallMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxMetrics, kMaxMetrics>;
using SmallVector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kMaxMetrics, 1>;

const double kLog2Pi = std::log(2.0 * std::numbers::pi);

}  // namespace

HistoryLikelihood::HistoryLikelihood(const PeriodHistory& history, const MeasurementErrors& errors)
    : periods_(history.periods) {
  for (std::size_t m = 0; m < kMetricCount; ++m) {
    if (!history.present[m]) continue;
    metrics_.push_back(static_cast<Metric>(m));
    sigma2_.push_back(errors.sigma[m] * errors.sigma[m]);
    std::vector<double> series(periods_);
    for (std::size_t t = 0; t < periods_; ++t)
      series[t] = std::log1p(history.observed[m][t]);  // NaN stays NaN
    observed_.push_back(std::move(series));
  }
}

double HistoryLikelihood::simulated(Metric metric, const OutputBuffers& full, const OutputBuffers& ads_only,
                                    std::size_t i, std::size_t t) {
  const OutputBuffers& out = counts_ads_only(metric) ? ads_only : full;
  return out.row(metric_output(metric), i)[t];
}

double HistoryLikelihood::log_likelihood(const OutputBuffers& full, const OutputBuffers& ads_only,
                                         std::size_t replicates) const {
  const std::size_t k = metrics_.size();
  if (k == 0) return 0.0;
  const std::size_t m = replicates;
  // Replicates' log figures: mean per period and metric, then their covariance pooled over the periods.
  std::vector<double> mean(periods_ * k, 0.0), level(periods_ * k, 0.0), logs(m * k);
  SmallMatrix pooled = SmallMatrix::Zero(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k));
  for (std::size_t t = 0; t < periods_; ++t) {
    for (std::size_t r = 0; r < m; ++r) {
      for (std::size_t j = 0; j < k; ++j) {
        const double value = simulated(metrics_[j], full, ads_only, r, t);
        logs[r * k + j] = std::log1p(value);
        mean[t * k + j] += logs[r * k + j] / static_cast<double>(m);
        level[t * k + j] += value / static_cast<double>(m);
      }
    }
    if (m < 2) continue;
    for (std::size_t r = 0; r < m; ++r) {
      for (std::size_t a = 0; a < k; ++a) {
        for (std::size_t b = 0; b <= a; ++b) {
          pooled(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) +=
              (logs[r * k + a] - mean[t * k + a]) * (logs[r * k + b] - mean[t * k + b]);
        }
      }
    }
  }
  if (m >= 2) pooled *= (1.0 + 1.0 / static_cast<double>(m)) / static_cast<double>(periods_ * (m - 1));

  double total = 0.0;
  std::array<std::size_t, kMaxMetrics> reported{};
  for (std::size_t t = 0; t < periods_; ++t) {
    std::size_t n = 0;
    for (std::size_t j = 0; j < k; ++j) {
      if (!std::isnan(observed_[j][t])) reported[n++] = j;
    }
    if (n == 0) continue;
    SmallMatrix covariance(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
    SmallVector residual(static_cast<Eigen::Index>(n));
    for (std::size_t a = 0; a < n; ++a) {
      const std::size_t ja = reported[a];
      residual(static_cast<Eigen::Index>(a)) = observed_[ja][t] - mean[t * k + ja];
      for (std::size_t b = 0; b <= a; ++b) {
        const std::size_t jb = reported[b];
        const double c =
            pooled(static_cast<Eigen::Index>(std::max(ja, jb)), static_cast<Eigen::Index>(std::min(ja, jb)));
        covariance(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) = c;
        covariance(static_cast<Eigen::Index>(b), static_cast<Eigen::Index>(a)) = c;
      }
      covariance(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(a)) +=
          sigma2_[ja] + 1.0 / (level[t * k + ja] + 1.0);
    }
    const Eigen::LLT<SmallMatrix> llt(covariance);
    const SmallVector solved = llt.matrixL().solve(residual);
    double log_det = 0.0;
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(n); ++i)
      log_det += 2.0 * std::log(llt.matrixL()(i, i));
    total += -0.5 * (solved.squaredNorm() + log_det + static_cast<double>(n) * kLog2Pi);
  }
  return total;
}

double lift_log_likelihood(const LiftTest& test, const double* increments, std::size_t replicates) {
  double mean = 0.0;
  for (std::size_t r = 0; r < replicates; ++r) mean += increments[r];
  mean /= static_cast<double>(replicates);
  double model_variance = 0.0;
  if (replicates > 1) {
    for (std::size_t r = 0; r < replicates; ++r)
      model_variance += (increments[r] - mean) * (increments[r] - mean);
    model_variance *= (1.0 + 1.0 / static_cast<double>(replicates)) / static_cast<double>(replicates - 1);
  }
  const double variance = test.standard_error * test.standard_error + model_variance;
  const double residual = test.measured - mean;
  return -0.5 * (residual * residual / variance + std::log(variance) + kLog2Pi);
}

}  // namespace splitsim
