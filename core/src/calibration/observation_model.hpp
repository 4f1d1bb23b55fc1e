// How likely the observed figures are given simulated ones: the measurement error of each metric, the
// counting noise of small figures and the model's own period-to-period noise.
//
// Per period, log(observed + 1) of the metrics reported is jointly normal around the mean over M simulated
// replicates of log(simulated + 1), with covariance: the model's noise (the replicates' covariance pooled
// over the periods, times 1 + 1/M for the mean's own error), plus on the diagonal the measurement error
// sigma^2 and the counting noise 1 / (simulated + 1) (a Poisson count's variance on this scale). The `+ 1`
// keeps a period with no conversions possible. This is a synthetic likelihood (Wood 2010); with the
// replicates' noise streams fixed, it is a smooth, deterministic function of the parameters.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "calibration/lift_tests.hpp"
#include "calibration/period_history.hpp"
#include "splitsim/output_buffers.hpp"

namespace splitsim {

// Standard deviations of log(figure + 1), by Metric. Defaults: 10% for figures a platform counts directly,
// 25% for conversions (attributed, not incremental) and follower gains (net of unfollows).
struct MeasurementErrors {
  std::array<double, kMetricCount> sigma{0.10, 0.10, 0.25, 0.10, 0.25};
};

class HistoryLikelihood {
 public:
  HistoryLikelihood(const PeriodHistory& history, const MeasurementErrors& errors);

  // The metrics compared, in order.
  const std::vector<Metric>& metrics() const { return metrics_; }

  // log density of the observed history given `replicates` simulated trials of the full plan (`full`) and of
  // the plan without its posts (`ads_only`; the same buffers when the history has no posts).
  double log_likelihood(const OutputBuffers& full, const OutputBuffers& ads_only,
                        std::size_t replicates) const;

  // The simulated figure of `metric` in trial i, period t, from the right plan.
  static double simulated(Metric metric, const OutputBuffers& full, const OutputBuffers& ads_only,
                          std::size_t i, std::size_t t);

 private:
  std::vector<Metric> metrics_;
  std::vector<double> sigma2_;                 // by position in metrics_
  std::vector<std::vector<double>> observed_;  // [metric position][period]: log(y + 1), NaN when not reported
  std::size_t periods_ = 0;
};

// log density of a lift test's measured increment given the simulated increments of `replicates` trials:
// normal with the test's standard error plus the model's own variance of the increment.
double lift_log_likelihood(const LiftTest& test, const double* increments, std::size_t replicates);

}  // namespace splitsim
