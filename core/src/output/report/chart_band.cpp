#include "output/report/chart_band.hpp"

#include "output/report/json_rows.hpp"

namespace splitsim {

std::string band_spec(const BandChart& chart) {
  JsonRows points, marker;
  for (const auto& p : chart.points)
    points.row().field("x", p.x).field("p5", p.p5).field("p50", p.p50).field("p95", p.p95);
  if (chart.marked) marker.row().field("x", chart.marker).field("label", chart.marker_label);
  JsonRows reference;
  for (const auto& p : chart.reference) reference.row().field("x", p.x).field("p50", p.p50);
  JsonRows observed;
  for (const auto& [x, value] : chart.observed) observed.row().field("x", x).field("value", value);
  constexpr const char* kSpec = R"spec({
  "width": @WIDTH@, "height": @HEIGHT@, "padding": 5,
  "title": {"text": @TITLE@, "fontSize": 12, "anchor": "start"},
  "data": [{"name": "points", "values": @POINTS@}, {"name": "marker", "values": @MARKER@},
    {"name": "reference", "values": @REFERENCE@}, {"name": "observed", "values": @OBSERVED@}],
  "scales": [
    {"name": "x", "type": "linear", "domain": {"fields": [{"data": "points", "field": "x"},
     {"data": "marker", "field": "x"}]}, "range": "width", "zero": true, "nice": true},
    {"name": "y", "type": "linear", "domain": {"fields": [{"data": "points", "field": "p5"},
     {"data": "points", "field": "p95"}, {"data": "reference", "field": "p50"},
     {"data": "observed", "field": "value"}]}, "range": "height",
     "nice": true, "zero": false}
  ],
  "axes": [
    {"orient": "bottom", "scale": "x", "title": @XTITLE@, "format": "~s", "tickCount": 5},
    {"orient": "left", "scale": "y", "title": @YTITLE@, "format": "~s", "tickCount": 5, "grid": true}
  ],
  "marks": [
    {"type": "area", "from": {"data": "points"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"scale": "y", "field": "p5"}, "y2": {"scale": "y", "field": "p95"},
      "fill": {"value": "#1f5fa8"}, "fillOpacity": {"value": 0.18}}}},
    {"type": "line", "from": {"data": "points"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"scale": "y", "field": "p50"},
      "stroke": {"value": "#1f5fa8"}, "strokeWidth": {"value": 2}}}},
    {"type": "symbol", "from": {"data": "points"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"scale": "y", "field": "p50"}, "size": {"value": 18},
      "fill": {"value": "#1f5fa8"},
      "tooltip": {"signal": "format(datum.x, ',.0f') + ': P50 ' + format(datum.p50, ',.4~r') + ' (P5 ' + format(datum.p5, ',.4~r') + ', P95 ' + format(datum.p95, ',.4~r') + ')'"}}}},
    {"type": "line", "from": {"data": "reference"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"scale": "y", "field": "p50"},
      "stroke": {"value": "#222"}, "strokeWidth": {"value": 1.5}, "strokeDash": {"value": [6, 3]}}}},
    {"type": "symbol", "from": {"data": "observed"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"scale": "y", "field": "value"}, "size": {"value": 22},
      "shape": {"value": "diamond"}, "fill": {"value": "#000"},
      "tooltip": {"signal": "format(datum.x, ',.0f') + ': observed ' + format(datum.value, ',.4~r')"}}}},
    {"type": "rule", "from": {"data": "marker"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"value": 0}, "y2": {"signal": "height"},
      "stroke": {"value": "#000"}, "strokeDash": {"value": [4, 3]}}}},
    {"type": "text", "from": {"data": "marker"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "x"}, "y": {"value": 0}, "dx": {"value": 3}, "baseline": {"value": "top"},
      "fontSize": {"value": 9}, "fill": {"value": "#111"}, "text": {"field": "label"}}}}
  ]
})spec";
  return fill_spec(kSpec, {{"@WIDTH@", std::to_string(chart.width)},
                           {"@HEIGHT@", std::to_string(chart.height)},
                           {"@TITLE@", json_string(chart.title)},
                           {"@POINTS@", points.json()},
                           {"@MARKER@", marker.json()},
                           {"@REFERENCE@", reference.json()},
                           {"@OBSERVED@", observed.json()},
                           {"@XTITLE@", json_string(chart.x_title)},
                           {"@YTITLE@", json_string(chart.y_title)}});
}

}  // namespace splitsim
