#include "output/report/report_page.hpp"

#include <cmath>
#include <cstdio>

#include "output/html_text.hpp"
#include "output/number_text.hpp"
#include "output/report/chart_band.hpp"
#include "output/report/chart_bars.hpp"
#include "output/report/chart_distribution.hpp"
#include "output/report/chart_intervals.hpp"
#include "output/report/chart_weekly_plan.hpp"
#include "output/report/html_page.hpp"
#include "output/report/json_rows.hpp"
#include "output/report/report_figures.hpp"

namespace splitsim {
namespace {

// Figures as the table prints them; a figure that is not one (a CPA with no conversion) reads "n/a".
std::string number_text(double value) { return std::isfinite(value) ? readable_number(value) : "n/a"; }

constexpr const char* kStyle = R"css(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 0 auto;
       max-width: 1100px; padding: 1.5em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #bbb; padding-bottom: 0.2em; margin-top: 1.8em; }
.headline { font-size: 1.1em; background: #f2f5f9; border-left: 4px solid #1f5fa8; padding: 0.6em 1em; }
.guide { color: #333; font-style: italic; margin: 0.3em 0 0.6em; }
figure { margin: 0.5em 0; }
.grid { display: flex; flex-wrap: wrap; gap: 1em; }
.grid figure { max-width: 340px; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.warning { color: #7a3c00; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  section, figure { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; }
  .headline { background: none; }
}
)css";

void split_section(HtmlPage& page, const ReportFigures& f) {
  const std::string against = f.reference ? f.reference->label : "";
  page.section("split", f.reference
                            ? "The recommended split against the " +
                                  std::string(against == "Current plan" ? "current plan" : "runner-up")
                            : "The recommended split");
  const auto bars_of = [&](auto value) {
    std::vector<Bar> bars;
    bool any = false;
    for (std::size_t c = 0; c < f.recommended.channels.size(); ++c) {
      const auto& r = f.recommended.channels[c];
      bars.push_back({r.channel + " · " + f.recommended.label, f.recommended.label, value(r)});
      any = any || value(r) != 0.0;
      if (f.reference && c < f.reference->channels.size()) {
        const auto& o = f.reference->channels[c];
        bars.push_back({o.channel + " · " + f.reference->label, f.reference->label, value(o)});
        any = any || value(o) != 0.0;
      }
    }
    return any ? bars : std::vector<Bar>{};
  };
  const std::string beside =
      f.reference ? ", each channel's recommended figure above the " +
                        std::string(against == "Current plan" ? "current plan's" : "runner-up's")
                  : "";
  if (auto bars = bars_of([](const ChannelPlanFigures& c) { return c.paid; }); !bars.empty()) {
    page.chart(bars_spec(bars, "paid media over the horizon (" + f.currency + ")", ",.0f"),
               "Paid media per channel over the horizon, in " + f.currency + beside + ".");
  }
  if (auto bars = bars_of([](const ChannelPlanFigures& c) { return c.organic; }); !bars.empty()) {
    page.chart(bars_spec(bars, "organic effort over the horizon (" + f.currency + ")", ",.0f"),
               "Organic effort (the team's time or bought posts) per channel over the horizon, in " +
                   f.currency + beside + ".");
  }
  if (auto bars = bars_of([](const ChannelPlanFigures& c) { return c.posts_per_week; }); !bars.empty()) {
    page.chart(bars_spec(bars, "posts per week", ",.1f"),
               "Organic posts per week per channel" + beside + ".");
  }
}

void distribution_section(HtmlPage& page, const v1::Results& results, const ReportFigures& f) {
  const auto& recommendation = results.recommendation();
  if (!recommendation.has_report_data() || recommendation.report_data().recommended().bin_counts_size() == 0)
    return;
  const auto& data = recommendation.report_data();
  std::string reference;
  if (data.reference_kind() == v1::ReportData::CURRENT_PLAN) reference = "the current plan";
  if (data.reference_kind() == v1::ReportData::RUNNER_UP) reference = "the runner-up";
  page.section("distribution", f.objective_kpi + " over the trials");
  std::string guide = "How often each value of " + f.objective_kpi +
                      " comes out over the simulated trials: bars for the recommendation";
  if (!reference.empty()) guide += ", dashed outline for " + reference;
  guide += "; vertical lines mark the recommendation's P5, P50 and P95";
  if (f.target) guide += " and the dashed one the target";
  guide += ". A narrow peak is a plan you can count on; a long tail to the left is a risk.";
  page.chart(
      distribution_spec(data, f.objective_kpi, reference, f.target.has_value(), f.target.value_or(0.0)),
      guide);
  if (data.recommended().has_prob_target()) {
    std::string line = "<p>Probability of reaching the target (" + number_text(*f.target) + "): <strong>" +
                       percent_text(data.recommended().prob_target()) + "</strong> with the recommendation";
    if (data.has_reference() && data.reference().has_prob_target()) {
      line += ", " + percent_text(data.reference().prob_target()) + " with " + reference;
    }
    page.html(line + ".</p>\n");
  }
}

void response_section(HtmlPage& page, const v1::Results& results, const ReportFigures& f) {
  const auto& recommendation = results.recommendation();
  if (!recommendation.has_report_data()) return;
  bool any = false;
  for (const auto& curve : recommendation.report_data().response_curves())
    any = any || curve.points_size() > 1;
  if (!any) return;
  page.section("response", "Response curves");
  page.html(
      "<p class=\"guide\">Each channel's " + html_escape(f.objective_kpi) +
      " (line: P50; band: P5 to P95) as its paid money goes from nothing to twice the recommended amount, "
      "every other channel's money held; the dashed line is the recommended amount. Where a curve flattens, "
      "more money in that channel buys little.</p>\n");
  page.grid_begin();
  for (const auto& curve : recommendation.report_data().response_curves()) {
    if (curve.points_size() < 2) continue;
    BandChart chart;
    chart.title = curve.channel();
    chart.x_title = "paid (" + f.currency + ")";
    chart.y_title = f.objective_kpi;
    for (const auto& p : curve.points()) chart.points.push_back({p.paid(), p.p5(), p.p50(), p.p95()});
    chart.marker = curve.recommended_paid();
    chart.marker_label = "recommended";
    page.chart(band_spec(chart), curve.channel() + ": " + f.objective_kpi + " against its paid money.");
  }
  page.grid_end();
}

void frontier_section(HtmlPage& page, const v1::Results& results, const ReportFigures& f) {
  const auto& frontier = results.recommendation().frontier();
  if (frontier.size() < 2) return;
  page.section("frontier", "Efficient frontier");
  BandChart chart;
  chart.title = "The best plan at each total budget";
  chart.x_title = "total budget (" + f.currency + ")";
  chart.y_title = f.objective_kpi;
  chart.width = 520;
  chart.height = 240;
  for (const auto& point : frontier) {
    chart.points.push_back({point.budget(), point.kpi().p5(), point.kpi().p50(), point.kpi().p95()});
  }
  chart.marker = f.budget;
  chart.marker_label = "current budget";
  page.chart(band_spec(chart),
             "The " + f.objective_kpi +
                 " of the best plan found at each total budget (line: P50; band: P5 to P95); "
                 "the dashed line is the scenario's budget. Its slope is what the next money buys.");
}

void marginal_section(HtmlPage& page, const v1::Results& results, const ReportFigures& f) {
  const auto& returns = results.recommendation().marginal_returns();
  if (returns.empty()) return;
  std::vector<Bar> bars;
  for (const auto& r : returns) {
    bars.push_back({r.channel() + " · paid", "paid", r.paid()});
    if (r.organic_possible()) bars.push_back({r.channel() + " · organic", "organic", r.organic()});
  }
  page.section("marginal", "Marginal returns");
  page.chart(bars_spec(bars, f.objective_kpi + " per 1,000 " + f.currency + " more", ",.3~r"),
             "What the next 1,000 " + f.currency +
                 " in each channel's paid media or organic effort adds to the mean " + f.objective_kpi +
                 " at the recommended plan. Money is best moved from the lowest to the highest.");
}

// The flows of the recommended plan period by period (P50 with the P5-P95 band), beside its reference's P50.
void period_series_charts(HtmlPage& page, const v1::Results& results, const std::string& period) {
  const auto& recommendation = results.recommendation();
  if (!recommendation.has_report_data()) return;
  const auto& data = recommendation.report_data();
  std::string reference;
  if (data.reference_kind() == v1::ReportData::CURRENT_PLAN) reference = "the current plan";
  if (data.reference_kind() == v1::ReportData::RUNNER_UP) reference = "the runner-up";
  bool any = false;
  for (const auto& series : data.period_series()) {
    double total = 0.0;
    for (const auto& band : series.recommended()) total += band.p95();
    if (series.recommended_size() < 2 || !(total > 0.0)) continue;  // a flow this plan never has
    if (!any) page.grid_begin();
    any = true;
    BandChart chart;
    chart.title = v1::Kpi_Name(series.kpi());
    chart.x_title = period;
    chart.y_title = "per " + period;
    chart.marked = false;
    for (int t = 0; t < series.recommended_size(); ++t) {
      const auto& b = series.recommended(t);
      chart.points.push_back({static_cast<double>(t + 1), b.p5(), b.p50(), b.p95()});
    }
    for (int t = 0; t < series.reference_size(); ++t) {
      chart.reference.push_back({static_cast<double>(t + 1), 0.0, series.reference(t).p50(), 0.0});
    }
    std::string guide = v1::Kpi_Name(series.kpi()) + " per " + period +
                        " under the recommendation (line: P50; band: P5 to P95)";
    if (!reference.empty() && series.reference_size() > 0) guide += "; dashed: the P50 of " + reference;
    page.chart(band_spec(chart), guide + ".");
  }
  if (any) page.grid_end();
}

// The plan period by period, and a table of the same figures: the chart's colours are not needed to read it.
void weekly_section(HtmlPage& page, const v1::Results& results, const ReportFigures& f) {
  const auto& allocation = f.recommended_allocation;
  const std::string period =
      f.period_days == 7.0 ? "week" : "period of " + number_text(f.period_days) + " days";
  const auto spec = weekly_plan_spec(allocation, period, f.currency);
  if (spec.empty()) return;
  page.section("weekly",
               "The plan " + std::string(f.period_days == 7.0 ? "week by week" : "period by period"));
  page.chart(spec,
             "Paid spend per " + period + " and channel under the recommended plan, in " + f.currency +
                 ", as the pacing spreads it (channels stacked in scenario order, first at the bottom).");
  std::string table =
      "<details><summary>The same figures as a table</summary>\n<table><tr><th>" + period + "</th>";
  for (const auto& c : allocation.channels()) table += "<th>" + html_escape(c.channel()) + "</th>";
  table += "</tr>\n";
  for (int t = 0; t < allocation.paid_pacing_size(); ++t) {
    table += "<tr><td>" + std::to_string(t + 1) + "</td>";
    for (const auto& c : allocation.channels()) {
      table += "<td class=\"n\">" + number_text(c.paid_budget() * allocation.paid_pacing(t)) + "</td>";
    }
    table += "</tr>\n";
  }
  page.html(table + "</table></details>\n");
  period_series_charts(page, results, period);
}

void team_section(HtmlPage& page, const v1::Results& results) {
  const auto& recommendation = results.recommendation();
  if (!recommendation.has_team_use() || recommendation.team_use().roles().empty()) return;
  std::vector<Bar> bars;
  for (const auto& role : recommendation.team_use().roles()) {
    bars.push_back({role.role() + " · needed", "needed", role.hours_per_period()});
    bars.push_back({role.role() + " · capacity", "capacity", role.capacity_per_period()});
  }
  page.section("team", "Team hours against capacity");
  page.chart(
      bars_spec(bars, "hours per period", ",.1f"),
      "Each role's hours per period under the recommended plan (mean over trials) beside what the role can "
      "work. A role whose needs pass its capacity cannot staff the plan.");
}

void drivers_section(HtmlPage& page, const v1::Results& results) {
  const auto& drivers = results.recommendation().drivers();
  if (drivers.empty()) return;
  std::vector<Bar> bars;
  for (const auto& d : drivers) {
    bars.push_back(
        {d.channel() + " · " + d.parameter() + " (" + d.source() + ")", d.source(), d.rank_correlation()});
  }
  page.section("drivers", "What the choice depends on");
  page.chart(
      bars_spec(bars, "rank correlation with the recommendation's advantage", ",.2f"),
      "The uncertain inputs that decide between the recommendation and its runner-up: the further from zero, "
      "the more the choice rests on that input (positive: the higher it is, the more the recommendation "
      "wins). "
      "In brackets, where the figure comes from.");
}

// Where a value lies within the prior's 90% interval: 0 at its P5, 1 at its P95, so that parameters of any
// unit share one axis.
double on_prior_scale(double value, const v1::Interval& prior) {
  const double width = prior.p95() - prior.p5();
  return width > 0.0 ? (value - prior.p5()) / width : 0.5;
}

void calibration_evidence(HtmlPage& page, const v1::CalibrationEvidence& evidence,
                          const std::string& period) {
  page.html("<h3>" + html_escape(evidence.channel()) + "</h3>\n<p>Calibrated with " +
            html_escape(evidence.calibration_file()) + " to the account's data from " +
            html_escape(evidence.first_date()) + " to " + html_escape(evidence.last_date()) + ".</p>\n");
  if (!evidence.parameters().empty()) {
    std::vector<Interval90> intervals;
    for (const auto& p : evidence.parameters()) {
      const auto& prior = p.prior_interval();
      const auto& posterior = p.posterior_interval();
      intervals.push_back({p.name(), "prior", 0.0, on_prior_scale(prior.p50(), prior), 1.0});
      intervals.push_back({p.name(), "posterior", on_prior_scale(posterior.p5(), prior),
                           on_prior_scale(posterior.p50(), prior), on_prior_scale(posterior.p95(), prior)});
    }
    page.chart(intervals_spec(intervals, "position within the prior's 90% interval (0: its P5, 1: its P95)"),
               evidence.channel() +
                   ": each calibrated parameter's 90% interval before the data (wide, light: the prior) and "
                   "after it (narrow, dark: the posterior), the black tick its median. A short posterior "
                   "bar is a parameter the data pinned down; one outside 0 to 1 is data that disagree with "
                   "the benchmark.");
    std::string table =
        "<table><tr><th>parameter</th><th>prior</th><th>prior P5 to P95</th><th>posterior P50 (P5 to "
        "P95)</th><th>narrowed by</th><th>note</th></tr>\n";
    for (const auto& p : evidence.parameters()) {
      const auto& prior = p.prior_interval();
      const auto& posterior = p.posterior_interval();
      std::string note =
          p.conflict() ? "the data disagree with the prior" : (p.informed() ? "" : "little learned");
      table +=
          "<tr><td>" + html_escape(p.name()) + (p.unit().empty() ? "" : " (" + html_escape(p.unit()) + ")") +
          "</td><td>" + html_escape(p.prior_text()) + "</td><td class=\"n\">" + number_text(prior.p5()) +
          " to " + number_text(prior.p95()) + "</td><td class=\"n\">" + number_text(posterior.p50()) + " (" +
          number_text(posterior.p5()) + " to " + number_text(posterior.p95()) + ")</td><td class=\"n\">" +
          percent_text(p.narrowing()) + "</td><td>" + html_escape(note) + "</td></tr>\n";
    }
    page.html(table + "</table>\n");
  }
  if (!evidence.predictive().empty()) {
    page.grid_begin();
    for (const auto& series : evidence.predictive()) {
      BandChart chart;
      chart.title = evidence.channel() + " · " + series.metric();
      chart.x_title = period + " of the history";
      chart.y_title = series.metric() + " per " + period;
      chart.marked = false;
      for (int t = 0; t < series.p50_size() && t < series.p5_size() && t < series.p95_size(); ++t) {
        chart.points.push_back({static_cast<double>(t + 1), series.p5(t), series.p50(t), series.p95(t)});
        if (t < series.observed_size() && std::isfinite(series.observed(t)))
          chart.observed.emplace_back(static_cast<double>(t + 1), series.observed(t));
      }
      if (chart.points.size() < 2) continue;
      page.chart(band_spec(chart), evidence.channel() + ": the " + series.metric() +
                                       " the account reported per " + period +
                                       " (diamonds) against what the calibrated model predicts (line: "
                                       "P50; band: P5 to P95). " +
                                       percent_text(series.coverage()) +
                                       " of the reported figures lie in the band; about 90% is a model that "
                                       "fits.");
    }
    page.grid_end();
  }
  if (!evidence.lift_tests().empty()) {
    std::string table =
        "<table><tr><th>lift test</th><th>spend</th><th>measured lift</th><th>calibrated model P50 (P5 to "
        "P95)</th><th>benchmark model P50 (P5 to P95)</th></tr>\n";
    for (const auto& test : evidence.lift_tests()) {
      table += "<tr><td>" + html_escape(test.start()) + " to " + html_escape(test.end()) +
               "</td><td class=\"n\">" + number_text(test.spend()) + "</td><td class=\"n\">" +
               number_text(test.measured()) + " ± " + number_text(test.standard_error()) +
               "</td><td class=\"n\">" + number_text(test.metric_p50()) + " (" +
               number_text(test.metric_p5()) + " to " + number_text(test.metric_p95()) +
               ")</td><td class=\"n\">" + number_text(test.prior_p50()) + " (" +
               number_text(test.prior_p5()) + " to " + number_text(test.prior_p95()) + ")</td></tr>\n";
    }
    page.html(table + "</table>\n");
  }
  for (const auto& warning : evidence.warnings())
    page.html("<p class=\"warning\">" + html_escape(warning) + "</p>\n");
}

void calibration_section(HtmlPage& page, const v1::Results& results, const ReportFigures& f) {
  const auto& recommendation = results.recommendation();
  if (!recommendation.has_report_data() || recommendation.report_data().calibration().empty()) return;
  page.section("calibration", "Calibration to the account's data");
  page.html(
      "<p class=\"guide\">The calibrated channels' parameters are drawn from what the account's own history "
      "(and lift tests) taught, not from benchmarks alone: below, how much each parameter moved and how well "
      "the calibrated model reproduces that history.</p>\n");
  const std::string period =
      f.period_days == 7.0 ? "week" : "period of " + number_text(f.period_days) + " days";
  for (const auto& evidence : recommendation.report_data().calibration())
    calibration_evidence(page, evidence, period);
}

void metadata_section(HtmlPage& page, const v1::Results& results) {
  const auto& meta = results.metadata();
  page.section("metadata", "How these results were made");
  std::string table = "<table>\n";
  const auto row = [&](const std::string& name, const std::string& value) {
    table += "<tr><th>" + html_escape(name) + "</th><td>" + html_escape(value) + "</td></tr>\n";
  };
  row("scenario file", meta.scenario_file());
  row("splitsim", meta.splitsim_version());
  for (const auto& plugin : meta.plugins()) row("plugin " + plugin.name(), plugin.version());
  row("seed", std::to_string(meta.seed()));
  row("trials", std::to_string(meta.trials()));
  row("search", results.recommendation().strategy());
  if (!meta.execution().started_at().empty()) row("run at", meta.execution().started_at());
  for (const auto& basis : meta.channel_basis()) {
    std::string what = basis.calibrated() ? "calibrated to the account's data (" + basis.first_date() +
                                                " to " + basis.last_date() + ")"
                                          : "benchmark defaults";
    if (!basis.calibrated() && !basis.scenario_parameters().empty()) {
      what += ", except the scenario's own";
      for (const auto& p : basis.scenario_parameters()) what += " " + p;
    }
    row("channel " + basis.channel(), what);
  }
  page.html(table + "</table>\n");
}

}  // namespace

std::string render_report(const v1::Results& results, const std::string& file) {
  return render_report(results, CandidateMessages(results.candidates(), {}), file);
}

std::string render_report(const v1::Results& results, const CandidateSource& candidates,
                          const std::string& file) {
  const ReportFigures f = report_figures(results, candidates, file);
  const auto& recommendation = results.recommendation();
  HtmlPage page;
  page.html("<h1>" + html_escape(f.scenario_name) + "</h1>\n");
  std::string headline = "Recommended plan: " + f.objective_kpi + " " + f.objective_statistic + " " +
                         number_text(f.objective_value) + " (P5 " + number_text(f.objective_summary.p5()) +
                         ", P50 " + number_text(f.objective_summary.p50()) + ", P95 " +
                         number_text(f.objective_summary.p95()) + ") for a budget of " +
                         number_text(f.budget) + " " + f.currency + ".";
  page.html("<p class=\"headline\">" + html_escape(headline) + "</p>\n");
  if (!recommendation.explanation().empty())
    page.html("<p>" + html_escape(recommendation.explanation()) + "</p>\n");
  for (const auto& warning : recommendation.warnings())
    page.html("<p class=\"warning\">" + html_escape(warning) + "</p>\n");
  split_section(page, f);
  distribution_section(page, results, f);
  response_section(page, results, f);
  frontier_section(page, results, f);
  marginal_section(page, results, f);
  weekly_section(page, results, f);
  team_section(page, results);
  drivers_section(page, results);
  calibration_section(page, results, f);
  metadata_section(page, results);
  return page.finish("splitsim report: " + f.scenario_name, kStyle, figures_json(f));
}

}  // namespace splitsim
