// A median line with its P5-P95 band, with one amount marked and another plan's median dashed beside it:
// the chart of each channel's response curve, of the efficient frontier and of the KPIs period by period.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace splitsim {

struct BandPoint {
  double x = 0.0;  // money
  double p5 = 0.0, p50 = 0.0, p95 = 0.0;
};

struct BandChart {
  std::string title;
  std::string x_title, y_title;
  std::vector<BandPoint> points;
  double marker = 0.0;  // the money amount marked with a dashed rule
  std::string marker_label;
  bool marked = true;
  std::vector<BandPoint> reference;  // another plan's P50, drawn dashed (none: not drawn)
  // Figures observed (x, value), drawn as dots over the band: e.g. the history against its predictive band.
  std::vector<std::pair<double, double>> observed;
  int width = 260, height = 160;
};

// A Vega spec.
std::string band_spec(const BandChart& chart);

}  // namespace splitsim
