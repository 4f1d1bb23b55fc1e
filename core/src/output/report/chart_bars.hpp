// Horizontal bars, one per row, each labelled in words and with its value: the chart of the split against
// the current plan, of marginal returns, of team hours and of the drivers. The label names the plan (or
// series) as well as the colour does, so the chart reads without colour.
#pragma once

#include <string>
#include <vector>

namespace splitsim {

struct Bar {
  std::string label;   // e.g. "facebook · Recommended"
  std::string series;  // e.g. "Recommended": the bar's colour
  double value = 0.0;
};

// A Vega spec; `value_format` is a d3 format for the value printed at each bar's end (e.g. ",.0f"), one of
// the report's own (it is written into an expression as it is).
std::string bars_spec(const std::vector<Bar>& bars, const std::string& value_title,
                      const std::string& value_format);

}  // namespace splitsim
