#include "output/report/report_figures.hpp"

#include "base/errors.hpp"
#include "output/report/json_rows.hpp"

namespace splitsim {
namespace {

PlanFigures plan_of(const v1::Allocation& allocation, const std::string& label, double period_days) {
  PlanFigures plan{label, {}};
  for (const auto& c : allocation.channels()) {
    plan.channels.push_back(
        {c.channel(), c.paid_budget(), c.organic_budget(), c.posts_per_period() * 7.0 / period_days});
  }
  return plan;
}

}  // namespace

ReportFigures report_figures(const v1::Results& results, const std::string& file) {
  return report_figures(results, CandidateMessages(results.candidates(), {}), file);
}

ReportFigures report_figures(const v1::Results& results, const CandidateSource& candidates,
                             const std::string& file) {
  const auto& recommendation = results.recommendation();
  const std::size_t best = recommendation.candidate_index();
  if (!results.has_recommendation() || best >= candidates.size()) {
    throw InputError(file, "the results hold no recommendation: there is nothing to report");
  }
  const auto& scenario = results.metadata().scenario();
  ReportFigures f;
  f.scenario_name = scenario.name().empty() ? results.metadata().scenario_file() : scenario.name();
  f.currency = scenario.budget().currency().empty() ? "USD" : scenario.budget().currency();
  f.budget = scenario.budget().total();
  f.period_days = scenario.horizon().period_days() > 0 ? scenario.horizon().period_days() : 7.0;
  f.objective_kpi = v1::Kpi_Name(recommendation.objective().kpi());
  f.objective_statistic = v1::Statistic_Name(recommendation.objective().statistic());
  f.objective_value = recommendation.objective_value();
  if (recommendation.objective().has_target()) f.target = recommendation.objective().target();
  const auto candidate = candidates.at(best);
  for (const auto& kpi : candidate.kpis()) {
    if (kpi.kpi() == recommendation.objective().kpi()) f.objective_summary = kpi;
  }
  f.recommended = plan_of(candidate.allocation(), "Recommended", f.period_days);
  f.recommended_allocation = candidate.allocation();
  if (recommendation.has_baseline()) {
    const auto& baseline = recommendation.baseline();
    PlanFigures current = plan_of(baseline.allocation(), "Current plan", f.period_days);
    // The money and posts as simulated are those of the side-by-side table, channel by channel.
    for (std::size_t i = 0;
         i < current.channels.size() && i < static_cast<std::size_t>(baseline.channels_size()); ++i) {
      current.channels[i].paid = baseline.channels(static_cast<int>(i)).current_paid();
      current.channels[i].posts_per_week = baseline.channels(static_cast<int>(i)).current_posts_per_week();
    }
    f.reference = std::move(current);
  } else if (recommendation.runner_ups_size() > 0) {
    const std::size_t index = recommendation.runner_ups(0).candidate_index();
    if (index < candidates.size()) {
      f.reference = plan_of(candidates.at(index).allocation(), "Runner-up", f.period_days);
    }
  }
  return f;
}

std::string figures_json(const ReportFigures& f) {
  const auto plan_json = [](const PlanFigures& plan) {
    JsonRows rows;
    for (const auto& c : plan.channels) {
      rows.row()
          .field("channel", c.channel)
          .field("paid", c.paid)
          .field("organic", c.organic)
          .field("posts_per_week", c.posts_per_week);
    }
    return "{\"label\":" + json_string(plan.label) + ",\"channels\":" + rows.json() + "}";
  };
  JsonRows summary;
  summary.row()
      .field("mean", f.objective_summary.mean())
      .field("p5", f.objective_summary.p5())
      .field("p50", f.objective_summary.p50())
      .field("p95", f.objective_summary.p95());
  std::string json = "{\"scenario\":" + json_string(f.scenario_name) +
                     ",\"currency\":" + json_string(f.currency) +
                     ",\"objective_kpi\":" + json_string(f.objective_kpi) +
                     ",\"objective_statistic\":" + json_string(f.objective_statistic) +
                     ",\"objective_value\":" + json_number(f.objective_value);
  const std::string summary_json = summary.json();  // one row: the object without its array's brackets
  json += ",\"objective_summary\":" + summary_json.substr(1, summary_json.size() - 2);
  json += ",\"recommended\":" + plan_json(f.recommended);
  if (f.reference) json += ",\"reference\":" + plan_json(*f.reference);
  return json + "}";
}

}  // namespace splitsim
