#include "search/candidate_statistics.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <iterator>
#include <limits>
#include <stdexcept>

#include "base/kpi.hpp"
#include "base/shared_values.hpp"
#include "search/objective.hpp"

namespace splitsim {
namespace {

// The share of `sorted` within a chance constraint's limit, and the value kept in `probability` of them.
LimitFigure chance_figure(const KpiLimit& limit, std::span<const double> sorted) {
  LimitFigure figure;
  const double n = static_cast<double>(sorted.size());
  const double p = *limit.probability;
  if (limit.at_least) {
    const auto within = sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), *limit.at_least);
    figure.value = static_cast<double>(within) / n;
    figure.steering = value_reached_with_probability(sorted, p);
  } else {
    const auto within = std::upper_bound(sorted.begin(), sorted.end(), *limit.at_most) - sorted.begin();
    figure.value = static_cast<double>(within) / n;
    figure.steering = value_kept_below_with_probability(sorted, p);
  }
  return figure;
}

}  // namespace

std::optional<double> ratio_of_means(v1::Kpi kpi, const std::vector<Summary>& summaries,
                                     double value_per_conversion) {
  const RatioParts parts = ratio_parts(kpi);
  if (!parts.is_ratio()) return std::nullopt;
  double numerator = 0.0, denominator = 0.0;
  for (const auto part : parts.numerator) numerator += summaries[kpi_index(part)].mean;
  for (const auto part : parts.denominator) denominator += summaries[kpi_index(part)].mean;
  numerator *= parts.scale * (parts.per_conversion_value ? value_per_conversion : 1.0);
  if (denominator > 0.0) return numerator / denominator;
  return parts.is_cost && numerator > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

LimitFigure limit_figure(const KpiLimit& limit, std::span<const double> sorted, const Summary& summary) {
  LimitFigure figure;
  if (limit.probability && !sorted.empty()) {
    figure = chance_figure(limit, sorted);
  } else {
    switch (limit.statistic) {
      case v1::P5:
        figure.value = summary.p5;
        break;
      case v1::P10:
        figure.value = summary.p10;
        break;
      case v1::P50:
        figure.value = summary.p50;
        break;
      case v1::P90:
        figure.value = summary.p90;
        break;
      case v1::P95:
        figure.value = summary.p95;
        break;
      case v1::QUANTILE:
        figure.value = percentile_sorted(sorted, limit.quantile);
        break;
      default:  // the mean: for a ratio KPI, the ratio of expected totals
        figure.value = summary.ratio_of_means.value_or(summary.mean);
    }
    figure.steering = figure.value;
  }
  figure.constraint = limit.index;
  figure.kpi = limit.kpi;
  return figure;
}

namespace {

// Summaries of the totals and of each channel; with `steering`, only those totals it marks. Spread over
// `group`'s processes when given.
CandidateOutcome summarize_scopes(const TrialKpis& kpis, const ResolvedScenario& scenario,
                                  const std::array<bool, kKpiCount>* steering,
                                  std::span<const std::vector<Summary>* const> known_channels,
                                  const ProcessGroup* group) {
  const Objective& objective = scenario.objective;
  CandidateOutcome outcome;
  // Every KPI of every scope (the total, then each channel) summarised in parallel, each into its own slot:
  // the same figures for any thread count, and a search's one candidate at a time uses every core.
  const std::size_t scopes = 1 + kpis.channels.size(), kpi_count = kKpiCount;
  const auto known = [&](std::size_t scope) -> const std::vector<Summary>* {
    return scope > 0 && scope - 1 < known_channels.size() ? known_channels[scope - 1] : nullptr;
  };
  const auto wanted = [&](std::size_t scope, std::size_t k) {
    return (!steering || (scope == 0 && (*steering)[k])) && !known(scope);
  };
  std::vector<std::vector<Summary>> summaries(scopes, std::vector<Summary>(kpi_count));
  for (std::size_t scope = 1; scope < scopes; ++scope)
    if (const auto* summaries_known = known(scope)) summaries[scope] = *summaries_known;
  std::vector<std::size_t> tasks;  // scope * kpi_count + k of each summary to make
  for (std::size_t i = 0; i < scopes * kpi_count; ++i)
    if (wanted(i / kpi_count, i % kpi_count)) tasks.push_back(i);
  std::vector<Summary> made(tasks.size());
  share_values(group, made, [&](std::size_t j) {
    const std::size_t scope = tasks[j] / kpi_count, k = tasks[j] % kpi_count;
    const v1::Kpi kpi = kpi_at(static_cast<int>(k));
    const auto& values = scope == 0 ? kpis.totals[k] : kpis.channels[scope - 1][k];
    return summarize(values, kpi == objective.kpi ? objective.target : std::nullopt, lower_is_better(kpi));
  });
  for (std::size_t j = 0; j < tasks.size(); ++j)
    summaries[tasks[j] / kpi_count][tasks[j] % kpi_count] = made[j];
  for (std::size_t scope = 0; scope < scopes; ++scope) {
    for (std::size_t k = 0; k < kpi_count; ++k) {
      if (!wanted(scope, k)) continue;
      summaries[scope][k].ratio_of_means =
          ratio_of_means(kpi_at(static_cast<int>(k)), summaries[scope], scenario.value_per_conversion);
    }
  }
  outcome.totals = std::move(summaries.front());
  outcome.channels.assign(std::make_move_iterator(summaries.begin() + 1),
                          std::make_move_iterator(summaries.end()));
  outcome.limits.resize(scenario.constraints.size());
  share_values(group, outcome.limits, [&](std::size_t l) {
    const auto& limit = scenario.constraints[l];
    std::vector<double> sorted = kpis.totals[kpi_index(limit.kpi)];
    std::sort(sorted.begin(), sorted.end());
    return limit_figure(limit, sorted, outcome.totals[kpi_index(limit.kpi)]);
  });
  return outcome;
}

}  // namespace

CandidateOutcome summarize_trials(const TrialKpis& kpis, const ResolvedScenario& scenario,
                                  std::span<const std::vector<Summary>* const> known_channels,
                                  const ProcessGroup* group) {
  if (kpis.partial) throw std::logic_error("a search step's figures summarised as a candidate's");
  return summarize_scopes(kpis, scenario, nullptr, known_channels, group);
}

std::array<bool, kKpiCount> steering_kpis(const ResolvedScenario& scenario) {
  std::array<bool, kKpiCount> steering{};
  const auto mark = [&](v1::Kpi kpi) {
    steering[static_cast<std::size_t>(kpi_index(kpi))] = true;
    const RatioParts parts = ratio_parts(kpi);
    for (const auto part : parts.numerator) steering[static_cast<std::size_t>(kpi_index(part))] = true;
    for (const auto part : parts.denominator) steering[static_cast<std::size_t>(kpi_index(part))] = true;
  };
  mark(scenario.objective.kpi);
  mark(v1::PAID_SPEND);
  mark(v1::ORGANIC_COST);
  for (const auto& limit : scenario.constraints) mark(limit.kpi);
  return steering;
}

CandidateOutcome summarize_steering_trials(const TrialKpis& kpis, const ResolvedScenario& scenario,
                                           const ProcessGroup* group) {
  const auto steering = steering_kpis(scenario);
  return summarize_scopes(kpis, scenario, &steering, {}, group);
}

}  // namespace splitsim
