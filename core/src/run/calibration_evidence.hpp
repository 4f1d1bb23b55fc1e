// What a calibration shows a reader of the report: for each calibrated channel, its parameters' priors
// against their posteriors and the history against the posterior predictive band.
#pragma once

#include "calibration.pb.h"
#include "results.pb.h"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// `calibration`'s evidence for the channels of `scenario` it calibrates, in scenario order, into `data`.
// Particles are left out: they are the calibration file's bulk and a report draws summaries.
void add_calibration_evidence(v1::ReportData& data, const v1::Calibration& calibration,
                              const ResolvedScenario& scenario);

}  // namespace splitsim
