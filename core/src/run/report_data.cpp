#include "run/report_data.hpp"

#include <algorithm>
#include <cmath>

#include "base/kpi.hpp"
#include "engine/engine.hpp"
#include "scenario/allocation.hpp"
#include "search/baseline.hpp"
#include "search/marginal_returns.hpp"
#include "search/ranking.hpp"
#include "stats/summary.hpp"

namespace splitsim {
namespace {

std::vector<double> finite_sorted(std::vector<double> values) {
  std::erase_if(values, [](double v) { return !std::isfinite(v); });
  std::sort(values.begin(), values.end());
  return values;
}

// The finite range of both plans' values, widened when it is a single point so that its bin has a width.
std::pair<double, double> shared_range(const std::vector<double>& a, const std::vector<double>& b) {
  double low = INFINITY, high = -INFINITY;
  for (const auto* values : {&a, &b}) {
    for (const double v : *values) {
      if (!std::isfinite(v)) continue;
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  if (low > high) return {0.0, 1.0};
  if (low == high)
    return {low - 0.5 * std::max(1.0, std::abs(low)), high + 0.5 * std::max(1.0, std::abs(high))};
  return {low, high};
}

std::vector<double> objective_values(const Engine& engine, const CandidateSplit& split) {
  return std::move(engine.simulate(split).totals[kpi_index(engine.scenario().objective.kpi)]);
}

// Each period flow's mean, P5, P50 and P95 per period.
std::vector<std::vector<v1::PeriodBand>> period_bands(const TrialKpis& kpis) {
  std::vector<std::vector<v1::PeriodBand>> bands(kpis.periods.size());
  for (std::size_t f = 0; f < kpis.periods.size(); ++f) {
    for (const auto& values : kpis.periods[f]) {
      const auto finite = finite_sorted(values);
      v1::PeriodBand band;
      if (finite.empty()) {
        bands[f].push_back(band);
        continue;
      }
      const Summary summary = summarize(finite);
      band.set_mean(summary.mean);
      band.set_p5(summary.p5);
      band.set_p50(summary.p50);
      band.set_p95(summary.p95);
      bands[f].push_back(band);
    }
  }
  return bands;
}

// What a report keeps of a plan's simulation: the objective KPI per trial and the period flows' bands. The
// whole per-trial KPIs are let go at once, so that a report adds no more memory than one simulation.
struct PlanSeries {
  std::vector<double> objective;
  std::vector<std::vector<v1::PeriodBand>> bands;  // [flow][period]
};

PlanSeries simulate_plan(const Engine& engine, const CandidateSplit& split) {
  auto kpis = engine.simulate(split, true);
  PlanSeries plan{std::move(kpis.totals[kpi_index(engine.scenario().objective.kpi)]), period_bands(kpis)};
  return plan;
}

v1::ResponseCurve response_curve(const Engine& engine, const CandidateSplit& best, std::size_t channel) {
  const auto& scenario = engine.scenario();
  const Allocation allocation = allocate(scenario, best);
  const double recommended = allocation.channels[channel].paid_budget;
  // A channel the recommendation gives no paid money is drawn against an even share of the paid budget.
  const double paid_total = allocation.paid_budget > 0.0 ? allocation.paid_budget : allocation.spent;
  const double reference = recommended > 0.0 ? recommended : paid_total / scenario.channels.size();
  v1::ResponseCurve curve;
  curve.set_channel(scenario.channels[channel].name);
  curve.set_recommended_paid(recommended);
  if (!(reference > 0.0)) return curve;
  for (int i = 0; i < kResponsePoints; ++i) {
    const double paid = reference * 2.0 * i / (kResponsePoints - 1);
    const double extra = paid - recommended;
    const auto split = extra == 0.0 ? best : with_extra_money(scenario, best, channel, false, extra);
    const auto values = finite_sorted(objective_values(engine, split));
    if (values.empty()) continue;
    const Summary summary = summarize(values);
    auto* point = curve.add_points();
    point->set_paid(paid);
    point->set_mean(summary.mean);
    point->set_p5(summary.p5);
    point->set_p50(summary.p50);
    point->set_p95(summary.p95);
  }
  return curve;
}

}  // namespace

v1::KpiDistribution describe_distribution(v1::Kpi kpi, std::vector<double> values, double low, double high,
                                          std::optional<double> target) {
  v1::KpiDistribution d;
  d.set_kpi(kpi);
  const std::size_t all = values.size();
  values = finite_sorted(std::move(values));
  d.set_non_finite(all - values.size());
  if (values.empty()) return d;
  const Summary summary = summarize(values, target, lower_is_better(kpi));
  d.set_mean(summary.mean);
  if (summary.prob_target) d.set_prob_target(*summary.prob_target);
  for (int q = 1; q <= 99; ++q) d.add_quantiles(percentile_sorted(values, q / 100.0));
  const double width = (high - low) / kReportBins;
  std::vector<std::uint64_t> counts(kReportBins, 0);
  for (const double v : values) {
    const auto bin = static_cast<int>(std::floor((v - low) / width));
    counts[static_cast<std::size_t>(std::clamp(bin, 0, kReportBins - 1))] += 1;
  }
  for (int b = 0; b <= kReportBins; ++b) d.add_bin_edges(low + width * b);
  for (const auto count : counts) d.add_bin_counts(count);
  return d;
}

v1::ReportData report_data(const ResolvedScenario& scenario, const v1::Results& results,
                           const CandidateSource& candidates, const std::vector<CandidateSplit>& splits,
                           const ProcessGroup* group) {
  v1::ReportData data;
  data.set_version(1);
  const auto& recommendation = results.recommendation();
  const int best = static_cast<int>(recommendation.candidate_index());
  const auto& best_split = splits[static_cast<std::size_t>(best)];
  // The comparison trials: those of the runner-ups and today's plan, which chose nothing.
  Engine engine(scenario, TrialSet::kComparison);
  if (group) engine.spread_trials_over(*group);
  const auto kpi = scenario.objective.kpi;
  const auto recommended_plan = simulate_plan(engine, best_split);
  const auto& recommended = recommended_plan.objective;
  PlanSeries reference_plan;
  if (const auto current = current_plan(scenario)) {
    data.set_reference_kind(v1::ReportData::CURRENT_PLAN);
    reference_plan = simulate_plan(engine, current->split);
  } else {
    auto ranked = ranked_positions(candidates, scenario.objective, true);
    std::erase(ranked, best);
    if (!ranked.empty()) {
      data.set_reference_kind(v1::ReportData::RUNNER_UP);
      data.set_reference_candidate(static_cast<std::uint32_t>(ranked.front()));
      reference_plan = simulate_plan(engine, splits[static_cast<std::size_t>(ranked.front())]);
    }
  }
  const auto& reference = reference_plan.objective;
  for (std::size_t f = 0; f < kPeriodFlowCount; ++f) {
    auto* series = data.add_period_series();
    series->set_kpi(kPeriodFlows[f]);
    for (const auto& band : recommended_plan.bands[f]) *series->add_recommended() = band;
    if (f < reference_plan.bands.size()) {
      for (const auto& band : reference_plan.bands[f]) *series->add_reference() = band;
    }
  }
  const auto [low, high] = shared_range(recommended, reference);
  *data.mutable_recommended() = describe_distribution(kpi, recommended, low, high, scenario.objective.target);
  if (!reference.empty()) {
    *data.mutable_reference() = describe_distribution(kpi, reference, low, high, scenario.objective.target);
  }
  if (scenario.keep_trials) {
    data.mutable_recommended()->mutable_trials()->Add(recommended.begin(), recommended.end());
    if (!reference.empty())
      data.mutable_reference()->mutable_trials()->Add(reference.begin(), reference.end());
  }
  for (std::size_t c = 0; c < scenario.channels.size(); ++c) {
    *data.add_response_curves() = response_curve(engine, best_split, c);
  }
  return data;
}

}  // namespace splitsim
