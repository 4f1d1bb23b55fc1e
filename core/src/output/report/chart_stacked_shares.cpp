#include "output/report/chart_stacked_shares.hpp"

#include <algorithm>
#include <set>

#include "output/report/json_rows.hpp"

namespace splitsim {

std::string stacked_shares_spec(const std::vector<SharePart>& parts, const std::string& x_title) {
  JsonRows rows;
  std::set<std::string> bars;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    rows.row()
        .field("row", parts[i].row)
        .field("part", parts[i].part)
        .field("share", parts[i].share)
        .field("order", static_cast<double>(i));
    bars.insert(parts[i].row);
  }
  // A segment's share is also written on it when wide enough, so the chart reads without its colours.
  constexpr const char* kSpec = R"spec({
  "width": 640, "height": @HEIGHT@, "padding": 5,
  "data": [{"name": "rows", "values": @ROWS@,
    "transform": [{"type": "stack", "groupby": ["row"], "field": "share", "sort": {"field": "order"}}]}],
  "scales": [
    {"name": "y", "type": "band", "domain": {"data": "rows", "field": "row"}, "range": "height", "padding": 0.25},
    {"name": "x", "type": "linear", "domain": [0, 1], "range": "width"},
    {"name": "color", "type": "ordinal", "domain": {"data": "rows", "field": "part", "sort": {"field": "order", "op": "min"}},
     "range": {"scheme": "tableau20"}}
  ],
  "axes": [
    {"orient": "bottom", "scale": "x", "title": @XTITLE@, "format": "%", "grid": true},
    {"orient": "left", "scale": "y", "labelLimit": 240}
  ],
  "legends": [{"fill": "color", "orient": "right", "title": "channel · side"}],
  "marks": [
    {"type": "rect", "from": {"data": "rows"}, "encode": {"enter": {
      "y": {"scale": "y", "field": "row"}, "height": {"scale": "y", "band": 1},
      "x": {"scale": "x", "field": "y0"}, "x2": {"scale": "x", "field": "y1"},
      "fill": {"scale": "color", "field": "part"}, "stroke": {"value": "#fff"}, "strokeWidth": {"value": 1},
      "tooltip": {"signal": "datum.row + ', ' + datum.part + ': ' + format(datum.share, '.1%')"}}}},
    {"type": "text", "from": {"data": "rows"}, "encode": {"enter": {
      "y": {"scale": "y", "field": "row", "band": 0.5}, "x": {"signal": "scale('x', (datum.y0 + datum.y1) / 2)"},
      "align": {"value": "center"}, "baseline": {"value": "middle"}, "fontSize": {"value": 9},
      "fill": {"value": "#111"}, "text": {"signal": "datum.share >= 0.08 ? format(datum.share, '.0%') : ''"}}}}
  ]
})spec";
  return fill_spec(kSpec, {{"@HEIGHT@", std::to_string(28 * std::max<std::size_t>(1, bars.size()))},
                           {"@ROWS@", rows.json()},
                           {"@XTITLE@", json_string(x_title)}});
}

}  // namespace splitsim
