#include "output/batch_index.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "output/html_text.hpp"
#include "output/report/chart_bars.hpp"
#include "output/report/chart_stacked_shares.hpp"
#include "output/report/html_page.hpp"

namespace splitsim {
namespace {

// Figures of different KPIs side by side: six significant digits, never an exponent below a trillion.
std::string figure(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, std::abs(value) >= 1e6 && std::abs(value) < 1e12 ? "%.0f" : "%.6g",
                value);
  return buffer;
}

// As the manifest names it, in lower case: "ok", "invalid", "plugin error"...
std::string status_text(v1::RunStatus status) {
  std::string text = v1::RunStatus_Name(status);
  for (auto& c : text) c = c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

constexpr const char* kStyle = R"css(
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 0 auto;
       max-width: 1200px; padding: 1.5em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.failed { color: #8a1c00; font-weight: bold; }
h2 { font-size: 1.2em; border-bottom: 1px solid #bbb; padding-bottom: 0.2em; margin-top: 1.8em; }
.guide { color: #333; font-style: italic; margin: 0.3em 0 0.6em; }
figure { margin: 0.5em 0; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } tr, figure { break-inside: avoid; } a { color: #111; } }
)css";

// Each finished scenario's recommended money per channel and side, as shares of what it spends.
void split_chart(HtmlPage& page, const v1::BatchManifest& manifest) {
  std::vector<SharePart> parts;
  for (const auto& run : manifest.runs()) {
    if (run.status() != v1::OK) continue;
    double total = 0.0;
    for (const auto& c : run.headline().channels()) total += c.paid() + c.organic();
    if (!(total > 0.0)) continue;
    const std::string row =
        run.headline().scenario_name().empty() ? run.scenario_file() : run.headline().scenario_name();
    for (const auto& c : run.headline().channels()) {
      if (c.paid() > 0.0) parts.push_back({row, c.channel() + " · paid", c.paid() / total});
      if (c.organic() > 0.0) parts.push_back({row, c.channel() + " · organic", c.organic() / total});
    }
  }
  if (parts.empty()) return;
  page.section("splits", "How each scenario splits its money");
  page.chart(
      stacked_shares_spec(parts, "share of the money the recommended plan spends"),
      "Each scenario's recommended plan: the share of its money going to each channel's paid media and "
      "organic effort (labels on segments of 8% or more), so plans of any budget compare side by side.");
}

// The all-in cost per conversion of every scenario that converts, when they share one currency.
void cpa_chart(HtmlPage& page, const v1::BatchManifest& manifest) {
  std::vector<Bar> bars;
  std::string currency;
  for (const auto& run : manifest.runs()) {
    const auto& h = run.headline();
    if (run.status() != v1::OK || !h.has_all_in_cpa()) continue;
    if (!currency.empty() && h.currency() != currency) return;  // not comparable
    currency = h.currency();
    bars.push_back(
        {h.scenario_name().empty() ? run.scenario_file() : h.scenario_name(), "CPA", h.all_in_cpa()});
  }
  if (bars.size() < 2) return;
  page.section("cpa", "Cost per conversion");
  page.chart(bars_spec(bars, "all-in cost per conversion (" + currency + ")", ",.2f"),
             "Each scenario's expected all-in cost (paid media and the team's or bought posts) per expected "
             "conversion under its recommended plan, in " +
                 currency + ": the lower, the cheaper each sale.");
}

}  // namespace

std::string render_batch_index(const v1::BatchManifest& manifest, const std::vector<std::string>& reports) {
  HtmlPage page;
  page.html("<h1>splitsim batch</h1>\n");
  int ok = 0;
  for (const auto& run : manifest.runs()) ok += run.status() == v1::OK ? 1 : 0;
  page.html("<p>" + std::to_string(manifest.runs_size()) + " scenarios, " + std::to_string(ok) +
            " run; splitsim " + html_escape(manifest.splitsim_version()) + ", from " +
            html_escape(manifest.started_at()) + " to " + html_escape(manifest.finished_at()) +
            (manifest.interrupted() ? " (interrupted)" : "") + ".</p>\n");
  page.html(
      "<p>Each scenario's objective: its statistic of the KPI at the recommended plan, with the KPI's P5, "
      "mean and P95; follow a scenario's link for its report.</p>\n");
  std::string table =
      "<table>\n<tr><th>scenario</th><th>status</th><th>objective</th><th>value</th><th>P5</th><th>mean</th>"
      "<th>P95</th><th>organic share</th><th>report</th></tr>\n";
  for (int i = 0; i < manifest.runs_size(); ++i) {
    const auto& run = manifest.runs(i);
    const auto& h = run.headline();
    const bool done = run.status() == v1::OK;
    table += "<tr><td>" + html_escape(run.scenario_file()) + "</td>";
    table += std::string("<td") + (done ? "" : " class=\"failed\"") + ">" + status_text(run.status()) +
             (run.reused() ? " (reused)" : "") + "</td>";
    if (done) {
      table += "<td>" + html_escape(h.statistic() + " " + h.kpi()) + "</td><td class=\"n\">" +
               figure(h.objective_value()) + "</td><td class=\"n\">" + figure(h.p5()) +
               "</td><td class=\"n\">" + figure(h.mean()) + "</td><td class=\"n\">" + figure(h.p95()) +
               "</td><td class=\"n\">" + figure(100.0 * h.organic_share()) + "%</td>";
    } else {
      table +=
          "<td colspan=\"6\">" + html_escape(run.message().substr(0, run.message().find('\n'))) + "</td>";
    }
    const std::string report =
        static_cast<std::size_t>(i) < reports.size() ? reports[static_cast<std::size_t>(i)] : "";
    table += "<td>" +
             (report.empty() ? std::string("") : "<a href=\"" + html_escape(report) + "\">report</a>") +
             "</td></tr>\n";
  }
  page.html(table + "</table>\n");
  split_chart(page, manifest);
  cpa_chart(page, manifest);
  return page.finish("splitsim batch", kStyle);
}

}  // namespace splitsim
