// Command-line values that replace a scenario's own, for `run` and `batch` alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "scenario.pb.h"

namespace splitsim {

// Command-line values that replace the scenario's own.
struct ScenarioOverrides {
  std::optional<std::uint64_t> trials;
  std::optional<std::uint64_t> seed;
  std::optional<std::string> search;       // "grid" or "optimize": the search strategy, with its defaults
  std::optional<std::string> calibration;  // a calibration file to draw calibrated channels' parameters from
  bool keep_trials = false;                // keep every trial's objective value (never turns it off)
};

void apply_overrides(v1::Scenario& scenario, const ScenarioOverrides& overrides);

}  // namespace splitsim
