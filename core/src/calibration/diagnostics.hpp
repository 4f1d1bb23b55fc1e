// What the data did to each parameter, and what the sampler says about itself: prior against posterior
// (median and 90% interval), how much the data narrowed each one, the parameters they did not inform, and a
// clear warning where the data contradict the prior.
#pragma once

#include <string>
#include <vector>

#include "calibration.pb.h"
#include "calibration/parameter_space.hpp"
#include "calibration/period_history.hpp"
#include "calibration/smc_sampler.hpp"

namespace splitsim {

// A parameter narrowed by less than this share is reported as not informed by the data.
inline constexpr double kInformedNarrowing = 0.10;
// A posterior median beyond this prior probability on either side contradicts the prior.
inline constexpr double kConflictTail = 0.05;
// A predictive band holding fewer of the observed periods says the model cannot reproduce the history.
inline constexpr double kMinPredictiveCoverage = 0.70;

// One summary per plugin parameter, in the plugin's order: prior, and for calibrated ones the posterior of
// the sampler's particles.
std::vector<v1::ParameterSummary> summarize_parameters(const ParameterSpace& space,
                                                       const SmcResult& posterior);

// Warnings (conflicts, a model that misses the history, a degenerate sample) and notes (parameters the data
// did not inform, and why when spend barely varied) for a channel's calibration.
void add_findings(v1::ChannelCalibration& channel, const PeriodHistory* history, const SmcResult& posterior);

// The distribution as the calibration file records it, and back.
v1::PriorDistribution prior_of(const ResolvedParameter& parameter);

}  // namespace splitsim
