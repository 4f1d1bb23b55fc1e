#include "output/report/chart_weekly_plan.hpp"

#include "output/report/json_rows.hpp"

namespace splitsim {

std::string weekly_plan_spec(const v1::Allocation& allocation, const std::string& period_name,
                             const std::string& currency) {
  if (allocation.paid_pacing().empty() || !(allocation.paid_budget() > 0.0)) return "";
  JsonRows rows;
  for (int t = 0; t < allocation.paid_pacing_size(); ++t) {
    for (int c = 0; c < allocation.channels_size(); ++c) {
      const auto& channel = allocation.channels(c);
      rows.row()
          .field("period", static_cast<double>(t + 1))
          .field("channel", channel.channel())
          .field("order", static_cast<double>(c))
          .field("spend", channel.paid_budget() * allocation.paid_pacing(t));
    }
  }
  constexpr const char* kSpec = R"spec({
  "width": 520, "height": 220, "padding": 5,
  "data": [{"name": "rows", "values": @ROWS@, "transform": [
    {"type": "stack", "groupby": ["period"], "field": "spend", "sort": {"field": "order"}}]}],
  "scales": [
    {"name": "x", "type": "band", "domain": {"data": "rows", "field": "period"}, "range": "width", "padding": 0.1},
    {"name": "y", "type": "linear", "domain": {"data": "rows", "field": "y1"}, "range": "height", "nice": true,
     "zero": true},
    {"name": "color", "type": "ordinal", "domain": {"data": "rows", "field": "channel"}, "range": "category"}
  ],
  "axes": [
    {"orient": "bottom", "scale": "x", "title": @PERIOD@, "labelOverlap": true},
    {"orient": "left", "scale": "y", "title": @MONEY@, "format": "~s", "grid": true}
  ],
  "legends": [{"fill": "color", "title": "channel (bottom to top)", "orient": "right"}],
  "marks": [
    {"type": "rect", "from": {"data": "rows"}, "encode": {"enter": {
      "x": {"scale": "x", "field": "period"}, "width": {"scale": "x", "band": 1},
      "y": {"scale": "y", "field": "y1"}, "y2": {"scale": "y", "field": "y0"},
      "fill": {"scale": "color", "field": "channel"}, "stroke": {"value": "#fff"}, "strokeWidth": {"value": 0.5},
      "tooltip": {"signal": "datum.channel + ', ' + datum.period + ': ' + format(datum.spend, ',.0f')"}}}}
  ]
})spec";
  return fill_spec(kSpec, {{"@PERIOD@", json_string(period_name)},
                           {"@MONEY@", json_string("paid spend (" + currency + ")")},
                           {"@ROWS@", rows.json()}});
}

}  // namespace splitsim
