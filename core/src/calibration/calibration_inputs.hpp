// Where `splitsim calibrate` finds its data: the command line's --history, --lift and --error, or the same
// inputs named in the scenario (calibration { history lift_tests errors }, paths relative to the scenario).
// Command-line inputs replace the scenario's of the same kind.
#pragma once

#include <string>
#include <vector>

#include "calibration/calibrate.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

// The histories and lift test files to calibrate to. `histories` are CHANNEL=FILE, `lifts` FILE. Throws
// UsageError for a malformed or repeated option or an unknown channel on the command line, InputError naming
// the scenario's line for one in the scenario, and UsageError when there is no data at all.
CalibrationData calibration_data(const LoadedScenario& loaded, const std::vector<std::string>& histories,
                                 const std::vector<std::string>& lifts);

// The measurement errors: the defaults, then the scenario's, then the command line's METRIC=SIGMA.
MeasurementErrors measurement_errors(const LoadedScenario& loaded, const std::vector<std::string>& errors);

}  // namespace splitsim
