#include "search/objective.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "base/kpi.hpp"
#include "stats/summary.hpp"

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

// The figure of constraint `limit` in a candidate's totals; from the summary when it was not computed (the
// mean or a kept percentile).
v1::ConstraintFigure figure_of(const v1::Candidate& candidate, const KpiLimit& limit) {
  const auto& summary = find_kpi(candidate, limit.kpi);
  for (const auto& figure : summary.constraint_figures()) {
    if (static_cast<int>(figure.constraint()) == limit.index) return figure;
  }
  v1::ConstraintFigure figure;
  figure.set_constraint(static_cast<std::uint32_t>(limit.index));
  switch (limit.statistic) {
    case v1::P5:
      figure.set_value(summary.p5());
      break;
    case v1::P10:
      figure.set_value(summary.p10());
      break;
    case v1::P50:
      figure.set_value(summary.p50());
      break;
    case v1::P90:
      figure.set_value(summary.p90());
      break;
    case v1::P95:
      figure.set_value(summary.p95());
      break;
    default:
      figure.set_value(headline_mean(summary));
  }
  figure.set_steering(figure.value());
  return figure;
}

// The statistic a (non-chance) constraint limits, in words: "mean CPA", "P90 CPA", "quantile 0.8 of CPA".
std::string limited_words(const KpiLimit& limit) {
  const std::string kpi = v1::Kpi_Name(limit.kpi);
  switch (limit.statistic) {
    case v1::QUANTILE:
      return "quantile " + format(limit.quantile) + " of " + kpi;
    case v1::P5:
    case v1::P10:
    case v1::P50:
    case v1::P90:
    case v1::P95:
      return v1::Statistic_Name(limit.statistic) + " " + kpi;
    default:
      return "mean " + kpi + (ratio_parts(limit.kpi).is_ratio() ? " (ratio of totals)" : "");
  }
}

// A constraint's breach relative to its limit's size, judged by the steering figure (> 0 when broken), with
// the words saying why when it is broken.
struct Breach {
  double margin = 0.0;
  std::string reason;
};

double relative(double excess, double limit) {
  if (std::isnan(excess)) return 1e6;
  return std::isfinite(excess) ? excess / std::max(1.0, std::abs(limit)) : (excess > 0 ? 1e6 : -1e6);
}

std::vector<Breach> breaches_of(const v1::Candidate& candidate, const KpiLimit& limit) {
  const auto figure = figure_of(candidate, limit);
  const std::string where = "constraints[" + std::to_string(limit.index) + "]";
  std::vector<Breach> breaches;
  if (limit.probability) {
    // Kept exactly when the share reaches the probability; the margin follows the value kept instead.
    const bool at_least = limit.at_least.has_value();
    const double bound = at_least ? *limit.at_least : *limit.at_most;
    Breach b{relative(at_least ? bound - figure.steering() : figure.steering() - bound, bound), ""};
    if (figure.value() < *limit.probability) {
      b.margin = std::max(b.margin, 1e-6);
      b.reason = where + ".probability: " + constraint_words(limit) + " fails: the share is " +
                 format(figure.value()) + " (" + v1::Kpi_Name(limit.kpi) + " is " +
                 (at_least ? "at least " : "at most ") + format(figure.steering()) + " in " +
                 format(100.0 * *limit.probability) + "% of trials)";
    } else {
      b.margin = std::min(b.margin, 0.0);
    }
    breaches.push_back(b);
    return breaches;
  }
  const double value = figure.value();
  if (limit.at_most) {
    Breach b{relative(value - *limit.at_most, *limit.at_most), ""};
    if (!(value <= *limit.at_most)) {
      b.reason = where + ".at_most: " + limited_words(limit) + " " + format(value) + " is above " +
                 format(*limit.at_most);
    }
    breaches.push_back(b);
  }
  if (limit.at_least) {
    Breach b{relative(*limit.at_least - value, *limit.at_least), ""};
    if (!(value >= *limit.at_least)) {
      b.reason = where + ".at_least: " + limited_words(limit) + " " + format(value) + " is below " +
                 format(*limit.at_least);
    }
    breaches.push_back(b);
  }
  return breaches;
}

// Each limit's breach relative to the limit's size: > 0 when broken.
template <typename Visit>
void for_each_breach(const v1::Candidate& candidate, const ResolvedScenario& scenario, Visit visit) {
  for (const auto& constraint : scenario.constraints) {
    for (const auto& breach : breaches_of(candidate, constraint)) {
      if (!breach.reason.empty()) visit(breach.reason, std::max(breach.margin, 1e-6));
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

double headline_mean(const v1::KpiSummary& summary) {
  return summary.has_ratio_of_means() ? summary.ratio_of_means() : summary.mean();
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
    case v1::P90:
      return s.p90();
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
      return headline_mean(s);
  }
}

double sample_statistic(std::vector<double>& values, const Objective& objective) {
  if (values.empty()) return 0.0;
  const auto percentile = [&values](double q) {
    std::sort(values.begin(), values.end());
    return percentile_sorted(values, q);
  };
  switch (objective.statistic) {
    case v1::P5:
      return percentile(0.05);
    case v1::P10:
      return percentile(0.10);
    case v1::P50:
      return percentile(0.50);
    case v1::P90:
      return percentile(0.90);
    case v1::P95:
      return percentile(0.95);
    case v1::PROB_TARGET:
      return summarize(values, objective.target.value_or(0.0), lower_is_better(objective.kpi))
          .prob_target.value_or(0.0);
    case v1::MEAN_MINUS_SD: {
      const Summary s = summarize(values);
      return lower_is_better(objective.kpi) ? s.mean + objective.risk_aversion * s.sd
                                            : s.mean - objective.risk_aversion * s.sd;
    }
    default:
      return summarize(values).mean;
  }
}

std::string constraint_words(const KpiLimit& limit) {
  const std::string kpi = v1::Kpi_Name(limit.kpi);
  if (limit.probability) {
    return "P(" + kpi +
           (limit.at_least ? " >= " + format(*limit.at_least) : " <= " + format(*limit.at_most)) +
           ") >= " + format(*limit.probability);
  }
  std::string words;
  if (limit.at_least) words = limited_words(limit) + " >= " + format(*limit.at_least);
  if (limit.at_most) {
    words += (words.empty() ? limited_words(limit) : " and") + " <= " + format(*limit.at_most);
  }
  return words;
}

std::string infeasibility_message(const CandidateSource& candidates, const ResolvedScenario& scenario) {
  // One pass over the candidates, each read once (a large grid's are read back from where they are kept):
  // the closest candidate (the smallest total breach), and per constraint the best figure any candidate
  // reaches and whether some candidate keeps it.
  int closest = -1;
  double closest_excess = 0.0;
  std::string closest_breaks;
  struct Binding {
    bool kept = false;
    int best = -1;
    double best_margin = 0.0;
    v1::ConstraintFigure figure;
    std::uint32_t index = 0;  // the best candidate's
  };
  std::vector<Binding> bindings(scenario.constraints.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const v1::Candidate candidate = candidates.at(i);
    const double excess = constraint_excess(candidate, scenario);
    if (closest < 0 || excess < closest_excess) {
      closest = static_cast<int>(i), closest_excess = excess;
      closest_breaks = candidate.infeasible();
    }
    for (std::size_t l = 0; l < scenario.constraints.size(); ++l) {
      const auto& limit = scenario.constraints[l];
      auto& binding = bindings[l];
      double margin = -1e300;
      bool breaks = false;
      for (const auto& b : breaches_of(candidate, limit)) {
        margin = std::max(margin, b.margin);
        breaks = breaks || !b.reason.empty();
      }
      binding.kept = binding.kept || !breaks;
      if (binding.best < 0 || margin < binding.best_margin) {
        binding.best = static_cast<int>(i), binding.best_margin = margin;
        binding.figure = figure_of(candidate, limit);
        binding.index = candidate.index();
      }
    }
  }
  std::string text = "no candidate split meets the constraints";
  std::string binding_text;
  for (std::size_t l = 0; l < scenario.constraints.size(); ++l) {
    const auto& limit = scenario.constraints[l];
    const auto& binding = bindings[l];
    if (binding.kept || binding.best < 0) continue;
    const auto& figure = binding.figure;
    binding_text +=
        (binding_text.empty() ? "" : "; ") + std::string("constraints[") + std::to_string(limit.index) +
        "] (" + constraint_words(limit) + ") binds: the best any candidate achieves is " +
        (limit.probability ? "a share of " + format(figure.value()) + " (" + v1::Kpi_Name(limit.kpi) + " " +
                                 (limit.at_least ? "at least " : "at most ") + format(figure.steering()) +
                                 " in " + format(100.0 * *limit.probability) + "% of trials)"
                           : limited_words(limit) + " " + format(figure.value())) +
        ", candidate #" + std::to_string(binding.index);
  }
  if (!binding_text.empty()) text += ": " + binding_text;
  if (closest >= 0) {
    text +=
        (binding_text.empty() ? "; the closest breaks " : "; the closest candidate breaks ") + closest_breaks;
  }
  return text;
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
  std::vector<double> margins;
  for (const auto& constraint : scenario.constraints) {
    for (const auto& breach : breaches_of(candidate, constraint)) margins.push_back(breach.margin);
  }
  const auto& objective = scenario.objective;
  if (objective.statistic == v1::MIN_COST_FOR_TARGET) {
    const double target = objective.target.value_or(0.0);
    margins.push_back(relative(target - reached, target));
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

double value_kept_below_with_probability(std::span<const double> sorted, double p) {
  const std::size_t n = sorted.size();
  if (n == 0) return 0.0;
  std::size_t k = 0;
  while (k < n && static_cast<double>(k) / static_cast<double>(n) < p) ++k;
  return k == 0 ? -std::numeric_limits<double>::infinity() : sorted[k - 1];
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
    case v1::P90:
      return "P90 (the value reached in only 10% of trials; for a cost, not exceeded in 90%)";
    case v1::P95:
      return "P95";
    case v1::QUANTILE:
      return "quantile";
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
