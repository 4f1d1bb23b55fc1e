// A calibration as a reader wants it: per channel, the data used, each parameter's prior against its
// posterior (median and 90% interval, and how much the data narrowed it), the predictive check, the lift
// tests, the sampler's diagnostics, warnings and notes.
#pragma once

#include <string>

#include "calibration.pb.h"

namespace splitsim {

std::string format_calibration(const v1::Calibration& calibration);

}  // namespace splitsim
