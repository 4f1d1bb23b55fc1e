#include "output/report/chart_intervals.hpp"

#include <algorithm>
#include <set>

#include "output/report/json_rows.hpp"

namespace splitsim {

std::string intervals_spec(const std::vector<Interval90>& intervals, const std::string& x_title) {
  JsonRows rows;
  std::set<std::string> names;
  for (const auto& i : intervals) {
    rows.row()
        .field("name", i.name)
        .field("series", i.series)
        .field("p5", i.p5)
        .field("p50", i.p50)
        .field("p95", i.p95);
    names.insert(i.name);
  }
  // Told apart by thickness and shade as well as colour, so the chart reads in black and white.
  constexpr const char* kSpec = R"spec({
  "width": 420, "height": @HEIGHT@, "padding": 5,
  "data": [{"name": "rows", "values": @ROWS@}],
  "scales": [
    {"name": "y", "type": "band", "domain": {"data": "rows", "field": "name"}, "range": "height", "padding": 0.3},
    {"name": "x", "type": "linear", "domain": {"fields": [{"data": "rows", "field": "p5"},
     {"data": "rows", "field": "p95"}]}, "range": "width", "nice": true, "zero": false},
    {"name": "size", "type": "ordinal", "domain": {"data": "rows", "field": "series"}, "range": [1, 0.35]},
    {"name": "color", "type": "ordinal", "domain": {"data": "rows", "field": "series"},
     "range": ["#c4c4c4", "#1f5fa8"]}
  ],
  "axes": [
    {"orient": "bottom", "scale": "x", "title": @XTITLE@, "format": "~r", "grid": true, "tickCount": 6},
    {"orient": "left", "scale": "y", "labelLimit": 200}
  ],
  "legends": [{"fill": "color", "title": "90% interval", "orient": "right"}],
  "marks": [
    {"type": "rect", "from": {"data": "rows"}, "encode": {"enter": {
      "yc": {"scale": "y", "field": "name", "band": 0.5},
      "height": {"signal": "bandwidth('y') * scale('size', datum.series)"},
      "x": {"scale": "x", "field": "p5"}, "x2": {"scale": "x", "field": "p95"},
      "fill": {"scale": "color", "field": "series"}, "stroke": {"value": "#222"}, "strokeWidth": {"value": 0.5},
      "tooltip": {"signal": "datum.name + ', ' + datum.series + ': P50 ' + format(datum.p50, ',.4~r') + ' (P5 ' + format(datum.p5, ',.4~r') + ', P95 ' + format(datum.p95, ',.4~r') + ')'"}}}},
    {"type": "rect", "from": {"data": "rows"}, "encode": {"enter": {
      "yc": {"scale": "y", "field": "name", "band": 0.5},
      "height": {"signal": "bandwidth('y') * scale('size', datum.series)"},
      "xc": {"scale": "x", "field": "p50"}, "width": {"value": 2}, "fill": {"value": "#000"}}}}
  ]
})spec";
  return fill_spec(kSpec, {{"@HEIGHT@", std::to_string(std::max<std::size_t>(1, names.size()) * 36)},
                           {"@ROWS@", rows.json()},
                           {"@XTITLE@", json_string(x_title)}});
}

}  // namespace splitsim
