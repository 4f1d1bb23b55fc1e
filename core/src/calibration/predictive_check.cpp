#include "calibration/predictive_check.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/summary.hpp"

namespace splitsim {
namespace {

// Draw index of the measurement error on the posterior stream: far from the sampler's coordinates.
constexpr std::uint32_t kMeasurementDraw = 0x40000000u;

v1::Interval band(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  v1::Interval i;
  i.set_p5(percentile_sorted(values, 0.05));
  i.set_p50(percentile_sorted(values, 0.5));
  i.set_p95(percentile_sorted(values, 0.95));
  return i;
}

}  // namespace

std::vector<v1::PredictiveSeries> predictive_check(const ChannelLikelihood& likelihood,
                                                   const PeriodHistory& history,
                                                   const MeasurementErrors& errors,
                                                   std::span<const double> parameters, std::uint64_t key,
                                                   std::uint32_t channel_index) {
  const auto& metrics = likelihood.history_likelihood()->metrics();
  const std::size_t width = likelihood.space().parameters().size();
  const std::size_t n = parameters.size() / width, periods = history.periods, k = metrics.size();
  std::vector<double> draws(k * periods * n);  // [metric][period][particle]
  const RandomStream measurement(key, channel_index, StreamId::kPosterior);
  const std::size_t blocks = (n + kPredictiveBlock - 1) / kPredictiveBlock;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const auto& range) {
    for (std::size_t b = range.begin(); b < range.end(); ++b) {
      const std::size_t i0 = b * kPredictiveBlock, count = std::min(kPredictiveBlock, n - i0);
      likelihood.simulate_history(
          parameters.subspan(i0 * width, count * width), kPredictiveFirstTrial + i0, count,
          [&](const OutputBuffers& full, const OutputBuffers& ads, std::size_t, std::size_t) {
            for (std::size_t i = 0; i < count; ++i) {
              for (std::size_t j = 0; j < k; ++j) {
                const double sigma = errors.sigma[static_cast<std::size_t>(metrics[j])];
                for (std::size_t t = 0; t < periods; ++t) {
                  const double mu = HistoryLikelihood::simulated(metrics[j], full, ads, i, t);
                  const double sd = std::sqrt(sigma * sigma + 1.0 / (mu + 1.0));
                  const double z = measurement.normal(i0 + i, static_cast<std::uint32_t>(t),
                                                      kMeasurementDraw + static_cast<std::uint32_t>(j));
                  draws[(j * periods + t) * n + i0 + i] = std::fmax(0.0, (mu + 1.0) * std::exp(sd * z) - 1.0);
                }
              }
            }
          });
    }
  });

  std::vector<v1::PredictiveSeries> out;
  for (std::size_t j = 0; j < k; ++j) {
    v1::PredictiveSeries series;
    series.set_metric(metric_name(metrics[j]));
    std::size_t reported = 0, inside = 0;
    for (std::size_t t = 0; t < periods; ++t) {
      const auto first = draws.begin() + static_cast<std::ptrdiff_t>((j * periods + t) * n);
      const auto b = band(std::vector<double>(first, first + static_cast<std::ptrdiff_t>(n)));
      const double y = history.observed[static_cast<std::size_t>(metrics[j])][t];
      series.add_observed(y);
      series.add_p5(b.p5());
      series.add_p50(b.p50());
      series.add_p95(b.p95());
      if (std::isnan(y)) continue;
      ++reported;
      inside += y >= b.p5() && y <= b.p95();
    }
    series.set_coverage(reported > 0 ? static_cast<double>(inside) / static_cast<double>(reported) : 0.0);
    out.push_back(std::move(series));
  }
  return out;
}

std::vector<v1::LiftCheck> lift_checks(const ChannelLikelihood& likelihood,
                                       std::span<const double> prior_parameters,
                                       std::span<const double> posterior_parameters) {
  std::vector<v1::LiftCheck> out;
  for (std::size_t l = 0; l < likelihood.lifts().size(); ++l) {
    const auto& test = likelihood.lifts()[l];
    const std::size_t width = likelihood.space().parameters().size();
    const auto increments = [&](std::span<const double> parameters) {
      const std::size_t n = parameters.size() / width;
      const std::size_t blocks = (n + kPredictiveBlock - 1) / kPredictiveBlock;
      std::vector<double> values(n);
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1), [&](const auto& range) {
        for (std::size_t b = range.begin(); b < range.end(); ++b) {
          const std::size_t i0 = b * kPredictiveBlock, count = std::min(kPredictiveBlock, n - i0);
          const auto part = likelihood.lift_increments(l, parameters.subspan(i0 * width, count * width),
                                                       kPredictiveFirstTrial + i0, count);
          std::copy(part.begin(), part.end(), values.begin() + static_cast<std::ptrdiff_t>(i0));
        }
      });
      return band(std::move(values));
    };
    const auto prior = increments(prior_parameters), posterior = increments(posterior_parameters);
    v1::LiftCheck check;
    check.set_start(iso_date(test.start));
    check.set_end(iso_date(test.end));
    check.set_spend(test.spend);
    check.set_measured(test.measured);
    check.set_standard_error(test.standard_error);
    check.set_metric_p5(posterior.p5());
    check.set_metric_p50(posterior.p50());
    check.set_metric_p95(posterior.p95());
    check.set_prior_p5(prior.p5());
    check.set_prior_p50(prior.p50());
    check.set_prior_p95(prior.p95());
    check.set_line(static_cast<std::uint32_t>(test.line));
    out.push_back(std::move(check));
  }
  return out;
}

}  // namespace splitsim
