// A calibration file (proto/calibration.proto) read back and put to use: checked against the scenario it is
// used with, then each calibrated channel's posterior attached to the resolved scenario.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "calibration.pb.h"
#include "scenario/resolved_scenario.hpp"
#include "scenario/scenario_loader.hpp"

namespace splitsim {

// The bytes a calibration file holds: the deterministic serialisation, so equal calibrations are equal files.
std::string calibration_bytes(const v1::Calibration& calibration);

// Reads a calibration file. Throws InputError naming `name` when it cannot be read, is larger than 1 GiB or
// is not a calibration.
v1::Calibration read_calibration(const std::filesystem::path& path, const std::string& name);

// Checks that `calibration` was made for this scenario: the same period length, and for each calibrated
// channel the same channel, plugin and plugin version, parameters, priors and fixed values (the posterior is
// conditioned on them; carried-in state may differ), with particles of the right size inside the valid
// ranges. Then attaches each channel's posterior. Throws InputError naming `name` and the field, saying what
// differs.
void apply_calibration(ResolvedScenario& scenario, const v1::Calibration& calibration,
                       const std::string& name);

// The calibration file the scenario names (calibration.file, relative to the scenario's folder), if any.
std::optional<std::filesystem::path> scenario_calibration_path(const LoadedScenario& loaded);

// Reads the calibration file the scenario names, when it names one, applies it and returns it (its
// evidence goes into the report).
std::optional<v1::Calibration> use_scenario_calibration(ResolvedScenario& scenario,
                                                        const LoadedScenario& loaded);

}  // namespace splitsim
