// Posterior predictive check: the historical plan simulated once per posterior particle, with fresh noise and
// the measurement error, gives a P5-P95 band per period for each metric; the observed series should lie
// inside it in about 90% of periods. Lift tests get the simulated increment's band under the prior and the
// posterior.
#pragma once

#include <span>
#include <vector>

#include "calibration.pb.h"
#include "calibration/channel_likelihood.hpp"

namespace splitsim {

// One PredictiveSeries per metric compared. `parameters` holds every particle's full parameter vector.
std::vector<v1::PredictiveSeries> predictive_check(const ChannelLikelihood& likelihood,
                                                   const PeriodHistory& history,
                                                   const MeasurementErrors& errors,
                                                   std::span<const double> parameters, std::uint64_t key,
                                                   std::uint32_t channel_index);

// One LiftCheck per lift test: the simulated increment under the prior's draws and under the posterior's.
std::vector<v1::LiftCheck> lift_checks(const ChannelLikelihood& likelihood,
                                       std::span<const double> prior_parameters,
                                       std::span<const double> posterior_parameters);

}  // namespace splitsim
