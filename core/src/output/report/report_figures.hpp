// What a report reads from a results file, in the report's own terms: the recommended plan and the plan it
// is set against (today's plan, else the runner-up), per channel, and the headline figures. The charts and
// the page read these, never the results directly, so the page's figures and `show --format json` agree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "results.pb.h"
#include "search/candidate_source.hpp"

namespace splitsim {

struct ChannelPlanFigures {
  std::string channel;
  double paid = 0.0;     // money over the horizon
  double organic = 0.0;  // money over the horizon (0 when the plan says nothing of it)
  double posts_per_week = 0.0;
};

struct PlanFigures {
  std::string label;  // "Recommended", "Current plan" or "Runner-up"
  std::vector<ChannelPlanFigures> channels;
};

struct ReportFigures {
  std::string scenario_name;
  std::string currency;
  double budget = 0.0;
  double period_days = 7.0;
  std::string objective_kpi;        // e.g. "CONVERSIONS"
  std::string objective_statistic;  // e.g. "MEAN"
  double objective_value = 0.0;
  std::optional<double> target;
  v1::KpiSummary objective_summary;  // the recommendation's objective KPI
  PlanFigures recommended;
  v1::Allocation recommended_allocation;  // as the results give it, for the plan period by period
  std::optional<PlanFigures> reference;
};

// The figures of `results`; throws InputError naming `file` when they hold no recommendation.
ReportFigures report_figures(const v1::Results& results, const std::string& file);
// The same for `results` with `candidates` as its candidates; only the two plans drawn are read.
ReportFigures report_figures(const v1::Results& results, const CandidateSource& candidates,
                             const std::string& file);

// The headline figures as JSON, embedded in the page for whoever reads it by program (and the tests).
std::string figures_json(const ReportFigures& figures);

}  // namespace splitsim
