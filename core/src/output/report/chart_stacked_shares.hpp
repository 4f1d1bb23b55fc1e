// One horizontal bar per row, split into the shares of its parts (adding up to 100%): e.g. each scenario's
// recommended money per channel and side, so that scenarios of any budget compare at a glance.
#pragma once

#include <string>
#include <vector>

namespace splitsim {

struct SharePart {
  std::string row;   // the bar
  std::string part;  // the segment, coloured and listed in the legend
  double share = 0.0;
};

// A Vega spec; parts are stacked in the order given.
std::string stacked_shares_spec(const std::vector<SharePart>& parts, const std::string& x_title);

}  // namespace splitsim
