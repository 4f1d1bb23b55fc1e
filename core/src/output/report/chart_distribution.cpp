#include "output/report/chart_distribution.hpp"

#include <algorithm>

#include "output/report/json_rows.hpp"

namespace splitsim {
namespace {

// Each bin's share of the plan's trials, as rows {start, end, share}; a closing row at the last edge lets a
// step line draw the last bin.
JsonRows bin_rows(const v1::KpiDistribution& d, bool closing_row) {
  JsonRows rows;
  double total = static_cast<double>(d.non_finite());
  for (const auto count : d.bin_counts()) total += static_cast<double>(count);
  if (total <= 0.0 || d.bin_edges_size() != d.bin_counts_size() + 1) return rows;
  for (int b = 0; b < d.bin_counts_size(); ++b) {
    rows.row()
        .field("start", d.bin_edges(b))
        .field("end", d.bin_edges(b + 1))
        .field("share", static_cast<double>(d.bin_counts(b)) / total);
  }
  if (closing_row) {
    const int last = d.bin_counts_size() - 1;
    rows.row()
        .field("start", d.bin_edges(last + 1))
        .field("end", d.bin_edges(last + 1))
        .field("share", static_cast<double>(d.bin_counts(last)) / total);
  }
  return rows;
}

}  // namespace

std::string distribution_spec(const v1::ReportData& data, const std::string& kpi_title,
                              const std::string& reference_label, bool has_target, double target) {
  const auto& recommended = data.recommended();
  double low = recommended.bin_edges_size() ? recommended.bin_edges(0) : 0.0;
  double high = recommended.bin_edges_size() ? recommended.bin_edges(recommended.bin_edges_size() - 1) : 1.0;
  JsonRows rules;
  if (recommended.quantiles_size() == 99) {
    // Label rows staggered in height so that close percentiles stay legible.
    rules.row()
        .field("name", "P5")
        .field("value", recommended.quantiles(4))
        .field("y", 0.0)
        .field("dash", "");
    rules.row()
        .field("name", "P50")
        .field("value", recommended.quantiles(49))
        .field("y", 12.0)
        .field("dash", "");
    rules.row()
        .field("name", "P95")
        .field("value", recommended.quantiles(94))
        .field("y", 0.0)
        .field("dash", "");
  }
  if (has_target) {
    rules.row().field("name", "target").field("value", target).field("y", 24.0).field("dash", "6,3");
    low = std::min(low, target);
    high = std::max(high, target);
  }
  const bool reference = !reference_label.empty() && data.has_reference();
  constexpr const char* kSpec = R"spec({
  "width": 520, "height": 220, "padding": 5,
  "data": [
    {"name": "recommended", "values": @RECOMMENDED@},
    {"name": "reference", "values": @REFERENCE@},
    {"name": "rules", "values": @RULES@}
  ],
  "scales": [
    {"name": "x", "type": "linear", "domain": [@LOW@, @HIGH@], "range": "width", "zero": false, "nice": false},
    {"name": "y", "type": "linear", "domain": {"fields": [{"data": "recommended", "field": "share"},
     {"data": "reference", "field": "share"}]}, "range": "height", "nice": true, "zero": true}
  ],
  "axes": [
    {"orient": "bottom", "scale": "x", "title": @KPI@, "format": "~s"},
    {"orient": "left", "scale": "y", "title": "share of trials", "format": "~%", "grid": true}
  ],
  "marks": [
    {"type": "rect", "from": {"data": "recommended"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "start"}, "x2": {"scale": "x", "field": "end"},
      "y": {"scale": "y", "field": "share"}, "y2": {"scale": "y", "value": 0},
      "fill": {"value": "#1f5fa8"}, "fillOpacity": {"value": 0.7}, "stroke": {"value": "#fff"},
      "strokeWidth": {"value": 0.5}}}},
    {"type": "line", "from": {"data": "reference"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "start"}, "y": {"scale": "y", "field": "share"},
      "interpolate": {"value": "step-after"}, "stroke": {"value": "#222"}, "strokeWidth": {"value": 2},
      "strokeDash": {"value": [6, 3]}}}},
    {"type": "rule", "from": {"data": "rules"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "value"}, "y": {"value": 0}, "y2": {"signal": "height"},
      "stroke": {"value": "#000"}, "strokeDash": {"signal": "datum.dash ? [6, 3] : []"}}}},
    {"type": "text", "from": {"data": "rules"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "value"}, "y": {"field": "y"}, "dx": {"value": 3}, "baseline": {"value": "top"},
      "fontSize": {"value": 10}, "fill": {"value": "#111"}, "text": {"field": "name"}}}}
  ]
})spec";
  return fill_spec(kSpec, {{"@LOW@", json_number(low)},
                           {"@HIGH@", json_number(high)},
                           {"@KPI@", json_string(kpi_title)},
                           {"@RULES@", rules.empty() ? "[]" : rules.json()},
                           {"@RECOMMENDED@", bin_rows(recommended, false).json()},
                           {"@REFERENCE@", reference ? bin_rows(data.reference(), true).json() : "[]"}});
}

}  // namespace splitsim
