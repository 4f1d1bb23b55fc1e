// Intervals side by side, one row per name: each calibrated parameter's 90% interval before the data (the
// prior) and after it (the posterior), with its median marked.
#pragma once

#include <string>
#include <vector>

namespace splitsim {

struct Interval90 {
  std::string name;    // the row
  std::string series;  // e.g. "prior" or "posterior": the first series drawn wide and light, the next narrow
  double p5 = 0.0, p50 = 0.0, p95 = 0.0;
};

// A Vega spec; `x_title` names the common axis.
std::string intervals_spec(const std::vector<Interval90>& intervals, const std::string& x_title);

}  // namespace splitsim
