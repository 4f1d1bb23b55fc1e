#include "search/objective.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "base/kpi.hpp"

namespace splitsim {
namespace {

std::string format(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

// The q quantile from the percentiles a summary keeps (5, 10, 50, 95), linear between them, flat beyond.
double quantile(const v1::KpiSummary& s, double q) {
  const double at[] = {0.05, 0.10, 0.50, 0.95};
  const double value[] = {s.p5(), s.p10(), s.p50(), s.p95()};
  if (q <= at[0]) return value[0];
  for (int i = 1; i < 4; ++i) {
    if (q <= at[i]) return value[i - 1] + (value[i] - value[i - 1]) * (q - at[i - 1]) / (at[i] - at[i - 1]);
  }
  return value[3];
}

// Each limit's breach relative to the limit's size: > 0 when broken.
template <typename Visit>
void for_each_breach(const v1::Candidate& candidate, const ResolvedScenario& scenario, Visit visit) {
  for (const auto& constraint : scenario.constraints) {
    const double mean = find_kpi(candidate, constraint.kpi).mean();
    const std::string where = "constraints[" + std::to_string(constraint.index) + "]";
    const std::string kpi = v1::Kpi_Name(constraint.kpi);
    if (constraint.at_most && !(mean <= *constraint.at_most)) {
      visit(where + ".at_most: mean " + kpi + " " + format(mean) + " is above " + format(*constraint.at_most),
            std::isfinite(mean) ? (mean - *constraint.at_most) / std::max(1.0, std::abs(*constraint.at_most))
                                : 1e6);
    }
    if (constraint.at_least && !(mean >= *constraint.at_least)) {
      visit(
          where + ".at_least: mean " + kpi + " " + format(mean) + " is below " + format(*constraint.at_least),
          (*constraint.at_least - mean) / std::max(1.0, std::abs(*constraint.at_least)));
    }
  }
  const auto& objective = scenario.objective;
  if (objective.statistic == v1::MIN_COST_FOR_TARGET) {
    const auto& kpi = find_kpi(candidate, objective.kpi);
    const double p = kpi.prob_target();
    const double target = objective.target.value_or(0.0);
    if (p < objective.min_probability) {
      // P(KPI >= target) >= p means the (1 - p) quantile reaches the target; its gap is a smooth guide where
      // the probability itself jumps.
      const double gap =
          (target - quantile(kpi, 1.0 - objective.min_probability)) / std::max(1.0, std::abs(target));
      visit("objective.min_probability: P(" + v1::Kpi_Name(objective.kpi) + " reaches " + format(target) +
                ") is " + format(p) + ", below " + format(objective.min_probability),
            std::max(gap, 1e-6));
    }
  }
}

}  // namespace

const v1::KpiSummary& find_kpi(const v1::Candidate& candidate, v1::Kpi kpi) {
  for (const auto& summary : candidate.kpis()) {
    if (summary.kpi() == kpi) return summary;
  }
  return v1::KpiSummary::default_instance();
}

double objective_value(const v1::Candidate& candidate, const Objective& objective) {
  const auto& s = find_kpi(candidate, objective.kpi);
  switch (objective.statistic) {
    case v1::P5:
      return s.p5();
    case v1::P10:
      return s.p10();
    case v1::P50:
      return s.p50();
    case v1::P95:
      return s.p95();
    case v1::PROB_TARGET:
      return s.prob_target();
    case v1::MEAN_MINUS_SD:
      // Spread is penalised in the direction that hurts: down for what is maximised, up for costs.
      return lower_is_better(objective.kpi) ? s.mean() + objective.risk_aversion * s.sd()
                                            : s.mean() - objective.risk_aversion * s.sd();
    case v1::MIN_COST_FOR_TARGET:
      return find_kpi(candidate, v1::PAID_SPEND).mean() + find_kpi(candidate, v1::ORGANIC_COST).mean();
    default:
      return s.mean();
  }
}

std::string constraint_violation(const v1::Candidate& candidate, const ResolvedScenario& scenario) {
  std::string reasons;
  for_each_breach(candidate, scenario, [&reasons](const std::string& reason, double) {
    reasons += (reasons.empty() ? "" : "; ") + reason;
  });
  return reasons;
}

double constraint_excess(const v1::Candidate& candidate, const ResolvedScenario& scenario) {
  double excess = 0.0;
  for_each_breach(candidate, scenario, [&excess](const std::string&, double breach) { excess += breach; });
  return excess;
}

std::vector<double> constraint_margins(const v1::Candidate& candidate, const ResolvedScenario& scenario,
                                       double reached) {
  const auto finite = [](double v) { return std::isfinite(v) ? v : (v > 0 ? 1e6 : -1e6); };
  std::vector<double> margins;
  for (const auto& constraint : scenario.constraints) {
    const double mean = find_kpi(candidate, constraint.kpi).mean();
    if (constraint.at_most) {
      margins.push_back(finite((mean - *constraint.at_most) / std::max(1.0, std::abs(*constraint.at_most))));
    }
    if (constraint.at_least) {
      margins.push_back(
          finite((*constraint.at_least - mean) / std::max(1.0, std::abs(*constraint.at_least))));
    }
  }
  const auto& objective = scenario.objective;
  if (objective.statistic == v1::MIN_COST_FOR_TARGET) {
    const double target = objective.target.value_or(0.0);
    margins.push_back(finite((target - reached) / std::max(1.0, std::abs(target))));
  }
  return margins;
}

double value_reached_with_probability(std::span<const double> sorted, double p) {
  const std::size_t n = sorted.size();
  if (n == 0) return 0.0;
  // The fewest trials k with k / n >= p, computed as prob_target's share is compared with p.
  std::size_t k = 0;
  while (k < n && static_cast<double>(k) / static_cast<double>(n) < p) ++k;
  return k == 0 ? std::numeric_limits<double>::infinity() : sorted[n - k];
}

double interpolated_probability(std::span<const double> sorted, double target, bool lower_is_better) {
  const std::size_t n = sorted.size();
  if (n == 0) return 0.0;
  // Reaching at least the target: the values at or above it, and the one just below it in part, by how far
  // the target lies under the next value as a share of their gap (1 when the target reaches down to it).
  const auto share_at_least = [&](const auto& value) {  // value(i): the i-th smallest of the values
    std::size_t below = 0;                              // values under the target
    while (below < n && value(below) < target) ++below;
    double reached = static_cast<double>(n - below);
    if (below > 0 && below < n && value(below) > value(below - 1)) {
      reached += (value(below) - target) / (value(below) - value(below - 1));
    }
    return reached / static_cast<double>(n);
  };
  if (!lower_is_better) return share_at_least([&](std::size_t i) { return sorted[i]; });
  // At most the target: at least -target among the negated values, smallest first.
  target = -target;
  return share_at_least([&](std::size_t i) { return -sorted[n - 1 - i]; });
}

std::string statistic_words(v1::Statistic statistic) {
  switch (statistic) {
    case v1::P5:
      return "P5 (the value reached in 95% of trials)";
    case v1::P10:
      return "P10 (the value reached in 90% of trials)";
    case v1::P50:
      return "median";
    case v1::P95:
      return "P95";
    case v1::PROB_TARGET:
      return "probability of reaching the target";
    case v1::MEAN_MINUS_SD:
      return "mean less its spread (risk-adjusted)";
    case v1::MIN_COST_FOR_TARGET:
      return "lowest expected cost reaching the target";
    default:
      return "mean";
  }
}

}  // namespace splitsim
