#include "output/batch_index.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "output/html_text.hpp"

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
@media print { body { max-width: none; padding: 0; font-size: 11px; } tr { break-inside: avoid; } a { color: #111; } }
)css";

}  // namespace

std::string render_batch_index(const v1::BatchManifest& manifest, const std::vector<std::string>& reports) {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>splitsim "
      "batch</title>\n";
  page += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<h1>splitsim batch</h1>\n";
  int ok = 0;
  for (const auto& run : manifest.runs()) ok += run.status() == v1::OK ? 1 : 0;
  page += "<p>" + std::to_string(manifest.runs_size()) + " scenarios, " + std::to_string(ok) +
          " run; splitsim " + html_escape(manifest.splitsim_version()) + ", from " +
          html_escape(manifest.started_at()) + " to " + html_escape(manifest.finished_at()) +
          (manifest.interrupted() ? " (interrupted)" : "") + ".</p>\n";
  page +=
      "<p>Each scenario's objective: its statistic of the KPI at the recommended plan, with the KPI's P5, "
      "mean "
      "and P95; follow a scenario's link for its report.</p>\n";
  page +=
      "<table>\n<tr><th>scenario</th><th>status</th><th>objective</th><th>value</th><th>P5</th><th>mean</th>"
      "<th>P95</th><th>organic share</th><th>report</th></tr>\n";
  for (int i = 0; i < manifest.runs_size(); ++i) {
    const auto& run = manifest.runs(i);
    const auto& h = run.headline();
    const bool done = run.status() == v1::OK;
    page += "<tr><td>" + html_escape(run.scenario_file()) + "</td>";
    page += std::string("<td") + (done ? "" : " class=\"failed\"") + ">" + status_text(run.status()) +
            (run.reused() ? " (reused)" : "") + "</td>";
    if (done) {
      page += "<td>" + html_escape(h.statistic() + " " + h.kpi()) + "</td><td class=\"n\">" +
              figure(h.objective_value()) + "</td><td class=\"n\">" + figure(h.p5()) +
              "</td><td class=\"n\">" + figure(h.mean()) + "</td><td class=\"n\">" + figure(h.p95()) +
              "</td><td class=\"n\">" + figure(100.0 * h.organic_share()) + "%</td>";
    } else {
      page += "<td colspan=\"6\">" + html_escape(run.message().substr(0, run.message().find('\n'))) + "</td>";
    }
    const std::string report =
        static_cast<std::size_t>(i) < reports.size() ? reports[static_cast<std::size_t>(i)] : "";
    page += "<td>" +
            (report.empty() ? std::string("") : "<a href=\"" + html_escape(report) + "\">report</a>") +
            "</td></tr>\n";
  }
  return page + "</table>\n</body>\n</html>\n";
}

}  // namespace splitsim
