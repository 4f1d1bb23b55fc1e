#include "output/report/chart_bars.hpp"

#include "output/report/json_rows.hpp"

namespace splitsim {

std::string bars_spec(const std::vector<Bar>& bars, const std::string& value_title,
                      const std::string& value_format) {
  JsonRows rows;
  for (const auto& bar : bars)
    rows.row().field("label", bar.label).field("series", bar.series).field("value", bar.value);
  constexpr const char* kSpec = R"spec({
  "width": 520, "height": @HEIGHT@, "padding": 5,
  "data": [{"name": "rows", "values": @ROWS@}],
  "scales": [
    {"name": "y", "type": "band", "domain": {"data": "rows", "field": "label"}, "range": "height", "padding": 0.2},
    {"name": "x", "type": "linear", "domain": {"data": "rows", "field": "value"}, "range": "width", "nice": true,
     "zero": true},
    {"name": "color", "type": "ordinal", "domain": {"data": "rows", "field": "series"},
     "range": ["#1f5fa8", "#c4c4c4", "#e08a2e", "#5b9b4a"]}
  ],
  "axes": [
    {"orient": "bottom", "scale": "x", "title": @TITLE@, "format": "~s", "grid": true},
    {"orient": "left", "scale": "y", "labelLimit": 220}
  ],
  "marks": [
    {"type": "rect", "from": {"data": "rows"}, "encode": {"enter": {
      "y": {"scale": "y", "field": "label"}, "height": {"scale": "y", "band": 1},
      "x": {"scale": "x", "value": 0}, "x2": {"scale": "x", "field": "value"},
      "fill": {"scale": "color", "field": "series"}, "stroke": {"value": "#222"}, "strokeWidth": {"value": 0.5},
      "tooltip": {"signal": "datum.label + ': ' + format(datum.value, '@FORMAT@')"
}
}
}
},
    {"type": "text", "from": {"data": "rows"}, "encode": {"enter": {
      "y": {"scale": "y", "field": "label", "band": 0.5}, "x": {"scale": "x", "field": "value", "offset": 4},
      "baseline": {"value": "middle"}, "fontSize": {"value": 10}, "fill": {"value": "#111"},
      "text": {"signal": "format(datum.value, '@FORMAT@')"}}}}
  ]
})spec";
  return fill_spec(kSpec, {{"@HEIGHT@", std::to_string(20 * std::max<std::size_t>(1, bars.size()))},
                           {"@ROWS@", rows.json()},
                           {"@TITLE@", json_string(value_title)},
                           {"@FORMAT@", value_format}});
}

}  // namespace splitsim
