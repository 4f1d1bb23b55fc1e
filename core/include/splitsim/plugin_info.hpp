// What a plugin says about itself: identity and the parameters it accepts.
#pragma once

#include <string>
#include <vector>

#include "splitsim/distribution.hpp"

namespace splitsim {

// One model parameter: scenarios may override its default with any distribution inside [min, max].
struct ParamSpec {
  std::string name;            // identifier used in scenario files, e.g. "cpm"
  std::string unit;            // e.g. "USD per 1000 impressions", "fraction", "people"
  Distribution default_value;  // used when the scenario does not set the parameter
  double min = 0.0;            // smallest valid value (inclusive)
  double max = 0.0;            // largest valid value (inclusive)
  std::string help;            // one line: meaning and the source of the default
};

// Identity and parameter schema of a platform plugin.
struct PluginInfo {
  std::string name;               // unique plugin name used in scenarios, e.g. "meta"
  std::string version;            // the model's version, e.g. "1.0.0"
  std::string description;        // one line
  std::vector<ParamSpec> params;  // parameter order defines SimulationBlock::params indexing
};

}  // namespace splitsim
