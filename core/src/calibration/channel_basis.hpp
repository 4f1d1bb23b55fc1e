// What a run's results say about each channel's parameters: calibrated to the account's data (with the data's
// dates) or on distributions (the plugin's benchmark defaults and the scenario's own figures), so that nobody
// mistakes an assumption for a measurement.
#pragma once

#include "results.pb.h"
#include "scenario.pb.h"
#include "scenario/resolved_scenario.hpp"

namespace splitsim {

// One ChannelBasis per channel, in scenario order.
void add_channel_basis(v1::RunMetadata& metadata, const ResolvedScenario& scenario,
                       const v1::Scenario& written);

}  // namespace splitsim
