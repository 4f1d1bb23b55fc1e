// Calibration of a scenario's channels to the account's own data, end to end: read each history and the lift
// tests, sum the history into the scenario's periods, sample each channel's posterior (smc_sampler) under the
// observation model, and report what the data did (diagnostics, predictive_check). docs/calibration.md has
// the design; this is the pipeline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/process_group.hpp"
#include "calibration.pb.h"
#include "calibration/history_import.hpp"
#include "calibration/observation_model.hpp"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

struct LiftFile {
  std::filesystem::path path;
  std::string name;  // as the user named it
};

// The data to calibrate to.
struct CalibrationData {
  std::vector<HistorySource> histories;  // at most one per channel
  std::vector<LiftFile> lift_files;
};

struct CalibrationOptions {
  std::size_t particles = 1000;  // posterior draws per channel
  std::size_t replicates = 4;    // noise replicates per likelihood evaluation
  std::uint64_t seed = 0;
  MeasurementErrors errors;
  // The processes the particles' likelihoods are spread over (SmcOptions::group); none: one process.
  const ProcessGroup* group = nullptr;
};

// Calibrates every channel that has a history or a lift test, in scenario order, each in parallel over its
// particles. The same data, scenario and options give the same message for any thread count and any
// number of processes. Throws
// InputError (naming the file, line and column) for bad data before anything is simulated, and PluginError
// when a plugin fails.
v1::Calibration calibrate(const ResolvedScenario& scenario, const CalibrationData& data,
                          const CalibrationOptions& options);

// CRC-64/XZ of a file's bytes (to tell which data made a calibration).
v1::InputDigest digest_file(const std::filesystem::path& path, const std::string& name,
                            const std::string& role);

}  // namespace splitsim
