#include "calibration/diagnostics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/parameter_sampler.hpp"
#include "stats/summary.hpp"

namespace splitsim {
namespace {

const char* kind_name(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::kFixed:
      return "fixed";
    case DistributionKind::kUniform:
      return "uniform";
    case DistributionKind::kNormal:
      return "normal";
    case DistributionKind::kLogNormal:
      return "log_normal";
    case DistributionKind::kBeta:
      return "beta";
  }
  return "other";
}

v1::Interval interval(double p5, double p50, double p95) {
  v1::Interval i;
  i.set_p5(p5);
  i.set_p50(p50);
  i.set_p95(p95);
  return i;
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

std::string range(const v1::Interval& i) { return number(i.p5()) + "-" + number(i.p95()); }

}  // namespace

v1::PriorDistribution prior_of(const ResolvedParameter& parameter) {
  v1::PriorDistribution prior;
  prior.set_kind(kind_name(parameter.distribution.kind));
  prior.set_a(parameter.distribution.a);
  prior.set_b(parameter.distribution.b);
  prior.set_min(parameter.spec.min);
  prior.set_max(parameter.spec.max);
  return prior;
}

std::vector<v1::ParameterSummary> summarize_parameters(const ParameterSpace& space,
                                                       const SmcResult& posterior) {
  std::vector<v1::ParameterSummary> summaries;
  const auto& parameters = space.parameters();
  const std::size_t n = posterior.dimension == 0 ? 0 : posterior.z.size() / posterior.dimension;
  for (std::size_t p = 0; p < parameters.size(); ++p) {
    const auto& [spec, distribution] = parameters[p];
    v1::ParameterSummary s;
    s.set_name(spec.name);
    s.set_unit(spec.unit);
    *s.mutable_prior() = prior_of(parameters[p]);
    s.set_prior_text(describe(distribution));
    *s.mutable_prior_interval() = interval(truncated_quantile(distribution, spec.min, spec.max, 0.05),
                                           truncated_quantile(distribution, spec.min, spec.max, 0.5),
                                           truncated_quantile(distribution, spec.min, spec.max, 0.95));
    const auto j =
        std::find(space.calibrated().begin(), space.calibrated().end(), p) - space.calibrated().begin();
    if (static_cast<std::size_t>(j) == space.dimension() || n == 0) {
      s.set_not_calibrated_because(space.not_calibrated_because(p));
      summaries.push_back(std::move(s));
      continue;
    }
    s.set_calibrated(true);
    std::vector<double> values(n), ranks(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double z = posterior.z[i * posterior.dimension + static_cast<std::size_t>(j)];
      values[i] = space.value(static_cast<std::size_t>(j), z);
      ranks[i] = ParameterSpace::u_of(z);
    }
    std::sort(values.begin(), values.end());
    std::sort(ranks.begin(), ranks.end());
    *s.mutable_posterior_interval() = interval(
        percentile_sorted(values, 0.05), percentile_sorted(values, 0.5), percentile_sorted(values, 0.95));
    const double prior_width = s.prior_interval().p95() - s.prior_interval().p5();
    const double posterior_width = s.posterior_interval().p95() - s.posterior_interval().p5();
    // Sampling noise can make an uninformed posterior a little wider than its prior: that is no narrowing.
    s.set_narrowing(prior_width > 0.0 ? std::fmax(0.0, 1.0 - posterior_width / prior_width) : 0.0);
    s.set_informed(s.narrowing() >= kInformedNarrowing);
    s.set_prior_rank(percentile_sorted(ranks, 0.5));
    s.set_conflict(s.prior_rank() < kConflictTail || s.prior_rank() > 1.0 - kConflictTail);
    summaries.push_back(std::move(s));
  }
  return summaries;
}

void add_findings(v1::ChannelCalibration& channel, const PeriodHistory* history, const SmcResult& posterior) {
  std::vector<std::string> not_informed;
  for (const auto& s : channel.parameters()) {
    if (!s.calibrated()) continue;
    if (s.conflict()) {
      const bool above = s.prior_rank() > 0.5;
      channel.add_warnings(
          s.name() + ": the data put it at " + number(s.posterior_interval().p50()) +
          " (90%: " + range(s.posterior_interval()) + "), in the prior's " + (above ? "upper " : "lower ") +
          number(100.0 * (above ? 1.0 - s.prior_rank() : s.prior_rank())) + "% (prior " + s.prior_text() +
          ", 90%: " + range(s.prior_interval()) + "): the benchmark does not fit this account");
    }
    if (!s.informed()) not_informed.push_back(s.name());
  }
  if (!not_informed.empty()) {
    std::string names;
    for (const auto& name : not_informed) names += (names.empty() ? "" : ", ") + name;
    channel.add_notes("not informed by the data (narrowed by less than 10%), still at their priors: " +
                      names);
  }
  if (history) {
    const double variation = history->spend_variation();
    if (variation < 0.1) {
      channel.add_notes(
          "spend barely varied between periods (" + number(100.0 * variation) +
          "% standard deviation): the history cannot tell how cost and response change with spend, "
          "so cpm_elasticity and similar parameters stay near their priors");
    }
  }
  for (const auto& series : channel.predictive()) {
    if (series.coverage() < kMinPredictiveCoverage) {
      channel.add_warnings("the model does not reproduce the history of " + series.metric() + ": only " +
                           number(100.0 * series.coverage()) +
                           "% of periods lie inside the simulated P5-P95 band (expected about 90%)");
    }
  }
  const std::size_t n = posterior.dimension == 0 ? 0 : posterior.z.size() / posterior.dimension;
  if (n > 0 && posterior.distinct * 10 < n) {
    channel.add_warnings("only " + std::to_string(posterior.distinct) + " distinct particles of " +
                         std::to_string(n) + ": raise --particles");
  }
}

}  // namespace splitsim
